import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type PlanRow = typeof schema.plan.$inferSelect;
export type VersionRow = typeof schema.planVersion.$inferSelect;
export type MeasureRow = typeof schema.planMeasure.$inferSelect;
export type MilestoneRow = typeof schema.planMilestone.$inferSelect;
export type UpdateRow = typeof schema.planMeasureUpdate.$inferSelect;
export type MeasureValues = Omit<typeof schema.planMeasure.$inferInsert, 'id' | 'municipalityId' | 'createdAt' | 'updatedAt'>;

const m = schema.planMeasure;
const v = schema.planVersion;

export async function findPlans(db: Database, municipalityId: string): Promise<PlanRow[]> {
  return db.select().from(schema.plan).where(eq(schema.plan.municipalityId, municipalityId)).orderBy(desc(schema.plan.periodStart), asc(schema.plan.title));
}

export async function findPlan(db: Database, municipalityId: string, planId: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(schema.plan).where(and(eq(schema.plan.municipalityId, municipalityId), eq(schema.plan.id, planId))).limit(1);
  return row ?? null;
}

export async function findVersions(db: Database, municipalityId: string, planIds: string[]): Promise<VersionRow[]> {
  if (planIds.length === 0) return [];
  return db.select().from(v).where(and(eq(v.municipalityId, municipalityId), inArray(v.planId, planIds))).orderBy(asc(v.planId), asc(v.number));
}

export async function findVersion(db: Database, municipalityId: string, planId: string, number: number): Promise<VersionRow | null> {
  const [row] = await db.select().from(v).where(and(eq(v.municipalityId, municipalityId), eq(v.planId, planId), eq(v.number, number))).limit(1);
  return row ?? null;
}

export async function findVersionById(db: Database, municipalityId: string, versionId: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(v).where(and(eq(v.municipalityId, municipalityId), eq(v.id, versionId))).limit(1);
  return row ?? null;
}

/** Ids of the plans where the organisation owns or takes part in a measure of any version. */
export async function planIdsInvolving(db: Database, municipalityId: string, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ planId: v.planId })
    .from(m)
    .innerJoin(v, eq(v.id, m.planVersionId))
    .where(and(eq(m.municipalityId, municipalityId), or(eq(m.ownerOrganisationId, organisationId), sql`${organisationId}::uuid = any(${m.partnerOrganisationIds})`)));
  return new Set(rows.map((row) => row.planId));
}

export async function findMeasures(db: Database, municipalityId: string, versionId: string): Promise<MeasureRow[]> {
  return db.select().from(m).where(and(eq(m.municipalityId, municipalityId), eq(m.planVersionId, versionId))).orderBy(asc(m.area), asc(m.position), asc(m.createdAt));
}

export async function findMeasure(db: Database, municipalityId: string, measureId: string): Promise<MeasureRow | null> {
  const [row] = await db.select().from(m).where(and(eq(m.municipalityId, municipalityId), eq(m.id, measureId))).limit(1);
  return row ?? null;
}

export async function findMilestones(db: Database, municipalityId: string, measureIds: string[]): Promise<MilestoneRow[]> {
  if (measureIds.length === 0) return [];
  return db
    .select()
    .from(schema.planMilestone)
    .where(and(eq(schema.planMilestone.municipalityId, municipalityId), inArray(schema.planMilestone.measureId, measureIds)))
    .orderBy(asc(schema.planMilestone.position));
}

export async function organisationNames(db: Database, municipalityId: string): Promise<Map<string, { name: string; archived: boolean }>> {
  const rows = await db
    .select({ id: schema.organisation.id, name: schema.organisation.name, archivedAt: schema.organisation.archivedAt })
    .from(schema.organisation)
    .where(eq(schema.organisation.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.id, { name: row.name, archived: row.archivedAt !== null }]));
}

export type TimelineRow = UpdateRow & { authorName: string | null; organisationName: string | null; versionNumber: number };

export async function findTimeline(db: Database, municipalityId: string, planId: string, lineageId: string): Promise<TimelineRow[]> {
  const u = schema.planMeasureUpdate;
  const rows = await db
    .select({ update: u, authorName: schema.appUser.name, organisationName: schema.organisation.name, versionNumber: v.number })
    .from(u)
    .innerJoin(m, eq(m.id, u.measureId))
    .innerJoin(v, eq(v.id, m.planVersionId))
    .leftJoin(schema.appUser, eq(schema.appUser.id, u.authorUserId))
    .leftJoin(schema.organisation, eq(schema.organisation.id, schema.appUser.organisationId))
    .where(and(eq(u.municipalityId, municipalityId), eq(u.planId, planId), eq(u.lineageId, lineageId)))
    .orderBy(desc(u.occurredOn), desc(u.createdAt));
  return rows.map((row) => ({ ...row.update, authorName: row.authorName, organisationName: row.organisationName, versionNumber: row.versionNumber }));
}

