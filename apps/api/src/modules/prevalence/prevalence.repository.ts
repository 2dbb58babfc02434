import { and, asc, between, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type StudyRow = typeof schema.prevalenceStudy.$inferSelect;
export type ListRow = typeof schema.prevalenceList.$inferSelect;
export type EstimateRow = typeof schema.prevalenceEstimate.$inferSelect;

export async function insertStudy(db: Database, values: typeof schema.prevalenceStudy.$inferInsert): Promise<StudyRow> {
  const [row] = await db.insert(schema.prevalenceStudy).values(values).returning();
  return row as StudyRow;
}

export function findStudyRows(db: Database, municipalityId: string): Promise<StudyRow[]> {
  return db.select().from(schema.prevalenceStudy).where(eq(schema.prevalenceStudy.municipalityId, municipalityId)).orderBy(desc(schema.prevalenceStudy.createdAt), asc(schema.prevalenceStudy.id));
}

export async function findStudyRow(db: Database, municipalityId: string, id: string): Promise<StudyRow | undefined> {
  const [row] = await db
    .select()
    .from(schema.prevalenceStudy)
    .where(and(eq(schema.prevalenceStudy.municipalityId, municipalityId), eq(schema.prevalenceStudy.id, id)))
    .limit(1);
  return row;
}

export async function updateStudy(db: Database, municipalityId: string, id: string, values: Partial<typeof schema.prevalenceStudy.$inferInsert>): Promise<void> {
  await db
    .update(schema.prevalenceStudy)
    .set(values)
    .where(and(eq(schema.prevalenceStudy.municipalityId, municipalityId), eq(schema.prevalenceStudy.id, id)));
}

export function findListRows(db: Database, municipalityId: string, studyId: string): Promise<ListRow[]> {
  return db
    .select()
    .from(schema.prevalenceList)
    .where(and(eq(schema.prevalenceList.municipalityId, municipalityId), eq(schema.prevalenceList.studyId, studyId)))
    .orderBy(asc(schema.prevalenceList.createdAt), asc(schema.prevalenceList.id));
}

export async function insertList(db: Database, values: typeof schema.prevalenceList.$inferInsert): Promise<ListRow> {
  const [row] = await db.insert(schema.prevalenceList).values(values).returning();
  return row as ListRow;
}

export async function insertMembers(db: Database, rows: (typeof schema.prevalenceMember.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schema.prevalenceMember).values(rows.slice(i, i + 1000));
}

export function findMembers(db: Database, municipalityId: string, studyId: string) {
  return db
    .select({ listId: schema.prevalenceMember.listId, person: schema.prevalenceMember.person, pseudonym: schema.prevalenceMember.pseudonym })
    .from(schema.prevalenceMember)
    .where(and(eq(schema.prevalenceMember.municipalityId, municipalityId), eq(schema.prevalenceMember.studyId, studyId)));
}

/** Erases the study's pseudonyms; returns how many rows went. */
export async function deleteMembers(db: Database, municipalityId: string, studyId: string): Promise<number> {
  const gone = await db
    .delete(schema.prevalenceMember)
    .where(and(eq(schema.prevalenceMember.municipalityId, municipalityId), eq(schema.prevalenceMember.studyId, studyId)))
    .returning({ id: schema.prevalenceMember.id });
  return gone.length;
}

export async function insertEstimate(db: Database, values: typeof schema.prevalenceEstimate.$inferInsert): Promise<EstimateRow> {
  const [row] = await db.insert(schema.prevalenceEstimate).values(values).returning();
  return row as EstimateRow;
}

export function findEstimateRows(db: Database, municipalityId: string, studyId: string): Promise<EstimateRow[]> {
  return db
    .select()
    .from(schema.prevalenceEstimate)
    .where(and(eq(schema.prevalenceEstimate.municipalityId, municipalityId), eq(schema.prevalenceEstimate.studyId, studyId)))
    .orderBy(desc(schema.prevalenceEstimate.createdAt), desc(schema.prevalenceEstimate.id));
}

/** Lykt's own cases opened in the period that hold personal details (encrypted). */
export function findCasePersons(db: Database, municipalityId: string, from: Date, to: Date) {
  return db
    .select({ id: schema.caseFile.id, personEnc: schema.caseFile.personEnc })
    .from(schema.caseFile)
    .where(and(eq(schema.caseFile.municipalityId, municipalityId), between(schema.caseFile.createdAt, from, to), isNotNull(schema.caseFile.personEnc)))
    .orderBy(asc(schema.caseFile.createdAt), asc(schema.caseFile.id));
}

/** Final studies whose kept pseudonyms are past their day and not yet erased (all municipalities). */
export function findStudiesPastKeepDay(db: Database, today: string) {
  const s = schema.prevalenceStudy;
  return db
    .select({ id: s.id, municipalityId: s.municipalityId })
    .from(s)
    .where(and(eq(s.status, 'final'), isNull(s.pseudonymsErasedAt), lt(s.keepPseudonymsUntil, today)));
}
