import { describe, expect, it } from 'vitest';
import type { Case } from '@lykt/shared';
import { buildCaseExportDoc, buildRecipientExportDoc, type AccessFacts } from './case-export';
import { resolveSharingBasis } from './sharing-basis';
import type { ConsentRow } from './case.repository';

const base: Case = {
  id: '11111111-1111-4111-8111-111111111111',
  caseNumber: '2026-0042',
  status: 'follow_up',
  sourceKind: 'direct',
  owner: { id: '22222222-2222-4222-8222-222222222222', name: 'Sara Saksbehandler' },
  isMinor: false,
  ageBand: '25_39',
  exploitationForms: ['labour', 'war_service'],
  isMember: true,
  openReferrals: 1,
  personalDataErased: false,
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-03T10:00:00.000Z',
  closedAt: null,
  sourceId: null,
  facts: {
    gender: 'female',
    ageBand: '25_39',
    isMinor: false,
    nationality: 'RO',
    exploitationForms: ['labour', 'war_service'],
    sectors: ['cleaning'],
    identifyingService: 'health',
    residenceStatus: 'reflection_period',
    reflectionPeriodStart: '2026-01-01',
    reflectionPeriodEnd: '2026-07-01',
    policeReportMade: true,
    assistedReturn: null,
    childWelfareMeasure: null,
    outcome: null,
  },
  childWelfareReviewDueAt: null,
  team: [],
  needs: [{ kind: 'housing', status: 'in_progress', note: 'Trygt bosted', updatedAt: null }],
  tasks: [],
  consents: [],
  referrals: [],
  person: { name: 'Ana Fiktivescu', aliases: [], dateOfBirth: '1996-04-12', phone: null, email: null, address: null, languages: ['rumensk'], interpreterNeeded: true, notes: null },
  safetyPlan: null,
  journal: [{ id: '33333333-3333-4333-8333-333333333333', entryDate: '2026-01-03', text: 'Samtale med tolk.', author: null, createdAt: '2026-01-03T10:00:00.000Z' }],
  closeReason: null,
  reopenReason: null,
  erasureReason: null,
  personalDataErasedAt: null,
  breakGlassUntil: null,
  accessGrants: [],
  abilities: { readPersonalData: true, edit: true, manageTeam: true, close: true, reopen: false, breakGlass: false, viewReadLog: false, viewDuplicates: false, erase: false, export: true },
};

const facts: AccessFacts = { municipalityName: 'Eksempel kommune', contact: 'Koordinator, +47 12 34 56 78', retentionMonths: 24, disclosures: [{ recipient: 'Krisesenteret', kind: 'referral', date: '2026-01-05', basis: 'Samtykke' }] };
const POLICE = '44444444-4444-4444-8444-444444444444';
const consentRow = (overrides: Partial<ConsentRow>): ConsentRow => ({
  id: '55555555-5555-4555-8555-555555555555',
  municipalityId: '66666666-6666-4666-8666-666666666666',
  caseId: base.id,
  purpose: 'share_with_organisation',
  recipientOrganisationId: POLICE,
  dataCategories: ['full_name'],
  method: 'written',
  withInterpreter: false,
  givenOn: '2026-01-04',
  recordedByUserId: '88888888-8888-4888-8888-888888888888',
  withdrawnAt: null,
  withdrawnByUserId: null,
  createdAt: new Date('2026-01-04T10:00:00Z'),
  ...overrides,
});
const textOf = (doc: { blocks: unknown[] }) => JSON.stringify(doc.blocks);

