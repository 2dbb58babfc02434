import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, seedDemo } from '@lykt/db';
import type { Case, PartnerReferral } from '@lykt/shared';
import { call, createHarness, signIn, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
const PASSWORD = 'demo-lantern-harbour-quietly-7';
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the cases demo data', () => {
  it('seeds fictional cases in every state, a shelter partner who sees only the shared fields, reminders and a duplicate', async () => {
    const domain = `cases-demo-${Date.now()}.test.lykt.invalid`;
    const result = await seedDemo(h.deps.db, seedCapabilities(h.deps.keyring), PASSWORD, { emailDomain: domain, onlyIfEmpty: false });
    const municipalityId = result?.municipalityId ?? '';
    expect(result?.users.map((user) => user.email)).toContain(`partner-shelter@${domain}`);
    const cases = await h.deps.db.select().from(schema.caseFile).where(eq(schema.caseFile.municipalityId, municipalityId));
    expect(new Set(cases.map((row) => row.status))).toEqual(new Set(['open', 'follow_up', 'closed', 'closed_referred']));
    expect(JSON.stringify(cases)).not.toContain('Fiktivescu');

    const coordinator = await signIn(h, { email: `coordinator@${domain}`, password: PASSWORD });
    const reminders = (await call(h, coordinator, 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string }[] }>();
    expect(new Set(reminders.items.map((item) => item.kind))).toEqual(new Set(['reflection_period_ending', 'child_welfare_review', 'retention_erasure']));
    const closed = cases.find((row) => row.status === 'closed');
    const duplicates = (await call(h, coordinator, 'GET', `/api/v1/cases/${closed?.id ?? ''}/duplicates`)).json<{ items: unknown[] }>();
    expect(duplicates.items).toHaveLength(1);

    const caseworker = await signIn(h, { email: `caseworker@${domain}`, password: PASSWORD });
    const list = (await call(h, caseworker, 'GET', '/api/v1/cases')).json<{ total: number; items: { id: string; status: string }[] }>();
    expect(list.total).toBe(4);
    const open = (await call(h, caseworker, 'GET', `/api/v1/cases/${list.items.find((item) => item.status === 'open')?.id ?? ''}`)).json<Case>();
    expect(open.person?.name).toBeTruthy();

    const shelter = await signIn(h, { email: `partner-shelter@${domain}`, password: PASSWORD });
    const referrals = (await call(h, shelter, 'GET', '/api/v1/partner/referrals')).json<{ items: { id: string }[] }>();
    expect(referrals.items).toHaveLength(1);
    const referral = (await call(h, shelter, 'GET', `/api/v1/partner/referrals/${referrals.items[0]?.id ?? ''}`)).json<PartnerReferral>();
    expect(referral.shared.firstName).toBe('Ana');
    expect(referral.shared.fullName).toBeUndefined();
    expect(referral.shared.dateOfBirth).toBeUndefined();
  });
});
