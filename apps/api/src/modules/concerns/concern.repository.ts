import { and, asc, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type ConcernRow = typeof schema.concern.$inferSelect;
export type ConcernInsert = Omit<typeof schema.concern.$inferInsert, 'municipalityId' | 'id' | 'createdAt' | 'updatedAt'>;
export type ConcernMessageRow = typeof schema.concernMessage.$inferSelect;

export async function insertConcern(tx: Database, municipalityId: string, values: ConcernInsert): Promise<ConcernRow> {
  const [row] = await tx.insert(schema.concern).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('concern insert returned nothing');
  return row;
}

export async function findConcern(db: Database, municipalityId: string, concernId: string): Promise<ConcernRow | null> {
  const [row] = await db
    .select()
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, concernId)))
    .limit(1);
  return row ?? null;
}

/** A page of concerns. `visibleTo` limits it to those the user reported or is assigned; null means all. */
export async function listConcerns(
  db: Database,
  municipalityId: string,
  visibleTo: string | null,
  filter: { status?: string; limit: number; offset: number },
): Promise<{ rows: ConcernRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [eq(schema.concern.municipalityId, municipalityId)];
  if (visibleTo) conditions.push(or(eq(schema.concern.reporterUserId, visibleTo), eq(schema.concern.assignedUserId, visibleTo)));
  if (filter.status) conditions.push(eq(schema.concern.status, filter.status));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(schema.concern).where(where).orderBy(desc(schema.concern.createdAt)).limit(filter.limit).offset(filter.offset),
    db.select({ total: count() }).from(schema.concern).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function updateConcernRow(tx: Database, municipalityId: string, concernId: string, values: Partial<ConcernInsert>): Promise<void> {
  await tx
    .update(schema.concern)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, concernId)));
}

export async function insertMessage(tx: Database, municipalityId: string, values: { concernId: string; authorUserId: string; kind: string; textEnc: string }): Promise<void> {
  await tx.insert(schema.concernMessage).values({ ...values, municipalityId });
}

export async function findMessages(db: Database, municipalityId: string, concernId: string): Promise<ConcernMessageRow[]> {
  return db
    .select()
    .from(schema.concernMessage)
    .where(and(eq(schema.concernMessage.municipalityId, municipalityId), eq(schema.concernMessage.concernId, concernId)))
    .orderBy(asc(schema.concernMessage.createdAt));
}


export async function organisationNames(db: Database, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.organisation.id, name: schema.organisation.name })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), inArray(schema.organisation.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Active users who may be assigned a concern: caseworkers and coordinators. */
export async function findAssignees(db: Database, municipalityId: string) {
  return db
    .select({ id: schema.appUser.id, name: schema.appUser.name, role: schema.appUser.role })
    .from(schema.appUser)
    .where(
      and(eq(schema.appUser.municipalityId, municipalityId), isNull(schema.appUser.deactivatedAt), inArray(schema.appUser.role, ['caseworker', 'coordinator'])),
    )
    .orderBy(asc(schema.appUser.name));
}

/** Names of users by id, scoped to the municipality (one function for every module). */
export { findUserNames as userNames } from '../users/user.repository';
