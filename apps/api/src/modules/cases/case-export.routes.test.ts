import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, schema } from '@lykt/db';
import type { Case } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { inspectPdf } from '../../platform/documents/testing';
import { auditOf, caseState, extraUser, openCase, PERSON, SECRET_VALUES, seedCaseTenant, type CaseTenant } from './case.fixtures';

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
  const police = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Politiet Testdistrikt', kind: 'police', isInternal: false });
  const owner = await signIn(h, tenant.users.caseworker);
  const theCase = await openCase(h, owner);
  await call(h, owner, 'PUT', `/api/v1/cases/${theCase.id}/needs/health`, { status: 'needed', note: 'Trenger lege for skader' });
  await call(h, owner, 'PUT', `/api/v1/cases/${theCase.id}/safety-plan`, { text: 'Trygg adresse hos søsteren' });
  await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/journal`, { entryDate: TODAY, text: 'Hemmelig journaltekst om arbeidsgiveren' });
  return { tenant, police, owner, theCase };
}

async function consent(session: Session, caseId: string, organisationId: string, dataCategories: string[]) {
  const response = await call(h, session, 'POST', `/api/v1/cases/${caseId}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: organisationId, dataCategories, method: 'written', withInterpreter: true, givenOn: TODAY });
  expect(response.statusCode, response.body).toBe(200);
  const recorded = response.json<Case>().consents.at(-1);
  if (!recorded) throw new Error('no consent');
  return recorded;
}

async function exportTo(session: Session, caseId: string, body: Record<string, unknown>) {
  const response = await call(h, session, 'POST', `/api/v1/cases/${caseId}/exports`, body);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pdf = await inspectPdf(response.rawPayload);
  // Pages are separated by newlines; inside a page, line breaks show up as runs of spaces.
  const flat = (value: string) => value.replace(/ +/g, ' ');
  const [firstPage = '', ...rest] = pdf.text.split('\n');
  return { pdf, firstPage: flat(firstPage), text: flat(pdf.text), rest: flat(rest.join('\n')) };
}

async function exportEvents(tenant: CaseTenant) {
  return auditOf(h, tenant.municipality.id, 'case.exported');
}

