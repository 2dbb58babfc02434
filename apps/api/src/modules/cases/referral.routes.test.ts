import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import type { Case, PartnerReferral } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';
import { auditOf, caseState, openCase, PERSON, SECRET_VALUES, seedCaseTenant, seedPartnerOrganisation, seedShelter, type CaseTenant } from './case.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const TODAY = new Date().toISOString().slice(0, 10);

async function setup() {
  const tenant = await seedCaseTenant(h);
  const shelter = await seedShelter(h, tenant);
  const owner = await signIn(h, tenant.users.caseworker);
  const theCase = await openCase(h, owner);
  await call(h, owner, 'PUT', `/api/v1/cases/${theCase.id}/needs/housing`, { status: 'needed', note: 'Trenger trygt bosted straks' });
  return { tenant, shelter, owner, theCase };
}

async function consentToShelter(session: Session, caseId: string, organisationId: string, dataCategories = ['first_name', 'languages', 'need']) {
  const response = await call(h, session, 'POST', `/api/v1/cases/${caseId}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: organisationId, dataCategories, method: 'written', withInterpreter: true, givenOn: TODAY });
  expect(response.statusCode, response.body).toBe(200);
  const consent = response.json<Case>().consents.at(-1);
  if (!consent) throw new Error('no consent');
  return consent;
}

async function refer(session: Session, caseId: string, body: Record<string, unknown>) {
  const response = await call(h, session, 'POST', `/api/v1/cases/${caseId}/referrals`, body);
  expect(response.statusCode, response.body).toBe(200);
  const referral = response.json<Case>().referrals[0];
  if (!referral) throw new Error('no referral');
  return referral;
}

async function partnerOf(tenant: CaseTenant) {
  return signIn(h, tenant.users.partner);
}

describe('consent', () => {
  it('records consent per purpose and recipient, audited without personal values', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    expect(consent).toMatchObject({ purpose: 'share_with_organisation', recipient: { id: shelter.organisation.id }, method: 'written', withInterpreter: true, isActive: true, recordedBy: { id: tenant.users.caseworker.id } });
    const statistics = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'statistics', method: 'oral', givenOn: TODAY });
    expect(statistics.json<Case>().consents).toHaveLength(2);
    const [event] = await auditOf(h, tenant.municipality.id, 'consent.recorded');
    expect(event?.details).toMatchObject({ purpose: 'share_with_organisation', dataCategories: ['first_name', 'languages', 'need'] });
  });

  it('refuses inconsistent consent with 400 and writes nothing', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const before = await caseState(h, tenant.municipality.id);
    const bad = [
      { purpose: 'share_with_organisation', recipientOrganisationId: null, dataCategories: ['first_name'], method: 'oral', givenOn: TODAY },
      { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: [], method: 'oral', givenOn: TODAY },
      { purpose: 'statistics', recipientOrganisationId: shelter.organisation.id, method: 'oral', givenOn: TODAY },
      { purpose: 'case_work', method: 'oral', givenOn: '2999-01-01' },
      { purpose: 'case_work', method: 'telepathy', givenOn: TODAY },
      { purpose: 'share_with_organisation', recipientOrganisationId: '00000000-0000-4000-8000-000000000000', dataCategories: ['first_name'], method: 'oral', givenOn: TODAY },
    ];
    for (const body of bad) {
      const response = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
  });
});

describe('referrals', () => {
  it('shares only what the consent covers; the partner sees only the shared fields, accepts, updates and completes; updates flow back', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const tooMuch = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name', 'date_of_birth'], consentId: consent.id });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json<{ error: { message: string } }>().error.message).toContain('date_of_birth');
    const wrongOrg = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: tenant.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    expect(wrongOrg.statusCode).toBe(400);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name', 'languages', 'need'], consentId: consent.id });
    expect(referral).toMatchObject({ status: 'sent', withoutConsent: false, sharedDataHidden: false });
    expect((await call(h, owner, 'GET', '/api/v1/cases')).json<{ items: { openReferrals: number; isMember: boolean }[] }>().items[0]).toMatchObject({ openReferrals: 1, isMember: true });

    const partner = await signIn(h, shelter.user);
    const list = (await call(h, partner, 'GET', '/api/v1/partner/referrals')).json<{ items: { id: string }[]; total: number }>();
    expect(list.total).toBe(1);
    const seen = await call(h, partner, 'GET', `/api/v1/partner/referrals/${referral.id}`);
    expect(seen.statusCode).toBe(200);
    const shared = seen.json<PartnerReferral>().shared;
    expect(shared).toEqual({ firstName: 'Mirela', languages: PERSON.languages, need: { kind: 'housing', note: 'Trenger trygt bosted straks' } });
    // Fields not given never leave the server.
    expect(seen.body).not.toContain('Testfiktiv');
    expect(seen.body).not.toContain(PERSON.dateOfBirth);
    expect(seen.body).not.toContain(PERSON.phone);
    expect(seen.body).not.toContain(theCase.id);
    // Nor can the partner reach the case itself.
    expect((await call(h, partner, 'GET', `/api/v1/cases/${theCase.id}`)).statusCode).toBe(403);

    const declineWithoutReason = await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'decline', reason: null });
    expect(declineWithoutReason.statusCode).toBe(400);
    const accepted = await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'accept', reason: null });
    expect(accepted.json<PartnerReferral>().status).toBe('accepted');
    const again = await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'accept', reason: null });
    expect(again.statusCode).toBe(409);
    await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/updates`, { text: 'Har flyttet inn på senteret', completed: false });
    const completed = await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/updates`, { text: 'Fått fast bolig', completed: true });
    expect(completed.json<PartnerReferral>().status).toBe('completed');

    const back = (await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
    expect(back.referrals[0]).toMatchObject({ status: 'completed', partnerNote: 'Fått fast bolig' });
    for (const action of ['referral.sent', 'referral.viewed', 'referral.accepted', 'referral.updated', 'referral.completed']) {
      expect(await auditOf(h, tenant.municipality.id, action), action).toHaveLength(1);
    }
    // The partner's read shows in the case's read log.
    const coordinator = await signIn(h, tenant.users.coordinator);
    const reads = (await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}/reads`)).json<{ items: { action: string; user: { id: string } | null }[] }>();
    expect(reads.items).toContainEqual(expect.objectContaining({ action: 'referral.viewed', user: expect.objectContaining({ id: shelter.user.id }) as unknown }));
    const stored = JSON.stringify(await caseState(h, tenant.municipality.id));
    for (const value of [...SECRET_VALUES, 'Fått fast bolig', 'Trenger trygt bosted']) expect(stored).not.toContain(value);
  });

  it('hides referrals to another organisation from a partner (404) and from partners of another municipality', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    const police = await partnerOf(tenant);
    expect((await call(h, police, 'GET', '/api/v1/partner/referrals')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    for (const [method, url, body] of [
      ['GET', `/api/v1/partner/referrals/${referral.id}`, undefined],
      ['POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'accept', reason: null }],
      ['POST', `/api/v1/partner/referrals/${referral.id}/updates`, { text: 'x', completed: false }],
    ] as const) {
      const response = await call(h, police, method, url, body);
      expect(response.statusCode, url).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    const stranger = await seedCaseTenant(h);
    const strangerPartner = await signIn(h, stranger.users.partner);
    expect((await call(h, strangerPartner, 'GET', `/api/v1/partner/referrals/${referral.id}`)).statusCode).toBe(404);
  });

  it('withdrawing consent revokes open referrals and the recipient loses access from then on', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    const partner = await signIn(h, shelter.user);
    await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'accept', reason: null });
    const withdrawn = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents/${consent.id}/withdrawal`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = withdrawn.json<Case>();
    expect(after.consents[0]).toMatchObject({ isActive: false });
    expect(after.referrals[0]).toMatchObject({ status: 'revoked', sharedDataHidden: true });
    expect((await call(h, partner, 'GET', `/api/v1/partner/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await call(h, partner, 'GET', '/api/v1/partner/referrals')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/updates`, { text: 'x', completed: false })).statusCode).toBe(404);
    const state = await caseState(h, tenant.municipality.id);
    expect(state.referrals[0]?.sharedSnapshotEnc).toBeNull();
    expect((await auditOf(h, tenant.municipality.id, 'consent.withdrawn'))[0]?.details).toMatchObject({ consentId: consent.id, referralsRevoked: 1 });
    // A withdrawn consent cannot carry a new referral, nor be withdrawn twice.
    const reuse = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    expect(reuse.statusCode).toBe(409);
    expect((await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents/${consent.id}/withdrawal`)).statusCode).toBe(409);
  });

  it('shares without consent only under a recorded legal basis with a reason, flagged', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const missingBasis = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'safety', dataCategories: ['full_name'], consentId: null });
    expect(missingBasis.statusCode).toBe(400);
    const missingReason = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'safety', dataCategories: ['full_name'], consentId: null, legalBasis: 'avert_serious_crime' });
    expect(missingReason.statusCode).toBe(400);
    // The duty to avert is met by telling the police: it is no basis for giving the case to the shelter.
    const before = await caseState(h, tenant.municipality.id);
    const wrongRecipient = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'safety', dataCategories: ['full_name'], consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: 'Trussel om vold mot personen' });
    expect(wrongRecipient.statusCode).toBe(400);
    expect(wrongRecipient.json().error.details).toEqual([expect.objectContaining({ field: 'legalBasis' })]);
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
    const police = await seedPartnerOrganisation(h, tenant, 'police', 'Politiet Test');
    const referral = await refer(owner, theCase.id, { organisationId: police.organisation.id, needKind: 'safety', dataCategories: ['full_name'], consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: 'Trussel om vold mot personen' });
    expect(referral).toMatchObject({ withoutConsent: true, legalBasis: 'avert_serious_crime', legalBasisReason: 'Trussel om vold mot personen' });
    const [event] = await auditOf(h, tenant.municipality.id, 'referral.sent');
    expect(event?.details).toMatchObject({ withoutConsent: true, legalBasis: 'avert_serious_crime' });
    expect(JSON.stringify(event)).not.toContain('Trussel');
    const partner = await signIn(h, police.user);
    expect((await call(h, partner, 'GET', `/api/v1/partner/referrals/${referral.id}`)).json<PartnerReferral>()).toMatchObject({ withoutConsent: true, shared: { fullName: PERSON.name } });
  });

  it('the sender revokes a referral with a reason; the partner loses it', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    const revoked = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals/${referral.id}/revocation`, { reason: 'Sendt til feil senter' });
    expect(revoked.json<Case>().referrals[0]).toMatchObject({ status: 'revoked', sharedDataHidden: true });
    expect((await call(h, await signIn(h, shelter.user), 'GET', `/api/v1/partner/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals/${referral.id}/revocation`, { reason: 'igjen' })).statusCode).toBe(409);
    expect(await auditOf(h, tenant.municipality.id, 'referral.revoked')).toHaveLength(1);
  });

  it('shows break-glass and revocation reasons (stored encrypted) to the case team and the coordinator, and audits the read', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals/${referral.id}/revocation`, { reason: 'Sendt til feil senter' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    // Without break-glass the coordinator sees the reasons for oversight, but no personal data.
    const overseen = (await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
    expect(overseen).toMatchObject({ person: null, accessGrants: [] });
    expect(overseen.referrals[0]).toMatchObject({ status: 'revoked', revokeReason: 'Sendt til feil senter' });
    const glass = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Politiet melder akutt fare' });
    expect(glass.json<Case>().accessGrants).toEqual([
      expect.objectContaining({ user: { id: tenant.users.coordinator.id, name: expect.any(String) as string }, reason: 'Politiet melder akutt fare' }),
    ]);
    const before = (await auditOf(h, tenant.municipality.id, 'case.viewed')).length;
    const read = await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`);
    expect(read.statusCode).toBe(200);
    const seen = read.json<Case>();
    expect(seen.accessGrants).toHaveLength(1);
    expect(seen.accessGrants[0]).toMatchObject({ reason: 'Politiet melder akutt fare', user: { id: tenant.users.coordinator.id } });
    expect(Date.parse(seen.accessGrants[0]?.expiresAt ?? '')).toBeGreaterThan(Date.parse(seen.accessGrants[0]?.grantedAt ?? ''));
    expect(seen.referrals[0]?.revokeReason).toBe('Sendt til feil senter');
    const viewed = await auditOf(h, tenant.municipality.id, 'case.viewed');
    expect(viewed).toHaveLength(before + 1);
    expect(viewed.at(-1)).toMatchObject({ actorUserId: tenant.users.caseworker.id, entityId: theCase.id, details: { personalData: true, breakGlass: false, accessReasons: 2 } });
    // Stored only as ciphertext; the audit holds no free text.
    const state = JSON.stringify(await caseState(h, tenant.municipality.id));
    for (const text of ['Sendt til feil senter', 'Politiet melder akutt fare']) expect(state).not.toContain(text);
  });

  it('a declined referral carries its reason back to the case', async () => {
    const { shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const referral = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    const partner = await signIn(h, shelter.user);
    const declined = await call(h, partner, 'POST', `/api/v1/partner/referrals/${referral.id}/response`, { decision: 'decline', reason: 'Fullt denne uken' });
    expect(declined.json<PartnerReferral>().status).toBe('declined');
    expect((await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().referrals[0]).toMatchObject({ status: 'declined', partnerNote: 'Fullt denne uken' });
  });
});

describe('the partner referral list filter', () => {
  it('lists only referrals waiting for an answer (state=awaiting) or past their answer date (state=overdue), and only the partner’s own', async () => {
    const { tenant, shelter, owner, theCase } = await setup();
    const consent = await consentToShelter(owner, theCase.id, shelter.organisation.id);
    const first = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId: consent.id });
    const second = await refer(owner, theCase.id, { organisationId: shelter.organisation.id, needKind: 'health', dataCategories: ['first_name'], consentId: consent.id });
    const partner = await signIn(h, shelter.user);
    const ids = async (query: string) => (await call(h, partner, 'GET', `/api/v1/partner/referrals${query}`)).json<{ items: { id: string }[] }>().items.map((item) => item.id).sort();
    expect(await ids('?state=awaiting')).toEqual([first.id, second.id].sort());
    expect(await ids('?state=overdue')).toEqual([]);
    await h.deps.db.update(schema.caseReferral).set({ answerDueAt: new Date(Date.now() - 86_400_000) }).where(eq(schema.caseReferral.id, second.id));
    expect(await ids('?state=overdue')).toEqual([second.id]);
    expect((await call(h, partner, 'POST', `/api/v1/partner/referrals/${first.id}/response`, { decision: 'accept', reason: null })).statusCode).toBe(200);
    expect(await ids('?state=awaiting')).toEqual([second.id]);
    expect(await ids('')).toEqual([first.id, second.id].sort());
    const police = await partnerOf(tenant);
    for (const query of ['?state=awaiting', '?state=overdue', '']) expect((await call(h, police, 'GET', `/api/v1/partner/referrals${query}`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect(errorCode(await call(h, partner, 'GET', '/api/v1/partner/referrals?state=late'))).toBe('VALIDATION_ERROR');
  });
});

describe('the day consent was given is a day in Norway', () => {
  it('accepts today in Norway just after midnight there, when the UTC date is still yesterday, and refuses tomorrow', async () => {
    const { shelter, owner, theCase } = await setup();
    const { at, norwegianToday, norwegianTomorrow } = justAfterNorwegianMidnight();
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    try {
      const consent = (givenOn: string) =>
        call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: ['first_name'], method: 'oral', givenOn });
      const today = await consent(norwegianToday);
      expect(today.statusCode, today.body).toBe(200);
      expect(today.json<Case>().consents.at(-1)?.givenOn).toBe(norwegianToday);
      const tomorrow = await consent(norwegianTomorrow);
      expect(tomorrow.statusCode).toBe(400);
      expect(errorCode(tomorrow)).toBe('VALIDATION_ERROR');
    } finally {
      vi.useRealTimers();
    }
  });
});
