import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type PathwayRow = typeof schema.referralPathway.$inferSelect;
export type OrganisationRow = typeof schema.organisation.$inferSelect;
export type ContactPersonRow = typeof schema.contactPerson.$inferSelect;

export async function findPathwayRow(db: Database, municipalityId: string): Promise<PathwayRow | null> {
  const [row] = await db.select().from(schema.referralPathway).where(eq(schema.referralPathway.municipalityId, municipalityId)).limit(1);
  return row ?? null;
}

export async function upsertPathwayRow(tx: Database, municipalityId: string, rules: unknown[], userId: string): Promise<PathwayRow> {
  const existing = await findPathwayRow(tx, municipalityId);
  if (existing) {
    const [row] = await tx
      .update(schema.referralPathway)
      .set({ rules, version: existing.version + 1, updatedByUserId: userId, updatedAt: new Date() })
      .where(and(eq(schema.referralPathway.municipalityId, municipalityId), eq(schema.referralPathway.id, existing.id)))
      .returning();
    if (!row) throw new Error('referral_pathway update returned nothing');
    return row;
  }
  const [row] = await tx.insert(schema.referralPathway).values({ municipalityId, rules, version: 1, updatedByUserId: userId }).returning();
  if (!row) throw new Error('referral_pathway insert returned nothing');
  return row;
}

/** The active organisations of a municipality (for resolving pathway contacts). */
export async function findActiveOrganisations(db: Database, municipalityId: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), isNull(schema.organisation.archivedAt)))
    .orderBy(asc(schema.organisation.name));
}

export async function findContactPeople(db: Database, municipalityId: string, organisationIds: string[]): Promise<ContactPersonRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(schema.contactPerson)
    .where(and(eq(schema.contactPerson.municipalityId, municipalityId), inArray(schema.contactPerson.organisationId, organisationIds)))
    .orderBy(asc(schema.contactPerson.position));
}
