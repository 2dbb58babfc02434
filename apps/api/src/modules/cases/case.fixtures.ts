import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import type { Case, OrganisationKind } from '@lykt/shared';
import { call, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

/** Personal values that must never be in the database in clear, in the audit log or in the logs. */
export const PERSON = {
  name: 'Mirela Testfiktiv',
  aliases: ['Mimi'],
  dateOfBirth: '1998-07-14',
  phone: '+47 400 55 666',
  email: 'mirela.fiktiv@example.invalid',
  address: 'Fiktivgata 12',
  languages: ['rumensk', 'engelsk'],
  interpreterNeeded: true,
  notes: 'Redd for arbeidsgiveren',
};
export const SECRET_VALUES = ['Mirela', 'Testfiktiv', '1998-07-14', '400 55 666', 'mirela.fiktiv', 'Fiktivgata', 'Redd for arbeidsgiveren', 'Hemmelig journaltekst', 'Trygg adresse hos'];

export function seedCaseTenant(h: TestHarness) {
  return seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
}
export type CaseTenant = Awaited<ReturnType<typeof seedCaseTenant>>;

/** A shelter organisation with its own partner user. */
export async function seedShelter(h: TestHarness, tenant: CaseTenant) {
  return seedPartnerOrganisation(h, tenant, 'shelter', 'Krisesenteret Test');
}

/** A partner organisation of the given kind with one partner user (police, child welfare, shelter …). */
export async function seedPartnerOrganisation(h: TestHarness, tenant: CaseTenant, kind: OrganisationKind, name: string) {
  const organisation = await buildOrganisation(h.deps.db, tenant.municipality.id, { name, kind, isInternal: false });
  const user = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: organisation.id, role: 'partner' });
  return { organisation, user };
}

export async function extraUser(h: TestHarness, tenant: CaseTenant, role: 'caseworker' | 'coordinator') {
  return buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role });
}

export function directCaseBody(overrides: Record<string, unknown> = {}) {
  return {
    source: { kind: 'direct', id: null },
    facts: { gender: 'female', ageBand: '25_39', isMinor: false, nationality: 'RO', exploitationForms: ['labour'], sectors: ['cleaning'], identifyingService: 'health', residenceStatus: 'eea_citizen' },
    person: PERSON,
    ...overrides,
  };
}

