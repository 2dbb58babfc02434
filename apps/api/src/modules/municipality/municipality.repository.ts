import { and, eq } from 'drizzle-orm';
import { announce } from '../../platform/cluster/invalidation';
import { schema, type Database, type MunicipalitySettingsJson } from '@lykt/db';

export type MunicipalityRow = typeof schema.municipality.$inferSelect;

export async function findMunicipality(db: Database, municipalityId: string): Promise<MunicipalityRow | null> {
  const [row] = await db.select().from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return row ?? null;
}

export async function updateMunicipality(
  tx: Database,
  municipalityId: string,
  values: { name?: string; settings?: MunicipalitySettingsJson },
): Promise<MunicipalityRow> {
  const [row] = await tx
    .update(schema.municipality)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(schema.municipality.id, municipalityId))
    .returning();
  if (!row) throw new Error('municipality update returned nothing');
  await announce(tx, { kind: 'municipality', id: municipalityId });
  return row;
}

export async function countMunicipalities(db: Database): Promise<number> {
  const rows = await db.select({ id: schema.municipality.id }).from(schema.municipality).limit(1);
  return rows.length;
}

/** The municipality and the name of one of its organisations, in one query. */
export async function findMunicipalityWithOrganisation(
  db: Database,
  municipalityId: string,
  organisationId: string,
): Promise<{ municipality: MunicipalityRow; organisationName: string } | null> {
  const [row] = await db
    .select({ municipality: schema.municipality, organisationName: schema.organisation.name })
    .from(schema.municipality)
    .innerJoin(schema.organisation, and(eq(schema.organisation.municipalityId, schema.municipality.id), eq(schema.organisation.id, organisationId)))
    .where(eq(schema.municipality.id, municipalityId))
    .limit(1);
  return row ?? null;
}
