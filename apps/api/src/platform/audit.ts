import { createHash, randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { AuditAction } from '@lykt/shared';
import { currentContext } from './context';

export type AuditInput = {
  municipalityId: string;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  outcome?: 'success' | 'failure';
  /** Non-sensitive metadata only: field names that changed, counts, codes. Never values of personal fields. */
  details?: Record<string, unknown>;
  /** Overrides the actor from the request context (e.g. a failed sign-in names the account tried). */
  actorUserId?: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same event always hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type HashedFields = Omit<typeof schema.auditEvent.$inferSelect, 'hash'>;

/** The hash of one event: SHA-256 over its canonical fields and the previous event's hash. */
export function hashAuditEvent(event: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        id: event.id,
        municipalityId: event.municipalityId,
        seq: event.seq,
        occurredAt: event.occurredAt.toISOString(),
        actorUserId: event.actorUserId,
        actorLabel: event.actorLabel,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        requestId: event.requestId,
        outcome: event.outcome,
        details: event.details,
        prevHash: event.prevHash,
      }),
    )
    .digest('hex');
}

/**
 * Writes one audit event in the caller's transaction, chained to the municipality's previous
 * event. An advisory lock per municipality serialises writers so the chain has no forks.
 */
export async function recordAudit(tx: Database, input: AuditInput): Promise<void> {
  const { actor, requestId } = currentContext();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${input.municipalityId}`}, 0))`);
  const [last] = await tx
    .select({ seq: schema.auditEvent.seq, hash: schema.auditEvent.hash })
    .from(schema.auditEvent)
    .where(eq(schema.auditEvent.municipalityId, input.municipalityId))
    .orderBy(desc(schema.auditEvent.seq))
    .limit(1);
  const actorUserId = input.actorUserId !== undefined ? input.actorUserId : actor?.kind === 'user' ? actor.userId : null;
  const event: HashedFields = {
    id: randomUUID(),
    municipalityId: input.municipalityId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorUserId,
    actorLabel: actorUserId ? 'user' : actor?.kind === 'system' ? actor.label : 'anonymous',
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    requestId,
    outcome: input.outcome ?? 'success',
    details: input.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(schema.auditEvent).values({ ...event, hash: hashAuditEvent(event) });
}

export type ChainProblem = { municipalityId: string; seq: number; eventId: string; problem: string };

/**
 * Walks each municipality's chain in order and reports the first event that does not fit:
 * an edited event (hash mismatch), a removed one (gap in seq or broken link) or a reordered one.
 */
export async function verifyAuditChain(db: Database): Promise<{ checked: number; problems: ChainProblem[] }> {
  const municipalities = await db.select({ id: schema.municipality.id }).from(schema.municipality).orderBy(asc(schema.municipality.createdAt));
  const problems: ChainProblem[] = [];
  let checked = 0;
  const pageSize = 5000;
  for (const { id: municipalityId } of municipalities) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let lastSeq = 0;
    for (;;) {
      const page = await db
        .select()
        .from(schema.auditEvent)
        .where(sql`${schema.auditEvent.municipalityId} = ${municipalityId} and ${schema.auditEvent.seq} > ${lastSeq}`)
        .orderBy(asc(schema.auditEvent.seq))
        .limit(pageSize);
      let broken: ChainProblem | null = null;
      for (const event of page) {
        checked += 1;
        const at = { municipalityId, seq: event.seq, eventId: event.id };
        if (event.seq !== expectedSeq) broken = { ...at, problem: `expected event number ${expectedSeq}: an event was removed or reordered` };
        else if (event.prevHash !== prevHash) broken = { ...at, problem: 'does not link to the event before it: an event was removed, inserted or reordered' };
        else if (hashAuditEvent(event) !== event.hash) broken = { ...at, problem: 'its content does not match its hash: the event was edited' };
        if (broken) break;
        expectedSeq += 1;
        prevHash = event.hash;
        lastSeq = event.seq;
      }
      if (broken) {
        problems.push(broken);
        break;
      }
      if (page.length < pageSize) break;
    }
  }
  return { checked, problems };
}
