import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type AttemptRow = typeof schema.trainingAttempt.$inferSelect;
export type CompletionRow = typeof schema.trainingCompletion.$inferSelect;
export type SettingRow = typeof schema.trainingSetting.$inferSelect;
export type PlanLinkRow = typeof schema.trainingPlanLink.$inferSelect;
export type StaffRow = { userId: string; name: string; role: string; organisationId: string; organisationName: string; organisationKind: string };

/** Active staff with their organisation: the people coverage is counted over. */
export async function findStaff(db: Database, municipalityId: string): Promise<StaffRow[]> {
  return db
    .select({
      userId: schema.appUser.id,
      name: schema.appUser.name,
      role: schema.appUser.role,
      organisationId: schema.organisation.id,
      organisationName: schema.organisation.name,
      organisationKind: schema.organisation.kind,
    })
    .from(schema.appUser)
    .innerJoin(schema.organisation, and(eq(schema.organisation.id, schema.appUser.organisationId), eq(schema.organisation.municipalityId, municipalityId)))
    .where(and(eq(schema.appUser.municipalityId, municipalityId), isNull(schema.appUser.deactivatedAt)))
    .orderBy(asc(schema.organisation.name), asc(schema.appUser.name));
}

export async function findOrganisationKind(db: Database, municipalityId: string, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ kind: schema.organisation.kind })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), eq(schema.organisation.id, organisationId)))
    .limit(1);
  return row?.kind ?? null;
}

export async function findSettings(db: Database, municipalityId: string): Promise<SettingRow[]> {
  return db.select().from(schema.trainingSetting).where(eq(schema.trainingSetting.municipalityId, municipalityId));
}

export async function upsertSetting(tx: Database, municipalityId: string, moduleKey: string, values: { passScore: number; refreshMonths: number; userId: string }): Promise<void> {
  await tx
    .insert(schema.trainingSetting)
    .values({ municipalityId, moduleKey, passScore: values.passScore, refreshMonths: values.refreshMonths, updatedByUserId: values.userId })
    .onConflictDoUpdate({
      target: [schema.trainingSetting.municipalityId, schema.trainingSetting.moduleKey],
      set: { passScore: values.passScore, refreshMonths: values.refreshMonths, updatedByUserId: values.userId, updatedAt: new Date() },
    });
}

/** Completions of one user (all modules) or of everyone for one module, newest first. */
export async function findCompletions(db: Database, municipalityId: string, filter: { userId?: string; moduleKey?: string }): Promise<CompletionRow[]> {
  const t = schema.trainingCompletion;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), filter.userId ? eq(t.userId, filter.userId) : undefined, filter.moduleKey ? eq(t.moduleKey, filter.moduleKey) : undefined))
    .orderBy(desc(t.completedAt));
}

export async function findCompletion(db: Database, municipalityId: string, completionId: string): Promise<CompletionRow | null> {
  const t = schema.trainingCompletion;
  const [row] = await db.select().from(t).where(and(eq(t.municipalityId, municipalityId), eq(t.id, completionId))).limit(1);
  return row ?? null;
}

export async function insertCompletion(tx: Database, municipalityId: string, values: Omit<typeof schema.trainingCompletion.$inferInsert, 'id' | 'municipalityId'>): Promise<CompletionRow> {
  const [row] = await tx.insert(schema.trainingCompletion).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('completion insert returned nothing');
  return row;
}

export async function insertAttempt(tx: Database, municipalityId: string, values: Omit<typeof schema.trainingAttempt.$inferInsert, 'id' | 'municipalityId'>): Promise<AttemptRow> {
  const [row] = await tx.insert(schema.trainingAttempt).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('attempt insert returned nothing');
  return row;
}

/** One attempt of one user: another user's attempt is simply not found. */
export async function findAttempt(db: Database, municipalityId: string, userId: string, attemptId: string): Promise<AttemptRow | null> {
  const t = schema.trainingAttempt;
  const [row] = await db.select().from(t).where(and(eq(t.municipalityId, municipalityId), eq(t.userId, userId), eq(t.id, attemptId))).limit(1);
  return row ?? null;
}