export async function openCase(h: TestHarness, session: Session, body: Record<string, unknown> = directCaseBody()): Promise<Case> {
  const response = await call(h, session, 'POST', '/api/v1/cases', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

/** Everything a municipality's cases hold, for "nothing was written" checks. */
export async function caseState(h: TestHarness, municipalityId: string) {
  const db = h.deps.db;
  const [cases, members, needs, tasks, journal, consents, referrals, grants, audit] = await Promise.all([
    db.select().from(schema.caseFile).where(eq(schema.caseFile.municipalityId, municipalityId)).orderBy(asc(schema.caseFile.id)),
    db.select().from(schema.caseMember).where(eq(schema.caseMember.municipalityId, municipalityId)).orderBy(asc(schema.caseMember.id)),
    db.select().from(schema.caseNeed).where(eq(schema.caseNeed.municipalityId, municipalityId)).orderBy(asc(schema.caseNeed.id)),
    db.select().from(schema.caseTask).where(eq(schema.caseTask.municipalityId, municipalityId)).orderBy(asc(schema.caseTask.id)),
    db.select().from(schema.caseJournalEntry).where(eq(schema.caseJournalEntry.municipalityId, municipalityId)).orderBy(asc(schema.caseJournalEntry.id)),
    db.select().from(schema.caseConsent).where(eq(schema.caseConsent.municipalityId, municipalityId)).orderBy(asc(schema.caseConsent.id)),
    db.select().from(schema.caseReferral).where(eq(schema.caseReferral.municipalityId, municipalityId)).orderBy(asc(schema.caseReferral.id)),
    db.select().from(schema.caseAccessGrant).where(eq(schema.caseAccessGrant.municipalityId, municipalityId)).orderBy(asc(schema.caseAccessGrant.id)),
    db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { cases, members, needs, tasks, journal, consents, referrals, grants, audit };
}

export async function auditOf(h: TestHarness, municipalityId: string, action: string) {
  const state = await caseState(h, municipalityId);
  return state.audit.filter((event) => event.action === action);
}

/** Every endpoint on one case, with the permission its route requires. */
export function caseEndpoints(caseId: string, ids: { userId: string; orgId: string; subId: string }) {
  return [
    { method: 'POST', url: '/api/v1/cases', body: directCaseBody(), permission: 'cases:write' },
    { method: 'GET', url: '/api/v1/cases', permission: 'cases:read' },
    { method: 'GET', url: '/api/v1/cases/reminders', permission: 'cases:read' },
    { method: 'GET', url: '/api/v1/cases/team-candidates', permission: 'cases:write' },
    { method: 'GET', url: '/api/v1/cases/organisations', permission: 'cases:write' },
    { method: 'GET', url: '/api/v1/cases/settings', permission: 'cases:coordinate' },
    { method: 'PUT', url: '/api/v1/cases/settings', body: { retentionMonths: 12 }, permission: 'cases:coordinate' },
    { method: 'GET', url: `/api/v1/cases/${caseId}`, permission: 'cases:read' },
    { method: 'PATCH', url: `/api/v1/cases/${caseId}/facts`, body: { policeReportMade: true }, permission: 'cases:write' },
    { method: 'PUT', url: `/api/v1/cases/${caseId}/person`, body: PERSON, permission: 'cases:write' },
    { method: 'PUT', url: `/api/v1/cases/${caseId}/status`, body: { status: 'follow_up' }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/members`, body: { userId: ids.userId }, permission: 'cases:write' },
    { method: 'DELETE', url: `/api/v1/cases/${caseId}/members/${ids.userId}`, permission: 'cases:write' },
    { method: 'PUT', url: `/api/v1/cases/${caseId}/needs/housing`, body: { status: 'needed', note: 'Trenger trygt bosted' }, permission: 'cases:write' },
    { method: 'PUT', url: `/api/v1/cases/${caseId}/safety-plan`, body: { text: 'Trygg adresse hos krisesenteret' }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/tasks`, body: { title: 'Ring NAV', ownerUserId: ids.userId, dueOn: '2030-01-01' }, permission: 'cases:write' },
    { method: 'PATCH', url: `/api/v1/cases/${caseId}/tasks/${ids.subId}`, body: { done: true }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/journal`, body: { entryDate: '2026-01-02', text: 'Hemmelig journaltekst' }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/closure`, body: { status: 'closed', reason: 'Ferdig' }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/reopening`, body: { reason: 'Ny kontakt' }, permission: 'cases:write' },
    { method: 'GET', url: `/api/v1/cases/${caseId}/reads`, permission: 'cases:coordinate' },
    { method: 'GET', url: `/api/v1/cases/${caseId}/duplicates`, permission: 'cases:coordinate' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/break-glass`, body: { reason: 'Akutt fare' }, permission: 'cases:coordinate' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/erasure`, body: { reason: 'Krav om sletting' }, permission: 'cases:coordinate' },
    { method: 'GET', url: `/api/v1/cases/${caseId}/export?purpose=data_subject`, permission: 'cases:read' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/exports`, body: { recipientOrganisationId: ids.orgId, legalBasis: 'avert_serious_crime', legalBasisReason: 'Trussel om vold' }, permission: 'cases:read' },
    {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consents`,
      body: { purpose: 'share_with_organisation', recipientOrganisationId: ids.orgId, dataCategories: ['first_name'], method: 'oral', withInterpreter: true, givenOn: '2026-01-02' },
      permission: 'cases:write',
    },
    { method: 'POST', url: `/api/v1/cases/${caseId}/consents/${ids.subId}/withdrawal`, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/referrals`, body: { organisationId: ids.orgId, needKind: 'housing', dataCategories: ['first_name'], consentId: ids.subId }, permission: 'cases:write' },
    { method: 'POST', url: `/api/v1/cases/${caseId}/referrals/${ids.subId}/revocation`, body: { reason: 'Feil mottaker' }, permission: 'cases:write' },
  ] as const;
}

export function partnerEndpoints(referralId: string) {
  return [
    { method: 'GET', url: '/api/v1/partner/referrals', permission: 'referrals:respond' },
    { method: 'GET', url: `/api/v1/partner/referrals/${referralId}`, permission: 'referrals:respond' },
    { method: 'POST', url: `/api/v1/partner/referrals/${referralId}/response`, body: { decision: 'accept', reason: null }, permission: 'referrals:respond' },
    { method: 'POST', url: `/api/v1/partner/referrals/${referralId}/updates`, body: { text: 'Innflyttet', completed: false }, permission: 'referrals:respond' },
  ] as const;
}

export { signIn };
