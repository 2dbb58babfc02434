import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { AuditListQuery } from '@lykt/shared';

export type AuditRow = typeof schema.auditEvent.$inferSelect & { actorName: string | null };

export async function findAuditEvents(db: Database, municipalityId: string, query: AuditListQuery): Promise<{ items: AuditRow[]; total: number }> {
  const conditions: SQL[] = [eq(schema.auditEvent.municipalityId, municipalityId)];
  if (query.action) conditions.push(eq(schema.auditEvent.action, query.action));
  if (query.actorId) conditions.push(eq(schema.auditEvent.actorUserId, query.actorId));
  if (query.entityType) conditions.push(eq(schema.auditEvent.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(schema.auditEvent.entityId, query.entityId));
  if (query.from) conditions.push(gte(schema.auditEvent.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conditions.push(lt(schema.auditEvent.occurredAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select({ event: schema.auditEvent, actorName: schema.appUser.name })
      .from(schema.auditEvent)
      .leftJoin(schema.appUser, eq(schema.appUser.id, schema.auditEvent.actorUserId))
      .where(where)
      .orderBy(desc(schema.auditEvent.seq))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(schema.auditEvent).where(where),
  ]);
  return { items: rows.map((row) => ({ ...row.event, actorName: row.actorName })), total: totals[0]?.total ?? 0 };
}
