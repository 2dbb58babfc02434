import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, schema } from '@lykt/db';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { docxText, inspectPdf, unzipDocx } from '../../platform/documents/testing';
import { periodClosed, releasePeriod } from '../statistics/statistics.service';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Detail = {
  report: { id: string; year: number; draftVersion: number | null; latestFinalVersion: number | null; versions: Array<{ number: number; status: string }> };
  version: { number: number; status: string; finalisedAt: string | null; finalisedBy: string | null };
  narrative: { summary: string; background: string; assessment: string; proposals: string; questions: Record<string, string> };
  caseFields: { caseNumber: string; archiveCode: string; committee: string; meetingDate: string | null; caseOfficer: string; recommendation: string; attachments: string[] };
  generatedQuestions: Record<string, string> | null;
  document: { title: string; subtitle?: string; lang: string; blocks: Array<{ type: string; text?: string }> };
  generatedAt: string;
};

async function world() {
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const municipalityId = tenant.municipality.id;
  const police = await buildOrganisation(h.deps.db, municipalityId, { name: 'Politiet', kind: 'police', isInternal: false });
  const [plan] = await h.deps.db.insert(schema.plan).values({ municipalityId, title: 'Tiltaksplan mot menneskehandel', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
  if (!plan) throw new Error('no plan');
  const [version] = await h.deps.db.insert(schema.planVersion).values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS 1/26', decisionDate: '2026-01-20', adoptedAt: new Date('2026-01-20T12:00:00Z') }).returning();
  if (!version) throw new Error('no version');
  await h.deps.db.insert(schema.planMeasure).values({ municipalityId, planVersionId: version.id, lineageId: randomUUID(), area: 'D', title: 'Indikatorliste for legevakten', status: 'in_progress', progress: 40, ownerOrganisationId: police.id });
  const coordinator = await signIn(h, tenant.users.coordinator);
  return { tenant, municipalityId, coordinator };
}

async function audit(municipalityId: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows;
}

async function reportRows(municipalityId: string) {
  const reports = await h.deps.db.select().from(schema.councilReport).where(eq(schema.councilReport.municipalityId, municipalityId));
  const versions = await h.deps.db.select().from(schema.councilReportVersion).where(eq(schema.councilReportVersion.municipalityId, municipalityId)).orderBy(asc(schema.councilReportVersion.number));
  return { reports, versions };
}

async function create(session: Session, year = 2026) {
  const response = await call(h, session, 'POST', '/api/v1/reports', { year });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; draftVersion: number }>();
}

const CASE = { caseNumber: '2026/1234', archiveCode: 'F00 &13', committee: 'Kommunestyret', meetingDate: '2027-02-11', caseOfficer: 'Kari Saksbehandler', recommendation: '', attachments: ['Handlingsplan 2026–2029', 'Referat fra samarbeidsgruppen'] };
const NO_ANSWERS = { prevalence: '', knowledge: '', tools: '', identification: '', assistance: '', plan: '' };
const blockTexts = (detail: Detail) => detail.document.blocks.map((block) => block.text ?? '');

describe('council reports', () => {
  it('refuse the unauthenticated and roles without report access', async () => {
    const { tenant, coordinator } = await world();
    const report = await create(coordinator);
    const base = `/api/v1/reports/${report.id}`;
    const endpoints = [
      { method: 'GET' as const, url: '/api/v1/reports' },
      { method: 'POST' as const, url: '/api/v1/reports', body: { year: 2027 } },
      { method: 'GET' as const, url: base },
      { method: 'GET' as const, url: `${base}/versions/1` },
      { method: 'PUT' as const, url: `${base}/versions/1/narrative`, body: { summary: 'x', assessment: '', proposals: '' } },
      { method: 'PUT' as const, url: `${base}/versions/1/case`, body: CASE },
      { method: 'POST' as const, url: `${base}/versions/1/finalise` },
      { method: 'POST' as const, url: `${base}/versions` },
      { method: 'GET' as const, url: `${base}/versions/1/export/pdf` },
    ];
    for (const endpoint of endpoints) {
      const response = await call(h, null, endpoint.method, endpoint.url, endpoint.body);
      expect(response.statusCode, endpoint.url).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    for (const role of ['frontline', 'caseworker', 'partner', 'admin'] as const) {
      await expectEachForbidden(h, await signIn(h, tenant.users[role]), endpoints);
    }
    // A viewer reads, but cannot write.
    const viewer = await signIn(h, tenant.users.viewer);
    await expectEachForbidden(h, viewer, endpoints.filter((endpoint) => endpoint.method !== 'GET'));
  });

  it('creates a draft, generates it from live data, edits the narrative, finalises and freezes it', async () => {
    const { municipalityId, coordinator } = await world();
    const report = await create(coordinator);
    expect(report.draftVersion).toBe(1);
    const first = await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1`);
    expect(first.statusCode, first.body).toBe(200);
    const draft = first.json<Detail>();
    expect(draft.version.status).toBe('draft');
    expect(draft.document.title).toContain('2026');
    expect(draft.document.subtitle).toContain('UTKAST');
    expect(JSON.stringify(draft.document.blocks)).toContain('Indikatorliste for legevakten');
    // Until 2026 has closed (Norwegian time) its figures are not published; from then on the report reads the release.
    expect(JSON.stringify(draft.document.blocks)).toContain(periodClosed(releasePeriod(2026)) ? 'Fra publisert utgave 1 av statistikken' : 'Tallene for 2026 publiseres når året er over');

    const narrative = { summary: 'Et godt år.\n\nMer samarbeid.', background: 'Interpellasjon i 2016.', assessment: 'Vi er på rett vei.', proposals: 'Flere kurs.', questions: { ...NO_ANSWERS, knowledge: 'Flere har tatt kurset.' } };
    const edited = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/narrative`, narrative);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Detail>().narrative).toEqual(narrative);
    const cased = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/case`, CASE);
    expect(cased.statusCode, cased.body).toBe(200);
    expect(cased.json<Detail>().caseFields).toEqual(CASE);
    const stored = await reportRows(municipalityId);
    expect(stored.versions[0]?.narrativeEnc).not.toContain('Et godt år');

    const finalised = await call(h, coordinator, 'POST', `/api/v1/reports/${report.id}/versions/1/finalise`);
    expect(finalised.statusCode, finalised.body).toBe(200);
    const final = finalised.json<Detail>();
    expect(final.version.status).toBe('final');
    expect(final.version.finalisedBy).toBeTruthy();
    expect(final.version.finalisedAt).not.toBeNull();
    expect(final.document.subtitle).not.toContain('UTKAST');
    expect(final.document.blocks.filter((block) => block.type === 'paragraph').map((block) => block.text)).toEqual(expect.arrayContaining(['Et godt år.', 'Mer samarbeid.', 'Interpellasjon i 2016.', 'Flere har tatt kurset.']));
    expect(final.generatedQuestions).toBeNull();
    // The saksframlegg fields are part of the frozen document.
    expect(JSON.stringify(final.document.blocks)).toContain('2026/1234');
    expect(JSON.stringify(final.document.blocks)).toContain('Referat fra samarbeidsgruppen');

    // Live data changes; the final version does not.
    await h.deps.db.update(schema.planMeasure).set({ title: 'Endret tittel etter frysing' }).where(eq(schema.planMeasure.municipalityId, municipalityId));
    const again = (await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1`)).json<Detail>();
    expect(again.document).toEqual(final.document);
    expect(again.generatedAt).toBe(final.generatedAt);

    // A final version is never changed.
    const refused = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/narrative`, narrative);
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('CONFLICT');
    const caseRefused = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/case`, { ...CASE, caseNumber: '2026/9999' });
    expect(caseRefused.statusCode).toBe(409);
    expect((await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1`)).json<Detail>().caseFields.caseNumber).toBe('2026/1234');
    expect((await call(h, coordinator, 'POST', `/api/v1/reports/${report.id}/versions/1/finalise`)).statusCode).toBe(409);

    // The next version starts as a draft with the narrative carried over and today's data.
    const next = await call(h, coordinator, 'POST', `/api/v1/reports/${report.id}/versions`);
    expect(next.statusCode, next.body).toBe(201);
    const second = next.json<Detail>();
    expect(second.version).toMatchObject({ number: 2, status: 'draft' });
    expect(second.narrative).toEqual(narrative);
    expect(second.caseFields).toEqual(CASE);
    expect(JSON.stringify(second.document.blocks)).toContain('Endret tittel etter frysing');
    expect((await call(h, coordinator, 'POST', `/api/v1/reports/${report.id}/versions`)).statusCode).toBe(409);

    const actions = (await audit(municipalityId)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['report.created', 'report.narrative.updated', 'report.case.updated', 'report.version.finalised', 'report.version.created']));
    const caseEvent = (await audit(municipalityId)).find((row) => row.action === 'report.case.updated');
    expect((caseEvent?.details as { fields: string[] }).fields).toEqual(['caseNumber', 'archiveCode', 'committee', 'meetingDate', 'caseOfficer', 'attachments']);
    const narrativeEvent = (await audit(municipalityId)).find((row) => row.action === 'report.narrative.updated');
    expect(JSON.stringify(narrativeEvent?.details)).not.toContain('Et godt år');

    // A viewer sees only the final version.
    const viewer = await signIn(h, (await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, municipalityId))).find((user) => user.role === 'viewer') ?? { email: '' });
    const list = await call(h, viewer, 'GET', '/api/v1/reports');
    expect(list.json<{ items: Array<{ versions: Array<{ number: number }> }> }>().items[0]?.versions.map((version) => version.number)).toEqual([1]);
    expect((await call(h, viewer, 'GET', `/api/v1/reports/${report.id}/versions/2`)).statusCode).toBe(404);
    expect((await call(h, viewer, 'GET', `/api/v1/reports/${report.id}/versions/1`)).statusCode).toBe(200);
  });

  it('exports a version as PDF and DOCX from the same document, audited', async () => {
    const { municipalityId, coordinator } = await world();
    const report = await create(coordinator);
    const pdf = await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1/export/pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="kommunestyrerapport-2026-v1-utkast.pdf"');
    const inspected = await inspectPdf(pdf.rawPayload);
    expect(inspected.text).toContain('Indikatorliste for legevakten');
    expect(inspected.lang).toBe('nb');
    expect(inspected.roles).toContain('Figure');

    const docx = await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1/export/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docxText(unzipDocx(docx.rawPayload)['word/document.xml'] ?? '')).toContain('Indikatorliste for legevakten');

    const exports = (await audit(municipalityId)).filter((row) => row.action === 'report.exported');
    expect(exports.map((row) => (row.details as { format: string }).format)).toEqual(['pdf', 'docx']);
  });

  it('rejects bad input with nothing written, and a second report for the same year', async () => {
    const { municipalityId, coordinator } = await world();
    for (const body of [{}, { year: 1999 }, { year: '2026' }, { year: 2026, language: 'de' }]) {
      const response = await call(h, coordinator, 'POST', '/api/v1/reports', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect((await reportRows(municipalityId)).reports).toHaveLength(0);
    const report = await create(coordinator);
    const before = await reportRows(municipalityId);
    const duplicate = await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2026 });
    expect(duplicate.statusCode).toBe(409);
    expect(errorCode(duplicate)).toBe('CONFLICT');
    const tooLong = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/narrative`, { summary: 'x'.repeat(20_001), assessment: '', proposals: '' });
    expect(tooLong.statusCode).toBe(400);
    expect((await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/abc`)).statusCode).toBe(400);
    expect((await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1/export/odt`)).statusCode).toBe(400);
    expect((await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/9`)).statusCode).toBe(404);
    expect(await reportRows(municipalityId)).toEqual(before);
  });

  it('answers 404 for another municipality', async () => {
    const { coordinator } = await world();
    const report = await create(coordinator);
    const other = await world();
    const base = `/api/v1/reports/${report.id}`;
    for (const [method, url, body] of [
      ['GET', base],
      ['GET', `${base}/versions/1`],
      ['PUT', `${base}/versions/1/narrative`, { summary: '', assessment: '', proposals: '' }],
      ['PUT', `${base}/versions/1/case`, CASE],
      ['POST', `${base}/versions/1/finalise`],
      ['POST', `${base}/versions`],
      ['GET', `${base}/versions/1/export/docx`],
    ] as const) {
      const response = await call(h, other.coordinator, method, url, body);
      expect(response.statusCode, url).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect((await call(h, other.coordinator, 'GET', '/api/v1/reports')).json()).toEqual({ items: [] });
  });
  it('validates the saksframlegg fields with field errors and writes nothing on bad input', async () => {
    const { municipalityId, coordinator } = await world();
    const report = await create(coordinator);
    const url = `/api/v1/reports/${report.id}/versions/1/case`;
    const before = await reportRows(municipalityId);
    for (const body of [
      { ...CASE, caseNumber: 'sak tolv' },
      { ...CASE, caseNumber: '2026-1234' },
      { ...CASE, meetingDate: '11.02.2027' },
      { ...CASE, attachments: Array.from({ length: 31 }, (_, index) => `Vedlegg ${index + 1}`) },
      { ...CASE, attachments: [''] },
      { ...CASE, committee: 'x'.repeat(121) },
      { caseNumber: '2026/1' },
    ]) {
      const response = await call(h, coordinator, 'PUT', url, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const tooEarly = await call(h, coordinator, 'PUT', url, { ...CASE, meetingDate: '2025-12-01' });
    expect(tooEarly.statusCode).toBe(400);
    expect(errorCode(tooEarly)).toBe('VALIDATION_ERROR');
    expect(tooEarly.json<{ error: { details: Array<{ field: string }> } }>().error.details[0]?.field).toBe('meetingDate');
    expect(await reportRows(municipalityId)).toEqual(before);
    expect((await audit(municipalityId)).filter((row) => row.action === 'report.case.updated')).toHaveLength(0);

    // Empty fields are allowed while the case is being prepared; the document says what is missing.
    const empty = await call(h, coordinator, 'PUT', url, { caseNumber: '', archiveCode: '', committee: '', meetingDate: null, caseOfficer: '', recommendation: '', attachments: [] });
    expect(empty.statusCode, empty.body).toBe(200);
    const texts = blockTexts(empty.json<Detail>());
    expect(texts).toContain('Kommunestyret tar rapporten om arbeidet mot menneskehandel i 2026 til orientering.');
    expect(texts).toContain('Ingen vedlegg.');
    const written = await call(h, coordinator, 'PUT', url, { ...CASE, recommendation: 'Kommunestyret tar rapporten til orientering og ber om en revidert plan.' });
    expect(blockTexts(written.json<Detail>())).toContain('Kommunestyret tar rapporten til orientering og ber om en revidert plan.');
  });

  it('answers each council question with a text generated from the figures until the coordinator writes one', async () => {
    const { municipalityId, coordinator } = await world();
    const report = await create(coordinator);
    const draft = (await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1`)).json<Detail>();
    const generated = draft.generatedQuestions;
    if (!generated) throw new Error('a draft has generated texts');
    expect(generated.plan).toContain('0 av 1 tiltak i planen er fullført.');
    expect(generated.prevalence).toContain('KOM');
    expect(blockTexts(draft)).toContain(generated.plan);
    // The saksframlegg opens with the case header and the recommendation, and the key figures come before the chapters.
    const headings = draft.document.blocks.filter((block) => block.type === 'heading').map((block) => block.text);
    expect(headings.slice(0, 4)).toEqual(['Kommunedirektørens innstilling', 'Vedlegg', 'Saksopplysninger', 'Bakgrunn']);
    expect(headings.indexOf('Nøkkeltall')).toBeLessThan(headings.indexOf('Handlingsplanen'));
    expect(headings).toContain('Det nasjonale bildet');

    const answer = 'Kommunen har ett vedtatt tiltak i gang.';
    const saved = await call(h, coordinator, 'PUT', `/api/v1/reports/${report.id}/versions/1/narrative`, { summary: '', assessment: '', proposals: '', questions: { ...NO_ANSWERS, plan: answer } });
    expect(saved.statusCode, saved.body).toBe(200);
    const texts = blockTexts(saved.json<Detail>());
    expect(texts).toContain(answer);
    expect(texts).not.toContain(generated.plan);
    expect(texts).toContain(generated.knowledge);
    const stored = await reportRows(municipalityId);
    expect(stored.versions[0]?.narrativeEnc).not.toContain('vedtatt tiltak');
    const event = (await audit(municipalityId)).find((row) => row.action === 'report.narrative.updated');
    expect((event?.details as { fields: string[] }).fields).toEqual(['questions.plan']);

    // A report in English is the same case in English.
    const english = await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2027, language: 'en' });
    const englishDraft = (await call(h, coordinator, 'GET', `/api/v1/reports/${english.json<{ id: string }>().id}/versions/1`)).json<Detail>();
    const englishTexts = blockTexts(englishDraft);
    expect(englishTexts).toContain("The chief executive's recommendation");
    expect(englishTexts).toContain('The council takes the report on the work against human trafficking in 2027 into account.');
    expect(englishDraft.generatedQuestions?.prevalence).toContain('For comparison, nationally (KOM, 2023)');
  });
});
