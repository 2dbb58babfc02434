import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { SessionState } from '@lykt/shared';
import { announce } from '../../platform/cluster/invalidation';

export type SessionRow = typeof schema.session.$inferSelect;
export type SessionWithUser = {
  session: SessionRow;
  user: typeof schema.appUser.$inferSelect;
};

export async function insertSession(
  tx: Database,
  values: { tokenHash: string; municipalityId: string; userId: string; state: SessionState; absoluteExpiresAt: Date; oidcProviderId?: string | null },
): Promise<SessionRow> {
  const [row] = await tx.insert(schema.session).values(values).returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

function prepareFindSession(db: Database) {
  return db
    .select({ session: schema.session, user: schema.appUser })
    .from(schema.session)
    .innerJoin(schema.appUser, eq(schema.appUser.id, schema.session.userId))
    .where(eq(schema.session.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('lykt_find_session');
}
const findSessionStatements = new WeakMap<Database, ReturnType<typeof prepareFindSession>>();

/** The session and its user by token hash: one named prepared statement per database (built once, no query building per request). */
export async function findSessionByTokenHash(db: Database, tokenHash: string): Promise<SessionWithUser | null> {
  let statement = findSessionStatements.get(db);
  if (!statement) {
    statement = prepareFindSession(db);
    findSessionStatements.set(db, statement);
  }
  const [row] = await statement.execute({ tokenHash });
  return row ?? null;
}

export async function touchSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.update(schema.session).set({ lastSeenAt: now }).where(eq(schema.session.id, sessionId));
}

export async function setSessionState(tx: Database, sessionId: string, state: SessionState): Promise<void> {
  await tx.update(schema.session).set({ state, lastSeenAt: new Date() }).where(eq(schema.session.id, sessionId));
  await announce(tx, { kind: 'session', id: sessionId });
}

export async function endSession(tx: Database, sessionId: string, reason: string): Promise<void> {
  await tx
    .update(schema.session)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(schema.session.id, sessionId), isNull(schema.session.endedAt)));
  await announce(tx, { kind: 'session', id: sessionId });
}

/** Ends the open session with this token hash, whoever it belongs to (the browser that held it signs in anew). */
export async function endSessionByTokenHash(tx: Database, tokenHash: string, reason: string): Promise<void> {
  const ended = await tx
    .update(schema.session)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(schema.session.tokenHash, tokenHash), isNull(schema.session.endedAt)))
    .returning({ id: schema.session.id });
  for (const { id } of ended) await announce(tx, { kind: 'session', id });
}

/** Ends every open session of a user (but `keepSessionId`), scoped to the municipality. Returns how many ended. */
export async function endUserSessions(
  tx: Database,
  municipalityId: string,
  userId: string,
  reason: string,
  keepSessionId?: string,
): Promise<number> {
  const ended = await tx
    .update(schema.session)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(
      and(
        eq(schema.session.municipalityId, municipalityId),
        eq(schema.session.userId, userId),
        isNull(schema.session.endedAt),
        keepSessionId ? ne(schema.session.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: schema.session.id });
  if (ended.length > 0) await announce(tx, { kind: 'user', id: userId });
  return ended.length;
}

/** Open sessions of a user that have not yet passed their absolute or idle expiry. */
export async function listOpenSessions(db: Database, municipalityId: string, userId: string, idleMs: number): Promise<SessionRow[]> {
  const idleCutoff = new Date(Date.now() - idleMs);
  return db
    .select()
    .from(schema.session)
    .where(
      and(
        eq(schema.session.municipalityId, municipalityId),
        eq(schema.session.userId, userId),
        isNull(schema.session.endedAt),
        sql`${schema.session.absoluteExpiresAt} > now()`,
        gt(schema.session.lastSeenAt, idleCutoff),
      ),
    )
    .orderBy(desc(schema.session.lastSeenAt));
}
