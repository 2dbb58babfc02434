import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { docxText, inspectPdf, unzipDocx } from '../../platform/documents/testing';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function world() {
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const police = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Politiet', kind: 'police', isInternal: false });
  const business = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Næringsforeningen', kind: 'business', isInternal: false });
  const caps = seedCapabilities(h.deps.keyring);
  const policeUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: police.id, role: 'partner' });
  const businessUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: business.id, role: 'partner' });
  const coordinator = await signIn(h, tenant.users.coordinator);
  const member = (await call(h, coordinator, 'POST', '/api/v1/cooperation/members', { organisationId: police.id, name: 'Ola Fiktiv', groupRole: 'chair', title: '', phone: null, email: null })).json<{ id: string }>();
  const meeting = await call(h, coordinator, 'POST', '/api/v1/cooperation/meetings', {
    startsAt: '2026-03-10T09:00:00+01:00',
    place: 'Rådhuset, møterom 2',
    minutes: 'Gjennomgang av henvisningsrutinen.',
    attendance: [{ memberId: member.id, present: true }],
    items: [{ title: 'Henvisningsrutine for barn', notes: 'Barnevernet presenterte utkast.', decision: 'Utkastet sendes på høring.' }],
    actions: [{ text: 'Send rutinen på høring', ownerOrganisationId: police.id, dueDate: '2026-04-01', measureId: null }],
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  return { tenant, coordinator, policeUser, businessUser, meetingId: meeting.json<{ id: string }>().id, municipalityId: tenant.municipality.id };
}

const exported = async (h2: TestHarness, municipalityId: string) =>
  (await h2.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq))).filter((row) => row.action === 'cooperation.minutes.exported');

describe('meeting minutes export', () => {
  it('gives the minutes as a tagged PDF and as DOCX, audited', async () => {
    const w = await world();
    const pdf = await call(h, w.coordinator, 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="referat-2026-03-10.pdf"');
    const inspected = await inspectPdf(pdf.rawPayload);
    for (const text of ['Referat fra møte i samarbeidsgruppen', 'Rådhuset, møterom 2', 'Ola Fiktiv, Politiet (leder)', 'Sak 1: Henvisningsrutine for barn', 'Vedtak: Utkastet sendes på høring.', 'Send rutinen på høring']) expect(inspected.text).toContain(text);
    expect(inspected.lang).toBe('nb');

    const docx = await call(h, w.coordinator, 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/docx?lang=en`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(unzipDocx(docx.rawPayload)['word/document.xml'] ?? '');
    expect(text).toContain('Minutes of the cooperation group meeting');
    expect(text).toContain('Gjennomgang av henvisningsrutinen.');
    expect((await exported(h, w.municipalityId)).map((row) => row.details)).toEqual([
      { format: 'pdf', lang: 'nb' },
      { format: 'docx', lang: 'en' },
    ]);
  });

  it('lets a member organisation export, and hides the meeting from others', async () => {
    const w = await world();
    expect((await call(h, await signIn(h, w.policeUser), 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`)).statusCode).toBe(200);
    const outside = await call(h, await signIn(h, w.businessUser), 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`);
    expect(outside.statusCode).toBe(404);
    const viewer = await call(h, await signIn(h, w.tenant.users.viewer), 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`);
    expect(viewer.statusCode).toBe(403);
    expect(errorCode(viewer)).toBe('FORBIDDEN');
    expect((await call(h, null, 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`)).statusCode).toBe(401);
    const other = await world();
    expect((await call(h, other.coordinator, 'GET', `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf`)).statusCode).toBe(404);
    for (const url of [`/api/v1/cooperation/meetings/${w.meetingId}/minutes/odt`, `/api/v1/cooperation/meetings/${w.meetingId}/minutes/pdf?lang=de`, '/api/v1/cooperation/meetings/nope/minutes/pdf']) {
      const response = await call(h, w.coordinator, 'GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect((await exported(h, w.municipalityId)).length).toBe(1);
  });
});