export async function insertPlan(tx: Database, municipalityId: string, values: Pick<PlanRow, 'title' | 'periodStart' | 'periodEnd'>): Promise<PlanRow> {
  const [row] = await tx.insert(schema.plan).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('plan insert returned nothing');
  return row;
}

export async function insertVersion(tx: Database, municipalityId: string, planId: string, number: number): Promise<VersionRow> {
  const [row] = await tx.insert(v).values({ municipalityId, planId, number, status: 'draft' }).returning();
  if (!row) throw new Error('plan version insert returned nothing');
  return row;
}

export async function updateVersionRow(tx: Database, municipalityId: string, versionId: string, values: Partial<Pick<VersionRow, 'status' | 'decisionRef' | 'decisionDate' | 'adoptedAt' | 'adoptedByUserId'>>): Promise<void> {
  await tx.update(v).set(values).where(and(eq(v.municipalityId, municipalityId), eq(v.id, versionId)));
}

export async function touchPlan(tx: Database, municipalityId: string, planId: string): Promise<void> {
  await tx.update(schema.plan).set({ updatedAt: new Date() }).where(and(eq(schema.plan.municipalityId, municipalityId), eq(schema.plan.id, planId)));
}

export async function insertMeasure(tx: Database, municipalityId: string, values: MeasureValues & { id?: string | undefined }): Promise<MeasureRow> {
  const [row] = await tx.insert(m).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('measure insert returned nothing');
  return row;
}

export async function updateMeasureRow(tx: Database, municipalityId: string, measureId: string, values: Partial<MeasureValues>): Promise<void> {
  await tx.update(m).set({ ...values, updatedAt: new Date() }).where(and(eq(m.municipalityId, municipalityId), eq(m.id, measureId)));
}

export async function deleteMeasureRow(tx: Database, municipalityId: string, measureId: string): Promise<void> {
  await tx.delete(m).where(and(eq(m.municipalityId, municipalityId), eq(m.id, measureId)));
}

export async function replaceMilestones(
  tx: Database,
  municipalityId: string,
  measureId: string,
  milestones: { id?: string | undefined; title: string; dueDate: string; doneOn: string | null }[],
): Promise<void> {
  await tx.delete(schema.planMilestone).where(and(eq(schema.planMilestone.municipalityId, municipalityId), eq(schema.planMilestone.measureId, measureId)));
  if (milestones.length === 0) return;
  await tx.insert(schema.planMilestone).values(
    milestones.map((milestone, position) => ({ ...(milestone.id ? { id: milestone.id } : {}), title: milestone.title, dueDate: milestone.dueDate, doneOn: milestone.doneOn, municipalityId, measureId, position })),
  );
}

export async function markMilestonesDone(tx: Database, municipalityId: string, measureId: string, milestoneIds: string[], doneOn: string): Promise<void> {
  if (milestoneIds.length === 0) return;
  await tx
    .update(schema.planMilestone)
    .set({ doneOn })
    .where(and(eq(schema.planMilestone.municipalityId, municipalityId), eq(schema.planMilestone.measureId, measureId), inArray(schema.planMilestone.id, milestoneIds)));
}

export async function insertUpdate(tx: Database, municipalityId: string, values: Omit<typeof schema.planMeasureUpdate.$inferInsert, 'id' | 'municipalityId' | 'createdAt'>): Promise<UpdateRow> {
  const [row] = await tx.insert(schema.planMeasureUpdate).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('update insert returned nothing');
  return row;
}

export type DeadlineRow = { measure: MeasureRow; planId: string; planTitle: string; versionNumber: number };

/** Open measures with a due date on or before `until` in the adopted versions in force. */
export async function findOpenDueMeasures(db: Database, municipalityId: string, until: string, ownerOrganisationId: string | null): Promise<DeadlineRow[]> {
  const rows = await db
    .select({ measure: m, planId: schema.plan.id, planTitle: schema.plan.title, versionNumber: v.number })
    .from(m)
    .innerJoin(v, eq(v.id, m.planVersionId))
    .innerJoin(schema.plan, eq(schema.plan.id, v.planId))
    .where(
      and(
        eq(m.municipalityId, municipalityId),
        eq(v.status, 'adopted'),
        sql`${m.dueDate} is not null and ${m.dueDate} <= ${until}`,
        sql`${m.status} not in ('done', 'cancelled')`,
        ownerOrganisationId ? eq(m.ownerOrganisationId, ownerOrganisationId) : undefined,
      ),
    )
    .orderBy(asc(m.dueDate), asc(m.title));
  return rows;
}

/** Names of users by id, scoped to the municipality (one function for every module). */
export { findUserNames as userNames } from '../users/user.repository';
