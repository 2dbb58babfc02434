import { and, count, desc, eq } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type ScreeningRow = typeof schema.screening.$inferSelect;
export type ScreeningInsert = Omit<typeof schema.screening.$inferInsert, 'municipalityId' | 'id' | 'createdAt'>;

export async function insertScreening(tx: Database, municipalityId: string, values: ScreeningInsert): Promise<ScreeningRow> {
  const [row] = await tx.insert(schema.screening).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('screening insert returned nothing');
  return row;
}

export async function findScreening(db: Database, municipalityId: string, screeningId: string): Promise<ScreeningRow | null> {
  const [row] = await db
    .select()
    .from(schema.screening)
    .where(and(eq(schema.screening.municipalityId, municipalityId), eq(schema.screening.id, screeningId)))
    .limit(1);
  return row ?? null;
}

/** A page of screenings; `createdBy` limits it to one user's own. */
export async function listScreenings(
  db: Database,
  municipalityId: string,
  createdBy: string | null,
  page: { limit: number; offset: number },
): Promise<{ rows: ScreeningRow[]; total: number }> {
  const where = and(eq(schema.screening.municipalityId, municipalityId), createdBy ? eq(schema.screening.createdByUserId, createdBy) : undefined);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(schema.screening).where(where).orderBy(desc(schema.screening.createdAt)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(schema.screening).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}
