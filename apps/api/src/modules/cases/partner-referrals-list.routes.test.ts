import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { Case } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { openCase, seedCaseTenant, seedShelter } from './case.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const TODAY = new Date().toISOString().slice(0, 10);
type Page = { items: { id: string; caseNumber: string; needKind: string; status: string; sentAt: string }[]; nextCursor: string | null; total: number | null };

async function page(session: Session, query: string): Promise<Page> {
  const response = await call(h, session, 'GET', `/api/v1/partner/referrals${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

/** Three cases, each referred to the shelter with consent, for a need each. */
async function threeReferrals() {
  const tenant = await seedCaseTenant(h);
  const shelter = await seedShelter(h, tenant);
  const owner = await signIn(h, tenant.users.caseworker);
  const referrals: { id: string; caseNumber: string }[] = [];
  for (const needKind of ['housing', 'health', 'housing'] as const) {
    const theCase = await openCase(h, owner);
    await call(h, owner, 'PUT', `/api/v1/cases/${theCase.id}/needs/${needKind}`, { status: 'needed', note: 'Behov' });
    const consent = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: ['first_name', 'need'], method: 'written', withInterpreter: false, givenOn: TODAY });
    expect(consent.statusCode, consent.body).toBe(200);
    const consentId = consent.json<Case>().consents.at(-1)?.id;
    const referred = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind, dataCategories: ['first_name', 'need'], consentId });
    expect(referred.statusCode, referred.body).toBe(200);
    const referral = referred.json<Case>().referrals[0];
    if (!referral) throw new Error('no referral');
    referrals.push({ id: referral.id, caseNumber: theCase.caseNumber });
  }
  // Distinct sending times, oldest first.
  for (const [index, referral] of referrals.entries()) {
    await h.deps.db.update(schema.caseReferral).set({ sentAt: new Date(Date.UTC(2026, 0, 1 + index)) }).where(eq(schema.caseReferral.id, referral.id));
  }
  return { tenant, shelter, referrals, partner: await signIn(h, shelter.user) };
}

describe('the partner referral list: search, filters, sort and keyset paging', () => {
  it('searches case numbers and coded needs only, filters, sorts and pages; a bad cursor is a 400', async () => {
    const { referrals, partner } = await threeReferrals();
    const [oldest, middle, newest] = referrals;
    const first = await page(partner, '?limit=2');
    expect(first.total).toBe(3);
    expect(first.items.map((item) => item.id)).toEqual([newest?.id, middle?.id]);
    const rest = await page(partner, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(rest.items.map((item) => item.id)).toEqual([oldest?.id]);
    expect(rest.nextCursor).toBeNull();
    expect((await page(partner, '?sort=sentAt')).items.map((item) => item.id)).toEqual([oldest?.id, middle?.id, newest?.id]);
    expect((await page(partner, `?q=${encodeURIComponent(middle?.caseNumber ?? '')}`)).items.map((item) => item.id)).toEqual([middle?.id]);
    expect((await page(partner, '?q=health')).items.map((item) => item.id)).toEqual([middle?.id]);
    expect((await page(partner, '?needKind=housing')).items.map((item) => item.id)).toEqual([newest?.id, oldest?.id]);
    // The shared first name is encrypted: never searched.
    expect((await page(partner, '?q=Mirela')).items).toHaveLength(0);
    const accepted = await call(h, partner, 'POST', `/api/v1/partner/referrals/${oldest?.id ?? ''}/response`, { decision: 'accept', reason: null });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await page(partner, '?status=accepted')).items.map((item) => item.id)).toEqual([oldest?.id]);
    expect((await page(partner, '?sort=status')).items.map((item) => item.status)).toEqual(['accepted', 'sent', 'sent']);
    expect((await page(partner, '?state=awaiting')).items.map((item) => item.id)).toEqual([newest?.id, middle?.id]);
    for (const query of [`?sort=answerDueAt&cursor=${first.nextCursor ?? ''}`, '?cursor=AAAA', `?cursor=${Buffer.from(JSON.stringify({ s: '-sentAt', k: 'yesterday', i: oldest?.id })).toString('base64url')}`]) {
      const response = await call(h, partner, 'GET', `/api/v1/partner/referrals${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('INVALID_CURSOR');
    }
    expect(errorCode(await call(h, partner, 'GET', '/api/v1/partner/referrals?status=revoked'))).toBe('VALIDATION_ERROR');
  });

  it('shows another organisation nothing, whatever it searches for', async () => {
    const { tenant, referrals } = await threeReferrals();
    const otherPartner = await signIn(h, tenant.users.partner);
    for (const query of ['', `?q=${encodeURIComponent(referrals[0]?.caseNumber ?? '')}`, '?q=housing', '?sort=status']) {
      expect((await page(otherPartner, query)).items, query).toHaveLength(0);
    }
  });
});
