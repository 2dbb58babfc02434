import { and, count, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { announce } from '../../platform/cluster/invalidation';
import { schema, type Database } from '@lykt/db';
import type { Role, USER_SORT_KEYS, UserListQuery } from '@lykt/shared';
import { containsPattern, keysetList, keysetSort, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';

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

const u = schema.appUser;
const USER_SORT_COLUMNS: Record<(typeof USER_SORT_KEYS)[number], SortColumn> = {
  name: { column: u.name, kind: 'text' },
  createdAt: { column: u.createdAt, kind: 'timestamp' },
};

/** The user list's sort from its query parameter. */
export function userListSort(name: UserListQuery['sort']): KeysetSort {
  return keysetSort(name, USER_SORT_COLUMNS, u.id);
}

/**
 * A page of the municipality's staff users, keyset-paged. The search matches staff names and
 * work e-mail addresses (staff accounts, not people in the records). A municipality has hundreds
 * of users, not millions: the total is counted (capped like every keyset list).
 */
export async function findUsers(
  db: Database,
  municipalityId: string,
  query: UserListQuery,
  page: { sort: KeysetSort; cursor: CursorKey | null },
): Promise<{ items: UserWithOrganisation[]; nextCursor: string | null; total: number | null }> {
  const pattern = query.q ? containsPattern(query.q) : null;
  const where = and(
    eq(u.municipalityId, municipalityId),
    pattern ? or(ilike(u.name, pattern), ilike(u.email, pattern)) : undefined,
    query.role ? eq(u.role, query.role) : undefined,
    query.organisationId ? eq(u.organisationId, query.organisationId) : undefined,
    query.active === 'true' ? isNull(u.deactivatedAt) : query.active === 'false' ? isNotNull(u.deactivatedAt) : undefined,
  );
  const { rows, nextCursor, total } = await keysetList(
    db,
    { ...page, limit: query.limit },
    (k) =>
      db
        .select({ ...withOrganisation, id: u.id, cursorKey: k.cursorKey })
        .from(u)
        .innerJoin(schema.organisation, eq(schema.organisation.id, u.organisationId))
        .where(and(where, k.after))
        .orderBy(...k.orderBy)
        .limit(k.limit),
    (atMost) => db.select({ one: u.id }).from(u).where(where).limit(atMost),
  );
  return { items: rows.map((row) => flatten(row)), nextCursor, total };
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