describe('export to a recipient', () => {
  it('refuses an export to the police with neither consent nor a legal basis: 409 NO_SHARING_BASIS, nothing written', async () => {
    const { tenant, police, owner, theCase } = await setup();
    // Consent to another organisation, and a withdrawn one to the police, cover nothing for the police.
    await consent(owner, theCase.id, tenant.organisation.id, ['full_name']);
    const withdrawn = await consent(owner, theCase.id, police.id, ['full_name']);
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents/${withdrawn.id}/withdrawal`);
    const before = await caseState(h, tenant.municipality.id);
    const response = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/exports`, { recipientOrganisationId: police.id });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('NO_SHARING_BASIS');
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
  });

  it('refuses a legal basis without a reason, a consent and basis mix-up and an unknown recipient with 400', async () => {
    const { tenant, police, owner, theCase } = await setup();
    const other = await seedCaseTenant(h);
    const before = await caseState(h, tenant.municipality.id);
    for (const body of [
      { recipientOrganisationId: police.id, legalBasis: 'avert_serious_crime' },
      { recipientOrganisationId: police.id, legalBasis: 'avert_serious_crime', legalBasisReason: '   ' },
      { recipientOrganisationId: other.organisation.id, legalBasis: 'avert_serious_crime', legalBasisReason: 'Fare' },
      { recipientOrganisationId: police.id, legalBasis: 'because' },
      { recipientOrganisationId: police.id, purpose: 'police' },
    ]) {
      const response = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/exports`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
  });

  it('with consent for some categories: only those, and the first page says what was left out and why', async () => {
    const { tenant, police, owner, theCase } = await setup();
    const given = await consent(owner, theCase.id, police.id, ['full_name', 'languages']);
    const { firstPage, text, rest } = await exportTo(owner, theCase.id, { recipientOrganisationId: police.id });
    expect(firstPage).toContain('Utskrift til Politiet Testdistrikt');
    expect(firstPage).toContain(`Personens samtykke til deling med mottakeren (gitt ${TODAY})`);
    expect(firstPage).toContain("Tatt med Fullt navn, Språk");
    for (const leftOut of ['Fødselsdato', 'Kontaktopplysninger', 'Behov (med merknader)', 'Sikkerhetsplan', 'Journal']) expect(firstPage).toContain(leftOut);
    expect(firstPage).toContain('Personen har ikke samtykket til å dele dette med mottakeren.');
    expect(rest).toContain(PERSON.name);
    expect(rest).toContain('rumensk');
    for (const secret of [PERSON.dateOfBirth, PERSON.phone, PERSON.email, PERSON.address, PERSON.notes, 'Trenger lege', 'Trygg adresse', 'Hemmelig journaltekst']) expect(text).not.toContain(secret);
    const [event] = await exportEvents(tenant);
    expect(event?.details).toEqual({
      purpose: 'recipient',
      recipientOrganisationId: police.id,
      basis: 'consent',
      legalBasis: null,
      consentIds: [given.id],
      categories: ['full_name', 'languages'],
      leftOut: ['first_name', 'date_of_birth', 'interpreter_need', 'contact', 'age_band', 'gender', 'need'],
      reasonGiven: false,
      format: 'pdf',
      language: 'nb',
      breakGlass: false,
    });
  });

  it('with the § 196 basis: what that basis allows (identity and contact, not needs), basis and reason on the first page, audited without the reason', async () => {
    const { tenant, police, owner, theCase } = await setup();
    const { firstPage, text, rest } = await exportTo(owner, theCase.id, { recipientOrganisationId: police.id, legalBasis: 'avert_serious_crime', legalBasisReason: 'Arbeidsgiveren truer henne i dag', lang: 'en' });
    expect(firstPage).toContain('Copy for Politiet Testdistrikt');
    expect(firstPage).toContain('Duty to avert serious crime (straffeloven § 196)');
    expect(firstPage).toContain('Arbeidsgiveren truer henne i dag');
    expect(firstPage).toContain('The stated legal basis does not allow sharing this.');
    expect(firstPage).toMatch(/Left out.*Needs \(with notes\)/s);
    for (const shown of [PERSON.name, PERSON.dateOfBirth, PERSON.phone, PERSON.address]) expect(rest).toContain(shown);
    for (const secret of ['Trenger lege', 'Trygg adresse', 'Hemmelig journaltekst', PERSON.notes]) expect(text).not.toContain(secret);
    const events = await exportEvents(tenant);
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ purpose: 'recipient', basis: 'legal_basis', legalBasis: 'avert_serious_crime', recipientOrganisationId: police.id, categories: ['first_name', 'full_name', 'date_of_birth', 'languages', 'interpreter_need', 'contact', 'age_band', 'gender'], leftOut: ['need'], reasonGiven: true, language: 'en' });
    const serialized = JSON.stringify(events);
    for (const secret of [...SECRET_VALUES, 'truer henne']) expect(serialized).not.toContain(secret);
  });

  it('a referral under a legal basis is held to the same list: § 196 does not carry needs', async () => {
    const { police, owner, theCase } = await setup();
    const response = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: police.id, needKind: 'safety', dataCategories: ['full_name', 'need'], consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: 'Trussel' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Not covered by the legal basis: need');
  });

  it('404 for another municipality and for a caseworker not on the team; 403 for a coordinator not on the team; nothing written', async () => {
    const { tenant, police, theCase } = await setup();
    const body = { recipientOrganisationId: police.id, legalBasis: 'avert_serious_crime', legalBasisReason: 'Fare' };
    const before = await caseState(h, tenant.municipality.id);
    const stranger = await seedCaseTenant(h);
    const outsider = await call(h, await signIn(h, stranger.users.coordinator), 'POST', `/api/v1/cases/${theCase.id}/exports`, body);
    expect(outsider.statusCode).toBe(404);
    const otherCaseworker = await extraUser(h, tenant, 'caseworker');
    expect((await call(h, await signIn(h, otherCaseworker), 'POST', `/api/v1/cases/${theCase.id}/exports`, body)).statusCode).toBe(404);
    const coordinator = await call(h, await signIn(h, tenant.users.coordinator), 'POST', `/api/v1/cases/${theCase.id}/exports`, body);
    expect(coordinator.statusCode).toBe(403);
    expect(errorCode(coordinator)).toBe('FORBIDDEN');
    for (const role of ['partner', 'frontline', 'viewer', 'admin'] as const) {
      const response = await call(h, await signIn(h, tenant.users[role]), 'POST', `/api/v1/cases/${theCase.id}/exports`, body);
      expect([403, 404], role).toContain(response.statusCode);
    }
    // Signing in is audited; nothing else is written, and no export is recorded.
    const after = await caseState(h, tenant.municipality.id);
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
    expect(await exportEvents(tenant)).toEqual([]);
  });
});

describe("the data subject's copy (GDPR art. 15)", () => {
  it('holds the data and every art. 15 element: purposes, categories, recipients with dates, retention from the settings, rights, complaint, contact', async () => {
    const { tenant, police, owner, theCase } = await setup();
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await call(h, coordinator, 'PUT', '/api/v1/cases/settings', { retentionMonths: 18 })).statusCode).toBe(200);
    await h.deps.db.insert(schema.tipPublicSettings).values({ municipalityId: tenant.municipality.id, publicPagesEnabled: true, tipFormEnabled: true, contactName: 'Koordinator Kari', contactPhone: '+47 12 34 56 78', contactEmail: 'koordinator@kommune.invalid', openingHours: '08–15', retentionMonths: 12 });
    await exportTo(owner, theCase.id, { recipientOrganisationId: police.id, legalBasis: 'avert_serious_crime', legalBasisReason: 'Fare' });
    const response = await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/export?lang=nb`);
    expect(response.statusCode).toBe(200);
    const { text: raw } = await inspectPdf(response.rawPayload);
    // Line breaks in the PDF fall anywhere, also inside a web address.
    const text = raw.replace(/\s+/g, ' ');
    expect(raw.replace(/\s+/g, '')).toContain('https://www.datatilsynet.no/om-datatilsynet/kontakt-oss/klage-til-datatilsynet');
    for (const element of [
      'Formål',
      'Kategorier av opplysninger',
      'Mottakere',
      'Politiet Testdistrikt',
      TODAY,
      'Avvergeplikt',
      'slettes 18 måneder etter at saken er avsluttet',
      'Retting',
      'personvernforordningen art. 16',
      'Sletting',
      'personvernforordningen art. 17',
      'Begrensning',
      'personvernforordningen art. 18',
      'Protest',
      'personvernforordningen art. 21',
      'Klage til Datatilsynet',
      'Koordinator Kari',
      'koordinator@kommune.invalid',
      PERSON.name,
      'Trenger lege for skader',
      'Trygg adresse hos søsteren',
      'Hemmelig journaltekst om arbeidsgiveren',
    ]) {
      expect(text, element).toContain(element);
    }
    const english = await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/export?lang=en`);
    const en = await inspectPdf(english.rawPayload);
    for (const element of ['Purposes', 'Recipients', 'erased 18 months after the case is closed', 'Rectification', 'Erasure', 'Restriction', 'Objection', 'Complaint to Datatilsynet']) expect(en.text.replace(/\s+/g, ' '), element).toContain(element);
    expect(en.lang).toBe('en');
    const events = (await exportEvents(tenant)).filter((event) => event.details.purpose === 'data_subject');
    expect(events).toHaveLength(2);
    const stored = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id));
    expect(JSON.stringify(stored)).not.toContain(PERSON.name);
  });
});