describe('buildCaseExportDoc (the data subject copy)', () => {
  it('labels coded values in the document language, never raw codes', () => {
    const doc = buildCaseExportDoc(base, facts, new Date('2026-02-01T12:00:00Z'));
    expect(doc).toMatchObject({ title: 'Saksutskrift 2026-0042', subtitle: 'Utskrift til den registrerte (innsyn)', lang: 'nb', author: 'Eksempel kommune' });
    const text = textOf(doc);
    for (const label of ['Kvinne', 'Arbeid og tjenester', 'Krigstjeneste', 'Refleksjonsperiode', 'Helsetjenesten', 'Oppfølging', 'Bolig', 'Under arbeid', 'Ana Fiktivescu', 'Samtale med tolk.']) expect(text).toContain(label);
    for (const code of ['"female"', 'war_service', 'reflection_period', 'in_progress', 'follow_up']) expect(text).not.toContain(code);
  });

  it('says everything art. 15 asks for, each right with its article, before the data', () => {
    const doc = buildCaseExportDoc(base, facts, new Date('2026-02-01T12:00:00Z'), 'en');
    const text = textOf(doc);
    for (const element of ['Purposes', 'Categories of data', 'Recipients', 'Krisesenteret', '2026-01-05', 'erased 24 months after the case is closed', 'Where the data comes from', 'no automated decisions', 'Rectification', 'personvernforordningen art. 16', 'Erasure', 'personvernforordningen art. 17', 'Restriction', 'personvernforordningen art. 18', 'Objection', 'personvernforordningen art. 21', 'Complaint to Datatilsynet', 'Postboks 458 Sentrum', 'https://www.datatilsynet.no/', 'Eksempel kommune', 'Koordinator, +47 12 34 56 78']) {
      expect(text, element).toContain(element);
    }
    expect(text.indexOf('Complaint to Datatilsynet')).toBeLessThan(text.indexOf('Ana Fiktivescu'));
    expect(textOf(buildCaseExportDoc(base, { ...facts, disclosures: [], contact: null }, new Date(), 'en'))).toContain('No data from the case has been given to anyone else.');
  });

  it('dates every event by the day in Norway and prints the time it was made in Norwegian time', () => {
    // 23:30 UTC in winter is 00:30 the next day in Norway.
    const late = '2026-01-09T23:30:00.000Z';
    const person = { id: POLICE, name: 'Politiet' };
    const theCase: Case = {
      ...base,
      createdAt: late,
      tasks: [{ id: '77777777-7777-4777-8777-777777777777', title: 'Ring krisesenteret', owner: null, dueOn: '2026-01-12', doneAt: late, overdue: false }],
      consents: [{ id: '55555555-5555-4555-8555-555555555555', purpose: 'share_with_organisation', recipient: person, dataCategories: ['full_name'], method: 'written', withInterpreter: false, givenOn: '2026-01-04', recordedBy: null, withdrawnAt: late, isActive: false }],
      referrals: [
        {
          id: '99999999-9999-4999-8999-999999999999',
          caseId: base.id,
          organisation: person,
          needKind: 'housing',
          dataCategories: ['full_name'],
          consentId: null,
          legalBasis: null,
          legalBasisReason: null,
          withoutConsent: false,
          status: 'sent',
          partnerNote: null,
          sharedDataHidden: false,
          answerDueAt: '2026-01-16T23:30:00.000Z',
          overdue: false,
          sentAt: late,
          respondedAt: null,
          completedAt: null,
          revokedAt: null,
          revokeReason: null,
        },
      ],
    };
    const text = textOf(buildCaseExportDoc(theCase, facts, new Date('2026-01-31T23:10:00Z')));
    expect(text).toContain('2026-01-10');
    expect(text).not.toContain('2026-01-09');
    expect(text).toContain('2026-02-01 00:10');
    expect(textOf(buildRecipientExportDoc(theCase, 'Politiet', resolveSharingBasis([], { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: 'Fare' }), 'Eksempel kommune', new Date('2026-01-31T23:10:00Z')))).toContain('2026-02-01 00:10');
  });

  it('says when personal data is erased', () => {
    const doc = buildCaseExportDoc({ ...base, person: null, journal: [], personalDataErasedAt: '2026-02-01T00:00:00.000Z' }, facts, new Date(), 'en');
    expect(doc).toMatchObject({ title: 'Case record 2026-0042', subtitle: 'Copy for the data subject (access request)', lang: 'en' });
    expect(textOf(doc)).toContain('The personal data has been erased.');
  });
});