/** Marks an attempt submitted, only if it was not already (returns false when another request got there first). */
export async function submitAttemptRow(tx: Database, municipalityId: string, attemptId: string, values: { answers: Record<string, string>; score: number; passed: boolean }): Promise<boolean> {
  const t = schema.trainingAttempt;
  const rows = await tx
    .update(t)
    .set({ ...values, submittedAt: new Date() })
    .where(and(eq(t.municipalityId, municipalityId), eq(t.id, attemptId), isNull(t.submittedAt)))
    .returning({ id: t.id });
  return rows.length === 1;
}

export async function findPlanLinks(db: Database, municipalityId: string): Promise<PlanLinkRow[]> {
  return db.select().from(schema.trainingPlanLink).where(eq(schema.trainingPlanLink.municipalityId, municipalityId)).orderBy(asc(schema.trainingPlanLink.createdAt));
}

export async function findPlanLink(db: Database, municipalityId: string, linkId: string): Promise<PlanLinkRow | null> {
  const t = schema.trainingPlanLink;
  const [row] = await db.select().from(t).where(and(eq(t.municipalityId, municipalityId), eq(t.id, linkId))).limit(1);
  return row ?? null;
}

export async function insertPlanLink(tx: Database, municipalityId: string, values: Omit<typeof schema.trainingPlanLink.$inferInsert, 'id' | 'municipalityId'>): Promise<PlanLinkRow> {
  const [row] = await tx.insert(schema.trainingPlanLink).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('plan link insert returned nothing');
  return row;
}

export async function deletePlanLink(tx: Database, municipalityId: string, linkId: string): Promise<void> {
  await tx.delete(schema.trainingPlanLink).where(and(eq(schema.trainingPlanLink.municipalityId, municipalityId), eq(schema.trainingPlanLink.id, linkId)));
}

export async function markPlanLinkApplied(tx: Database, municipalityId: string, linkId: string): Promise<void> {
  await tx.update(schema.trainingPlanLink).set({ lastAppliedAt: new Date() }).where(and(eq(schema.trainingPlanLink.municipalityId, municipalityId), eq(schema.trainingPlanLink.id, linkId)));
}

/** Measures (any version) by lineage, with their version's status and number, newest version first. */
export async function findMeasuresByLineage(db: Database, municipalityId: string, lineageIds: string[]) {
  if (lineageIds.length === 0) return [];
  return db
    .select({
      id: schema.planMeasure.id,
      lineageId: schema.planMeasure.lineageId,
      title: schema.planMeasure.title,
      progress: schema.planMeasure.progress,
      status: schema.planMeasure.status,
      planId: schema.planVersion.planId,
      versionStatus: schema.planVersion.status,
      versionNumber: schema.planVersion.number,
    })
    .from(schema.planMeasure)
    .innerJoin(schema.planVersion, and(eq(schema.planVersion.id, schema.planMeasure.planVersionId), eq(schema.planVersion.municipalityId, municipalityId)))
    .where(and(eq(schema.planMeasure.municipalityId, municipalityId), inArray(schema.planMeasure.lineageId, lineageIds)))
    .orderBy(desc(schema.planVersion.number));
}

export async function findMeasureWithVersion(db: Database, municipalityId: string, measureId: string) {
  const [row] = await db
    .select({ id: schema.planMeasure.id, lineageId: schema.planMeasure.lineageId, title: schema.planMeasure.title, planId: schema.planVersion.planId, versionStatus: schema.planVersion.status })
    .from(schema.planMeasure)
    .innerJoin(schema.planVersion, and(eq(schema.planVersion.id, schema.planMeasure.planVersionId), eq(schema.planVersion.municipalityId, municipalityId)))
    .where(and(eq(schema.planMeasure.municipalityId, municipalityId), eq(schema.planMeasure.id, measureId)))
    .limit(1);
  return row ?? null;
}

/** Completions recorded in a period (for the council report), with the organisation kind at the time. */
export async function countCompletionsInPeriod(db: Database, municipalityId: string, from: Date, to: Date) {
  const t = schema.trainingCompletion;
  return db
    .select({ moduleKey: t.moduleKey, kind: schema.organisation.kind, total: sql<number>`count(distinct ${t.userId})::int` })
    .from(t)
    .innerJoin(schema.organisation, eq(schema.organisation.id, t.organisationId))
    .where(and(eq(t.municipalityId, municipalityId), sql`${t.completedAt} >= ${from}`, sql`${t.completedAt} < ${to}`))
    .groupBy(t.moduleKey, schema.organisation.kind);
}
