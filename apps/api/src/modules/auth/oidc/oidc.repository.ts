import { and, asc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type OidcProviderRow = typeof schema.oidcProvider.$inferSelect;
export type OidcIdentityRow = typeof schema.oidcIdentity.$inferSelect;
export type OidcLoginAttemptRow = typeof schema.oidcLoginAttempt.$inferSelect;

export async function listProviders(db: Database, municipalityId: string): Promise<(OidcProviderRow & { linkedUsers: number })[]> {
  return db
    .select({
      ...getTableColumns(schema.oidcProvider),
      linkedUsers: sql<number>`(select count(*)::int from ${schema.oidcIdentity} where ${schema.oidcIdentity.providerId} = ${schema.oidcProvider.id})`,
    })
    .from(schema.oidcProvider)
    .where(eq(schema.oidcProvider.municipalityId, municipalityId))
    .orderBy(asc(schema.oidcProvider.name), asc(schema.oidcProvider.id));
}

/** The enabled providers of every municipality, for the sign-in page. */
export async function listEnabledProviders(db: Database): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: schema.oidcProvider.id, name: schema.oidcProvider.name })
    .from(schema.oidcProvider)
    .where(eq(schema.oidcProvider.isEnabled, true))
    .orderBy(asc(schema.oidcProvider.name), asc(schema.oidcProvider.id));
}

/** Whether any municipality of the installation still lets its staff sign in with a password. */
export async function anyMunicipalityAllowsPasswords(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.municipality.id })
    .from(schema.municipality)
    .where(sql`coalesce((${schema.municipality.settings} ->> 'passwordLoginEnabled')::boolean, true)`)
    .limit(1);
  return row !== undefined;
}

/** A provider by id alone (the sign-in routes know no municipality yet). */
export async function findProvider(db: Database, providerId: string): Promise<OidcProviderRow | null> {
  const [row] = await db.select().from(schema.oidcProvider).where(eq(schema.oidcProvider.id, providerId)).limit(1);
  return row ?? null;
}

export async function findProviderInMunicipality(db: Database, municipalityId: string, providerId: string): Promise<OidcProviderRow | null> {
  const [row] = await db
    .select()
    .from(schema.oidcProvider)
    .where(and(eq(schema.oidcProvider.municipalityId, municipalityId), eq(schema.oidcProvider.id, providerId)))
    .limit(1);
  return row ?? null;
}

export async function insertProvider(tx: Database, values: typeof schema.oidcProvider.$inferInsert): Promise<OidcProviderRow> {
  const [row] = await tx.insert(schema.oidcProvider).values(values).returning();
  if (!row) throw new Error('provider insert returned nothing');
  return row;
}

export async function updateProvider(
  tx: Database,
  municipalityId: string,
  providerId: string,
  values: Partial<typeof schema.oidcProvider.$inferInsert>,
): Promise<void> {
  await tx
    .update(schema.oidcProvider)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.oidcProvider.municipalityId, municipalityId), eq(schema.oidcProvider.id, providerId)));
}

export async function deleteProvider(tx: Database, municipalityId: string, providerId: string): Promise<void> {
  await tx.delete(schema.oidcProvider).where(and(eq(schema.oidcProvider.municipalityId, municipalityId), eq(schema.oidcProvider.id, providerId)));
}

export async function findIdentity(db: Database, providerId: string, subject: string): Promise<OidcIdentityRow | null> {
  const [row] = await db
    .select()
    .from(schema.oidcIdentity)
    .where(and(eq(schema.oidcIdentity.providerId, providerId), eq(schema.oidcIdentity.subject, subject)))
    .limit(1);
  return row ?? null;
}

export async function listIdentities(db: Database, municipalityId: string, providerId: string) {
  return db
    .select({
      id: schema.oidcIdentity.id,
      userId: schema.oidcIdentity.userId,
      userName: schema.appUser.name,
      subject: schema.oidcIdentity.subject,
      lastLoginAt: schema.oidcIdentity.lastLoginAt,
    })
    .from(schema.oidcIdentity)
    .innerJoin(schema.appUser, eq(schema.appUser.id, schema.oidcIdentity.userId))
    .where(and(eq(schema.oidcIdentity.municipalityId, municipalityId), eq(schema.oidcIdentity.providerId, providerId)))
    .orderBy(asc(schema.appUser.name), asc(schema.oidcIdentity.id));
}

export async function insertIdentity(tx: Database, values: { municipalityId: string; providerId: string; subject: string; userId: string }): Promise<OidcIdentityRow> {
  const [row] = await tx.insert(schema.oidcIdentity).values(values).returning();
  if (!row) throw new Error('identity insert returned nothing');
  return row;
}

export async function deleteIdentity(tx: Database, municipalityId: string, providerId: string, identityId: string): Promise<boolean> {
  const deleted = await tx
    .delete(schema.oidcIdentity)
    .where(
      and(eq(schema.oidcIdentity.municipalityId, municipalityId), eq(schema.oidcIdentity.providerId, providerId), eq(schema.oidcIdentity.id, identityId)),
    )
    .returning({ id: schema.oidcIdentity.id });
  return deleted.length > 0;
}

export async function touchIdentity(tx: Database, providerId: string, userId: string): Promise<void> {
  await tx
    .update(schema.oidcIdentity)
    .set({ lastLoginAt: new Date() })
    .where(and(eq(schema.oidcIdentity.providerId, providerId), eq(schema.oidcIdentity.userId, userId)));
}

export async function insertLoginAttempt(db: Database, values: typeof schema.oidcLoginAttempt.$inferInsert): Promise<void> {
  // Expired attempts are cleared as new ones begin, so the table stays small without a job.
  await db.delete(schema.oidcLoginAttempt).where(lt(schema.oidcLoginAttempt.expiresAt, new Date()));
  await db.insert(schema.oidcLoginAttempt).values(values);
}

/** Takes the attempt with this state hash out of the table: each state is used once. */
export async function takeLoginAttempt(db: Database, stateHash: string): Promise<OidcLoginAttemptRow | null> {
  const [row] = await db.delete(schema.oidcLoginAttempt).where(eq(schema.oidcLoginAttempt.stateHash, stateHash)).returning();
  return row ?? null;
}
