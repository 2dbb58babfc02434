import { randomUUID } from 'node:crypto';
import type { Database } from '../client';
import * as schema from '../schema';
import { LANGUAGE_CODES, ROLES } from '@lykt/shared';

/** What the builders need from the application: key creation and password hashing live there. */
export type SeedCapabilities = {
  createDataKey: (tx: Database, municipalityId: string) => Promise<unknown>;
  hashPassword: (password: string) => Promise<string>;
  /** Encrypts a sensitive field with the municipality's data key (for demo content that is stored encrypted). */
  encrypt?: (tx: Database, municipalityId: string, field: string, plaintext: string) => Promise<string>;
  /** A keyed hash (HMAC) with the municipality's data key, for lookups without plaintext (duplicate detection). */
  keyedHash?: (tx: Database, municipalityId: string, purpose: string, value: string) => Promise<string>;
};

export type MunicipalityRow = typeof schema.municipality.$inferSelect;
export type OrganisationRow = typeof schema.organisation.$inferSelect;
export type UserRow = typeof schema.appUser.$inferSelect;

const hashCache = new Map<string, Promise<string>>();
/** Hashing is slow on purpose; builders reuse one hash per distinct password. */
function cachedHash(caps: SeedCapabilities, password: string): Promise<string> {
  let hashed = hashCache.get(password);
  if (!hashed) {
    hashed = caps.hashPassword(password);
    hashCache.set(password, hashed);
  }
  return hashed;
}

export async function buildMunicipality(
  db: Database,
  caps: SeedCapabilities,
  overrides: Partial<typeof schema.municipality.$inferInsert> = {},
): Promise<MunicipalityRow> {
  const [row] = await db
    .insert(schema.municipality)
    .values({
      name: `Test kommune ${randomUUID().slice(0, 8)}`,
      settings: { mfaPolicy: 'privileged', languages: [...LANGUAGE_CODES], defaultLanguage: 'nb', suppressionThreshold: 5 },
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('municipality insert returned nothing');
  await caps.createDataKey(db, row.id);
  return row;
}

export async function buildOrganisation(
  db: Database,
  municipalityId: string,
  overrides: Partial<typeof schema.organisation.$inferInsert> = {},
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(schema.organisation)
    .values({ name: `Organisasjon ${randomUUID().slice(0, 8)}`, kind: 'municipal_service', isInternal: true, ...overrides, municipalityId })
    .returning();
  if (!row) throw new Error('organisation insert returned nothing');
  return row;
}

export async function buildContactPerson(
  db: Database,
  municipalityId: string,
  organisationId: string,
  overrides: Partial<typeof schema.contactPerson.$inferInsert> = {},
): Promise<typeof schema.contactPerson.$inferSelect> {
  const [row] = await db
    .insert(schema.contactPerson)
    .values({ name: 'Kari Kontakt', roleTitle: 'Kontaktperson', ...overrides, municipalityId, organisationId })
    .returning();
  if (!row) throw new Error('contact insert returned nothing');
  return row;
}

export const TEST_PASSWORD = 'lantern-harbour-quietly-7';

export async function buildUser(
  db: Database,
  caps: SeedCapabilities,
  input: { municipalityId: string; organisationId: string; role: string; password?: string } & Partial<
    Omit<typeof schema.appUser.$inferInsert, 'passwordHash'>
  >,
): Promise<UserRow & { password: string }> {
  const { password = TEST_PASSWORD, ...rest } = input;
  const [row] = await db
    .insert(schema.appUser)
    .values({
      email: `${input.role}-${randomUUID().slice(0, 12)}@test.lykt.invalid`,
      name: `${input.role[0]?.toUpperCase() ?? ''}${input.role.slice(1)} Testesen`,
      ...rest,
      passwordHash: await cachedHash(caps, password),
    })
    .returning();
  if (!row) throw new Error('user insert returned nothing');
  return { ...row, password };
}

/** A municipality with one organisation and one user per role: the usual start of a test. */
export async function buildTenant(db: Database, caps: SeedCapabilities, overrides: Partial<typeof schema.municipality.$inferInsert> = {}) {
  const municipality = await buildMunicipality(db, caps, overrides);
  const organisation = await buildOrganisation(db, municipality.id, { name: 'Kommunen' });
  const roles = ROLES;
  const users = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await buildUser(db, caps, { municipalityId: municipality.id, organisationId: organisation.id, role })] as const)),
  ) as Record<(typeof roles)[number], UserRow & { password: string }>;
  return { municipality, organisation, users };
}
