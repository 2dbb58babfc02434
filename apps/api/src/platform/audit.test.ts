import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { createHarness, seedTenant, type TestHarness } from '../../test/harness';
import { recordAudit, verifyAuditChain } from './audit';
import { runWithContext } from './context';
import { inTransaction } from './deps';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function tenantWithEvents(n: number) {
  const tenant = await seedTenant(h);
  await runWithContext({ requestId: 'req-1', actor: { kind: 'system', label: 'test' } }, async () => {
    for (let i = 0; i < n; i += 1) {
      await inTransaction(h.deps, (tx) =>
        recordAudit(tx, { municipalityId: tenant.municipality.id, action: 'organisation.updated', entityType: 'organisation', entityId: `org-${i}`, details: { fields: ['name'], i } }),
      );
    }
  });
  return tenant;
}

const problemsFor = async (municipalityId: string) => (await verifyAuditChain(h.deps.db)).problems.filter((p) => p.municipalityId === municipalityId);
const whereSeq = (municipalityId: string, seq: number) => and(eq(schema.auditEvent.municipalityId, municipalityId), eq(schema.auditEvent.seq, seq));

describe('audit hash chain', () => {
  it('numbers events per municipality and verifies an intact chain', async () => {
    const tenant = await tenantWithEvents(5);
    const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id)).orderBy(schema.auditEvent.seq);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.requestId).toBe('req-1');
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await problemsFor(tenant.municipality.id)).toEqual([]);
  });

  it('detects an edited event and names it', async () => {
    const tenant = await tenantWithEvents(5);
    await h.deps.db.update(schema.auditEvent).set({ action: 'user.created' }).where(whereSeq(tenant.municipality.id, 3));
    const problems = await problemsFor(tenant.municipality.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.seq).toBe(3);
    expect(problems[0]?.problem).toMatch(/edited/);
  });

  it('detects an edited detail even when the hash is recomputed without the chain key', async () => {
    const tenant = await tenantWithEvents(3);
    await h.deps.db.execute(sql`update audit_event set details = '{"fields":["other"],"i":1}'::jsonb where municipality_id = ${tenant.municipality.id} and seq = 2`);
    expect((await problemsFor(tenant.municipality.id))[0]?.seq).toBe(2);
  });

  it('detects a removed event', async () => {
    const tenant = await tenantWithEvents(5);
    await h.deps.db.delete(schema.auditEvent).where(whereSeq(tenant.municipality.id, 2));
    const problems = await problemsFor(tenant.municipality.id);
    expect(problems[0]?.seq).toBe(3);
    expect(problems[0]?.problem).toMatch(/removed/);
  });

  it('detects the removal of the newest event only by count, so it checks the last link too', async () => {
    const tenant = await tenantWithEvents(4);
    await h.deps.db.delete(schema.auditEvent).where(whereSeq(tenant.municipality.id, 1));
    expect((await problemsFor(tenant.municipality.id))[0]?.seq).toBe(2);
  });

  it('detects reordered events', async () => {
    const tenant = await tenantWithEvents(4);
    await h.deps.db.update(schema.auditEvent).set({ seq: 100 }).where(whereSeq(tenant.municipality.id, 2));
    await h.deps.db.update(schema.auditEvent).set({ seq: 2 }).where(whereSeq(tenant.municipality.id, 3));
    await h.deps.db.update(schema.auditEvent).set({ seq: 3 }).where(whereSeq(tenant.municipality.id, 100));
    const problems = await problemsFor(tenant.municipality.id);
    expect(problems[0]?.seq).toBe(2);
  });

  it('keeps one municipality unaffected by tampering in another', async () => {
    const a = await tenantWithEvents(2);
    const b = await tenantWithEvents(2);
    await h.deps.db.update(schema.auditEvent).set({ entityId: 'x' }).where(whereSeq(a.municipality.id, 1));
    expect(await problemsFor(a.municipality.id)).toHaveLength(1);
    expect(await problemsFor(b.municipality.id)).toEqual([]);
  });
});
