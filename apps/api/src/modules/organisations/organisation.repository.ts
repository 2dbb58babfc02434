import { and, asc, count, desc, eq, ilike, inArray, isNull } from 'drizzle-orm';
import { containsPattern } from '../../platform/keyset';
import { announce } from '../../platform/cluster/invalidation';
import { schema, type Database } from '@lykt/db';
import type { ContactPersonInput } from '@lykt/shared';

export type OrganisationRow = typeof schema.organisation.$inferSelect;
export type ContactPersonRow = typeof schema.contactPerson.$inferSelect;
export type OrganisationValues = Pick<typeof schema.organisation.$inferInsert, 'name' | 'kind' | 'isInternal' | 'phone' | 'email' | 'notes'>;

export async function findOrganisation(db: Database, municipalityId: string, organisationId: string): Promise<OrganisationRow | null> {
  const [row] = await db
    .select()
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), eq(schema.organisation.id, organisationId)))
    .limit(1);
  return row ?? null;
}

/**
 * The municipality's partner register, whole: it is dozens of rows, and every form uses it as
 * its list of options, so it is filtered and sorted but not paged.
 */
export async function findOrganisations(
  db: Database,
  municipalityId: string,
  includeArchived: boolean,
  filter: { q?: string | undefined; kind?: string | undefined; sort?: 'name' | '-name' | 'kind' | undefined } = {},
): Promise<OrganisationRow[]> {
  const o = schema.organisation;
  const order = filter.sort === '-name' ? [desc(o.name), desc(o.id)] : filter.sort === 'kind' ? [asc(o.kind), asc(o.name), asc(o.id)] : [asc(o.name), asc(o.id)];
  return db
    .select()
    .from(o)
    .where(
      and(
        eq(o.municipalityId, municipalityId),
        includeArchived ? undefined : isNull(o.archivedAt),
        filter.q ? ilike(o.name, containsPattern(filter.q)) : undefined,
        filter.kind ? eq(o.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(...order);
}

export async function findContacts(db: Database, municipalityId: string, organisationIds: string[]): Promise<ContactPersonRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(schema.contactPerson)
    .where(and(eq(schema.contactPerson.municipalityId, municipalityId), inArray(schema.contactPerson.organisationId, organisationIds)))
    .orderBy(asc(schema.contactPerson.position));
}

export async function countUsersByOrganisation(db: Database, municipalityId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ organisationId: schema.appUser.organisationId, total: count() })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), isNull(schema.appUser.deactivatedAt)))
    .groupBy(schema.appUser.organisationId);
  return new Map(rows.map((row) => [row.organisationId, row.total]));
}

export async function insertOrganisation(tx: Database, municipalityId: string, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await tx.insert(schema.organisation).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('organisation insert returned nothing');
  return row;
}

export async function updateOrganisationRow(
  tx: Database,
  municipalityId: string,
  organisationId: string,
  values: Partial<OrganisationValues> & { archivedAt?: Date | null },
): Promise<void> {
  await tx
    .update(schema.organisation)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.organisation.municipalityId, municipalityId), eq(schema.organisation.id, organisationId)));
  await announce(tx, { kind: 'organisation', id: organisationId });
}

/** Replaces an organisation's contact persons with the given list, in order. */
export async function replaceContacts(tx: Database, municipalityId: string, organisationId: string, contacts: ContactPersonInput[]): Promise<void> {
  await tx
    .delete(schema.contactPerson)
    .where(and(eq(schema.contactPerson.municipalityId, municipalityId), eq(schema.contactPerson.organisationId, organisationId)));
  if (contacts.length === 0) return;
  await tx.insert(schema.contactPerson).values(
    contacts.map((contact, position) => ({ ...contact, municipalityId, organisationId, position })),
  );
}
