import { and, asc, count, eq, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type PasskeyRow = typeof schema.passkeyCredential.$inferSelect;
export type ChallengeRow = typeof schema.webauthnChallenge.$inferSelect;
export type ChallengePurpose = 'registration' | 'second_factor' | 'passwordless';

export async function insertPasskey(tx: Database, values: typeof schema.passkeyCredential.$inferInsert): Promise<PasskeyRow> {
  const [row] = await tx.insert(schema.passkeyCredential).values(values).returning();
  if (!row) throw new Error('passkey insert returned nothing');
  return row;
}

/** A user's passkeys, oldest first. */
export function listUserPasskeys(db: Database, municipalityId: string, userId: string): Promise<PasskeyRow[]> {
  return db
    .select()
    .from(schema.passkeyCredential)
    .where(and(eq(schema.passkeyCredential.municipalityId, municipalityId), eq(schema.passkeyCredential.userId, userId)))
    .orderBy(asc(schema.passkeyCredential.createdAt), asc(schema.passkeyCredential.id));
}

export async function countUserPasskeys(db: Database, municipalityId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schema.passkeyCredential)
    .where(and(eq(schema.passkeyCredential.municipalityId, municipalityId), eq(schema.passkeyCredential.userId, userId)));
  return Number(row?.n ?? 0);
}

/** Looks a credential up by the id the authenticator sent: sign-in comes before the tenant is known. */
export async function findPasskeyByCredentialId(db: Database, credentialId: string): Promise<PasskeyRow | null> {
  const [row] = await db.select().from(schema.passkeyCredential).where(eq(schema.passkeyCredential.credentialId, credentialId)).limit(1);
  return row ?? null;
}

export async function findUserPasskey(db: Database, municipalityId: string, userId: string, id: string): Promise<PasskeyRow | null> {
  const [row] = await db
    .select()
    .from(schema.passkeyCredential)
    .where(
      and(
        eq(schema.passkeyCredential.municipalityId, municipalityId),
        eq(schema.passkeyCredential.userId, userId),
        eq(schema.passkeyCredential.id, id),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Stores the counter of an accepted assertion, only if it still holds the value checked (no lost race). */
export async function recordPasskeyUse(tx: Database, id: string, previousCounter: number, counter: number): Promise<boolean> {
  const updated = await tx
    .update(schema.passkeyCredential)
    .set({ counter, lastUsedAt: new Date() })
    .where(and(eq(schema.passkeyCredential.id, id), eq(schema.passkeyCredential.counter, previousCounter)))
    .returning({ id: schema.passkeyCredential.id });
  return updated.length === 1;
}

export async function renamePasskeyRow(tx: Database, id: string, name: string): Promise<void> {
  await tx.update(schema.passkeyCredential).set({ name }).where(eq(schema.passkeyCredential.id, id));
}

export async function deletePasskey(tx: Database, id: string): Promise<void> {
  await tx.delete(schema.passkeyCredential).where(eq(schema.passkeyCredential.id, id));
}

/** Removes every passkey of a user; returns how many. */
export async function deleteUserPasskeys(tx: Database, municipalityId: string, userId: string): Promise<number> {
  const deleted = await tx
    .delete(schema.passkeyCredential)
    .where(and(eq(schema.passkeyCredential.municipalityId, municipalityId), eq(schema.passkeyCredential.userId, userId)))
    .returning({ id: schema.passkeyCredential.id });
  return deleted.length;
}

/** Ids of active users with one of these roles who have no passkey. */
export async function findUsersWithoutPasskey(db: Database, municipalityId: string, roles: readonly string[], exceptDemoAccounts: boolean): Promise<string[]> {
  const rows = await db
    .select({ id: schema.appUser.id })
    .from(schema.appUser)
    .where(
      and(
        eq(schema.appUser.municipalityId, municipalityId),
        inArray(schema.appUser.role, [...roles]),
        isNull(schema.appUser.deactivatedAt),
        exceptDemoAccounts ? eq(schema.appUser.isDemoAccount, false) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(schema.passkeyCredential)
            .where(eq(schema.passkeyCredential.userId, schema.appUser.id)),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

/** When the session was opened (the sign-in it stands for). */
export async function findSessionCreatedAt(db: Database, sessionId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: schema.session.createdAt }).from(schema.session).where(eq(schema.session.id, sessionId)).limit(1);
  return row?.createdAt ?? null;
}

/** Stores an issued challenge (by its hash) and clears expired ones. */
export async function insertChallenge(tx: Database, values: typeof schema.webauthnChallenge.$inferInsert): Promise<void> {
  await tx.delete(schema.webauthnChallenge).where(lt(schema.webauthnChallenge.expiresAt, new Date()));
  await tx.insert(schema.webauthnChallenge).values(values);
}

/** Takes a challenge out of the store: whatever happens next, it can never be used again. */
export async function takeChallenge(tx: Database, challengeHash: string): Promise<ChallengeRow | null> {
  const [row] = await tx.delete(schema.webauthnChallenge).where(eq(schema.webauthnChallenge.challengeHash, challengeHash)).returning();
  return row ?? null;
}
