import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { announce } from '../../platform/cluster/invalidation';
import { schema, type Database } from '@lykt/db';
import type { Role, UserListQuery } from '@lykt/shared';

export type UserRow = typeof schema.appUser.$inferSelect;
export type UserWithOrganisation = UserRow & { organisationName: string };

const withOrganisation = {
  user: schema.appUser,
  organisationName: schema.organisation.name,
};

function flatten(row: { user: UserRow; organisationName: string }): UserWithOrganisation {
  return { ...row.user, organisationName: row.organisationName };
}

/** Finds an account by e-mail across municipalities: sign-in comes before the tenant is known. */
export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(schema.appUser)
    .where(sql`lower(${schema.appUser.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function findUserInMunicipality(db: Database, municipalityId: string, userId: string): Promise<UserWithOrganisation | null> {
  const [row] = await db
    .select(withOrganisation)
    .from(schema.appUser)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.appUser.organisationId))
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.id, userId)))
    .limit(1);
  return row ? flatten(row) : null;
}

export async function findUsers(
  db: Database,
  municipalityId: string,
  query: UserListQuery,
): Promise<{ items: UserWithOrganisation[]; total: number }> {
  const conditions: SQL[] = [eq(schema.appUser.municipalityId, municipalityId)];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(schema.appUser.name, pattern), ilike(schema.appUser.email, pattern));
    if (match) conditions.push(match);
  }
  if (query.role) conditions.push(eq(schema.appUser.role, query.role));
  if (query.organisationId) conditions.push(eq(schema.appUser.organisationId, query.organisationId));
  if (query.active === 'true') conditions.push(isNull(schema.appUser.deactivatedAt));
  if (query.active === 'false') conditions.push(isNotNull(schema.appUser.deactivatedAt));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrganisation)
      .from(schema.appUser)
      .innerJoin(schema.organisation, eq(schema.organisation.id, schema.appUser.organisationId))
      .where(where)
      .orderBy(asc(schema.appUser.name), asc(schema.appUser.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(schema.appUser).where(where),
  ]);
  return { items: rows.map(flatten), total: totals[0]?.total ?? 0 };
}

export async function insertUser(
  tx: Database,
  values: { municipalityId: string; organisationId: string; email: string; name: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  const [row] = await tx.insert(schema.appUser).values(values).returning();
  if (!row) throw new Error('user insert returned nothing');
  return row;
}

export async function updateUser(
  tx: Database,
  municipalityId: string,
  userId: string,
  values: Partial<Omit<typeof schema.appUser.$inferInsert, 'id' | 'municipalityId'>>,
): Promise<void> {
  await tx
    .update(schema.appUser)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.id, userId)));
  // Role, deactivation, name and MFA live in cached sessions: every process drops them.
  await announce(tx, { kind: 'user', id: userId });
}

export async function countActiveAdmins(db: Database, municipalityId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, 'admin'), isNull(schema.appUser.deactivatedAt)));
  return row?.total ?? 0;
}

export async function isEmailTaken(db: Database, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== null;
}

/** Names of users by id, scoped to the municipality. */
export async function findUserNames(db: Database, municipalityId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.appUser.id, name: schema.appUser.name })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), inArray(schema.appUser.id, userIds)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