describe('resolveSharingBasis (one check for referrals and exports)', () => {
  it('counts only valid consents to this recipient, in a fixed order', () => {
    const basis = resolveSharingBasis(
      [
        consentRow({ id: 'a', dataCategories: ['languages', 'full_name'] }),
        consentRow({ id: 'b', dataCategories: ['contact'], withdrawnAt: new Date() }),
        consentRow({ id: 'c', dataCategories: ['date_of_birth'], recipientOrganisationId: '77777777-7777-4777-8777-777777777777' }),
        consentRow({ id: 'd', purpose: 'statistics', dataCategories: ['gender'] }),
      ],
      { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: null, legalBasisReason: null },
    );
    expect(basis).toEqual({ kind: 'consent', consentIds: ['a'], givenOn: ['2026-01-04'], categories: ['full_name', 'languages'] });
  });

  it('gives a legal basis only its own categories, and only with a reason', () => {
    expect(resolveSharingBasis([], { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: ' Fare ' })).toMatchObject({ kind: 'legal_basis', reason: 'Fare', categories: expect.not.arrayContaining(['need']) });
    expect(() => resolveSharingBasis([], { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: null })).toThrow(/legalBasisReason/);
  });

  it('applies a legal basis only to the recipients it is a duty towards', () => {
    const shelter = { organisationId: POLICE, consentId: null, legalBasisReason: 'Grunn' } as const;
    // The duty to notify child welfare is no basis for giving everything to a shelter, a business or the police.
    for (const kind of ['shelter', 'business', 'police', 'ngo'] as const) {
      expect(() => resolveSharingBasis([], { ...shelter, organisationKind: kind, legalBasis: 'child_welfare_notification' }), kind).toThrow(/legalBasis/);
    }
    expect(resolveSharingBasis([], { ...shelter, organisationKind: 'child_welfare', legalBasis: 'child_welfare_notification' })).toMatchObject({ kind: 'legal_basis' });
    // The duty to avert is met by telling the police, not by handing the case to anyone else.
    expect(() => resolveSharingBasis([], { ...shelter, organisationKind: 'shelter', legalBasis: 'avert_serious_crime' })).toThrow(/legalBasis/);
    expect(resolveSharingBasis([], { ...shelter, organisationKind: 'business', legalBasis: 'other_statutory_duty' }).categories).toEqual(['first_name', 'full_name', 'date_of_birth', 'age_band', 'gender']);
  });
});

describe('buildRecipientExportDoc', () => {
  it('carries only the covered categories; the first page names recipient, basis, what is in and what was left out and why', () => {
    const basis = resolveSharingBasis([consentRow({ dataCategories: ['full_name', 'languages'] })], { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: null, legalBasisReason: null });
    const doc = buildRecipientExportDoc({ ...base, safetyPlan: 'Hemmelig plan' }, 'Politiet', basis, 'Eksempel kommune', new Date('2026-02-01T12:00:00Z'));
    expect(doc.subtitle).toBe('Utskrift til Politiet');
    const breakAt = doc.blocks.findIndex((block) => block.type === 'pageBreak');
    const firstPage = JSON.stringify(doc.blocks.slice(0, breakAt));
    const data = JSON.stringify(doc.blocks.slice(breakAt));
    expect(firstPage).toContain('Politiet');
    expect(firstPage).toContain('gitt 2026-01-04');
    for (const leftOut of ['Fødselsdato', 'Behov (med merknader)', 'Sikkerhetsplan', 'Journal', 'Øvrige kodede opplysninger']) expect(firstPage).toContain(leftOut);
    expect(data).toContain('Ana Fiktivescu');
    expect(data).toContain('rumensk');
    for (const hidden of ['1996-04-12', 'Trygt bosted', 'Samtale med tolk.', 'Hemmelig plan', 'Arbeid og tjenester', 'Oppfølging', '2026-01-02']) expect(JSON.stringify(doc)).not.toContain(hidden);
  });

  it('under a legal basis names the law and the reason, with the law’s source', () => {
    const basis = resolveSharingBasis([], { organisationId: POLICE, organisationKind: 'police', consentId: null, legalBasis: 'avert_serious_crime', legalBasisReason: 'Akutt fare' });
    const doc = buildRecipientExportDoc(base, 'Politiet', basis, 'Eksempel kommune', new Date(), 'en');
    const text = JSON.stringify(doc.blocks);
    for (const element of ['Duty to avert serious crime (straffeloven § 196)', 'Akutt fare', 'Source: straffeloven § 196', '1996-04-12']) expect(text).toContain(element);
    expect(text).not.toContain('Trygt bosted');
  });
});
