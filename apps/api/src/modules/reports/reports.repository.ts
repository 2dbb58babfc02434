import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type ReportRow = typeof schema.councilReport.$inferSelect;
export type ReportVersionRow = typeof schema.councilReportVersion.$inferSelect;

const r = schema.councilReport;
const v = schema.councilReportVersion;

export async function findReports(db: Database, municipalityId: string): Promise<ReportRow[]> {
  return db.select().from(r).where(eq(r.municipalityId, municipalityId)).orderBy(desc(r.year));
}

export async function findReport(db: Database, municipalityId: string, reportId: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(r).where(and(eq(r.municipalityId, municipalityId), eq(r.id, reportId))).limit(1);
  return row ?? null;
}

export async function findReportByYear(db: Database, municipalityId: string, year: number): Promise<ReportRow | null> {
  const [row] = await db.select().from(r).where(and(eq(r.municipalityId, municipalityId), eq(r.year, year))).limit(1);
  return row ?? null;
}

export async function findVersions(db: Database, municipalityId: string, reportIds: string[]): Promise<ReportVersionRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(v).where(and(eq(v.municipalityId, municipalityId), inArray(v.reportId, reportIds))).orderBy(asc(v.reportId), asc(v.number));
}

export async function findVersion(db: Database, municipalityId: string, reportId: string, number: number): Promise<ReportVersionRow | null> {
  const [row] = await db.select().from(v).where(and(eq(v.municipalityId, municipalityId), eq(v.reportId, reportId), eq(v.number, number))).limit(1);
  return row ?? null;
}

export async function insertReport(tx: Database, values: typeof r.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(r).values(values).returning();
  if (!row) throw new Error('insert council_report returned nothing');
  return row;
}

export async function insertVersion(tx: Database, values: typeof v.$inferInsert): Promise<ReportVersionRow> {
  const [row] = await tx.insert(v).values(values).returning();
  if (!row) throw new Error('insert council_report_version returned nothing');
  return row;
}

/** Changes a draft only: a final version is never updated (the status guard is in the SQL). */
export async function updateDraft(tx: Database, municipalityId: string, versionId: string, values: Partial<Pick<ReportVersionRow, 'narrativeEnc' | 'snapshotEnc' | 'status' | 'finalisedAt' | 'finalisedByUserId' | 'caseNumber' | 'archiveCode' | 'committee' | 'meetingDate' | 'caseOfficer' | 'recommendation' | 'attachments'>>): Promise<boolean> {
  const rows = await tx
    .update(v)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(v.municipalityId, municipalityId), eq(v.id, versionId), eq(v.status, 'draft')))
    .returning({ id: v.id });
  return rows.length === 1;
}

export async function touchReport(tx: Database, municipalityId: string, reportId: string): Promise<void> {
  await tx.update(r).set({ updatedAt: new Date() }).where(and(eq(r.municipalityId, municipalityId), eq(r.id, reportId)));
}

export async function municipalityOf(db: Database, municipalityId: string): Promise<{ name: string; suppressionThreshold: number; roundingBase: number } | null> {
  const [row] = await db.select({ name: schema.municipality.name, settings: schema.municipality.settings }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return row ? { name: row.name, suppressionThreshold: row.settings.suppressionThreshold, roundingBase: row.settings.roundingBase ?? 1 } : null;
}
