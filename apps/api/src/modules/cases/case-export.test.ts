import { describe, expect, it } from 'vitest';
import type { Case } from '@lykt/shared';
import { buildCaseExportDoc } from './case-export';

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

describe('buildCaseExportDoc', () => {
  it('labels coded values in the document language, never raw codes, and names the purpose', () => {
    const doc = buildCaseExportDoc(base, 'police', 'Eksempel kommune', new Date('2026-02-01T12:00:00Z'));
    expect(doc).toMatchObject({ title: 'Saksutskrift 2026-0042', subtitle: 'Utskrift til politiet', lang: 'nb', author: 'Eksempel kommune' });
    const text = JSON.stringify(doc.blocks);
    for (const label of ['Kvinne', 'Arbeid og tjenester', 'Krigstjeneste', 'Refleksjonsperiode', 'Helsetjenesten', 'Oppfølging', 'Bolig', 'Under arbeid', 'Ana Fiktivescu', 'Samtale med tolk.']) expect(text).toContain(label);
    for (const code of ['"female"', 'war_service', 'reflection_period', 'in_progress', 'follow_up']) expect(text).not.toContain(code);
  });

  it('writes English when asked, and says when personal data is erased', () => {
    const doc = buildCaseExportDoc({ ...base, person: null, journal: [], personalDataErasedAt: '2026-02-01T00:00:00.000Z' }, 'data_subject', 'Eksempel kommune', new Date(), 'en');
    expect(doc).toMatchObject({ title: 'Case record 2026-0042', subtitle: 'Copy for the data subject (access request)', lang: 'en' });
    expect(JSON.stringify(doc.blocks)).toContain('The personal data has been erased.');
  });
});
