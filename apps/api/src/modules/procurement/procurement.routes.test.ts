import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Contract, type ContractSummary } from '@lykt/shared';
import { yearPeriod } from '../reports/period';
import { buildProcurementSection } from './procurement.report-section';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const settings = { mfaPolicy: 'off' as const, languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 };
const OBSERVATION = 'Brakkerigg bak skolen, arbeidere uten HMS-kort på stillaset';

async function tenantWithSessions() {
  const tenant = await seedTenant(h, { settings });
  return { tenant, officer: await signIn(h, tenant.users.procurement), coordinator: await signIn(h, tenant.users.coordinator) };
}

const contractBody = {
  title: 'Rehabilitering av skole',
  supplier: { name: 'Test Bygg AS', orgNumber: '999111222' },
  isicSection: 'F',
  productCategory: null,
  valueNok: 12_000_000,
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  responsibleUnit: 'Eiendom',
  siteId: null,
};

async function newContract(session: Session, body: Record<string, unknown> = contractBody): Promise<Contract> {
  const response = await call(h, session, 'POST', '/api/v1/procurement/contracts', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Contract>();
}

const auditOf = async (municipalityId: string, action: string) =>
  h.deps.db
    .select()
    .from(schema.auditEvent)
    .where(and(eq(schema.auditEvent.municipalityId, municipalityId), eq(schema.auditEvent.action, action)))
    .orderBy(asc(schema.auditEvent.seq));

describe('procurement: need-to-know', () => {
  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/procurement/contracts'],
      ['POST', '/api/v1/procurement/contracts'],
      ['GET', '/api/v1/procurement/template'],
    ] as const) {
      const response = await call(h, null, method, url, method === 'POST' ? contractBody : undefined);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('lets only the procurement officer and the coordinator see contracts and findings; partners, frontline, caseworkers, viewers and admins get 403 and write nothing', async () => {
    const { tenant, officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const denied = ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('procurement:read'));
    expect(denied.sort()).toEqual(['admin', 'caseworker', 'frontline', 'partner', 'viewer']);
    for (const role of denied) {
      const session = await signIn(h, tenant.users[role]);
      await expectEachForbidden(h, session, [
        { method: 'GET', url: '/api/v1/procurement/contracts' },
        { method: 'GET', url: `/api/v1/procurement/contracts/${contract.id}` },
        { method: 'POST', url: '/api/v1/procurement/contracts', body: contractBody },
        { method: 'POST', url: `/api/v1/procurement/contracts/${contract.id}/checks`, body: { kind: 'site_visit', plannedOn: '2026-05-01', agencies: [] } },
        { method: 'PUT', url: '/api/v1/procurement/template', body: { items: [{ key: 'x_1', kind: 'seriousness', title: 'X', appliesTo: [] }] } },
      ]);
    }
    const contracts = await h.deps.db.select().from(schema.procurementContract).where(eq(schema.procurementContract.municipalityId, tenant.municipality.id));
    expect(contracts).toHaveLength(1);
    for (const role of ['procurement', 'coordinator'] as const) {
      const session = await signIn(h, tenant.users[role]);
      const list = await call(h, session, 'GET', '/api/v1/procurement/contracts');
      expect(list.statusCode).toBe(200);
      expect(list.json<{ items: ContractSummary[] }>().items.map((item) => item.id)).toEqual([contract.id]);
    }
  });

  it('answers 404 for another municipality’s contract and never lists it', async () => {
    const { officer } = await tenantWithSessions();
    const other = await tenantWithSessions();
    const contract = await newContract(officer);
    const response = await call(h, other.officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect((await call(h, other.officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'site_visit', plannedOn: '2026-05-01', agencies: [] })).statusCode).toBe(404);
    expect((await call(h, other.officer, 'GET', '/api/v1/procurement/contracts')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe('procurement: contracts, risk and checklist', () => {
  it('registers a contract with the checklist that applies to its sector and a computed risk', async () => {
    const { officer } = await tenantWithSessions();
    const construction = await newContract(officer);
    expect(construction.riskLevel).toBe('high');
    expect(construction.riskReasons).toEqual([{ code: 'sector', level: 'high' }]);
    expect(construction.requirements.map((requirement) => requirement.key)).toContain('hms_cards');
    const it = await newContract(officer, { ...contractBody, title: 'IT-drift', isicSection: 'J', supplier: { name: 'Data AS', orgNumber: '999333444' } });
    expect(it.riskLevel).toBe('low');
    expect(it.requirements.map((requirement) => requirement.key)).not.toContain('hms_cards');
    const office = await newContract(officer, { ...contractBody, title: 'Kontorrekvisita', isicSection: 'G', productCategory: 'office_supplies', supplier: { name: 'Kontor AS', orgNumber: '999555666' } });
    expect(office.riskReasons).toContainEqual({ code: 'high_risk_category', level: 'high' });
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const { tenant, officer } = await tenantWithSessions();
    for (const bad of [
      { ...contractBody, endsOn: '2025-01-01' },
      { ...contractBody, isicSection: 'Z' },
      { ...contractBody, supplier: { name: 'X', orgNumber: '123' } },
      { ...contractBody, siteId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const response = await call(h, officer, 'POST', '/api/v1/procurement/contracts', bad);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect(await h.deps.db.select().from(schema.procurementContract).where(eq(schema.procurementContract.municipalityId, tenant.municipality.id))).toEqual([]);
    expect(await h.deps.db.select().from(schema.procurementSupplier).where(eq(schema.procurementSupplier.municipalityId, tenant.municipality.id))).toEqual([]);
  });

  it('lets a person set the level with a reason (encrypted, audited beside the computed one), and clear it', async () => {
    const { tenant, officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    expect((await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/risk`, { level: 'medium', reason: '' })).statusCode).toBe(400);
    const set = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/risk`, { level: 'medium', reason: 'Fast mannskap, fulgt opp i tre år' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<Contract>()).toMatchObject({ riskLevel: 'medium', computedRisk: 'high', riskOverride: { level: 'medium', reason: 'Fast mannskap, fulgt opp i tre år' } });
    const [row] = await h.deps.db.select().from(schema.procurementContract).where(eq(schema.procurementContract.id, contract.id));
    expect(row?.riskReasonEnc).not.toContain('mannskap');
    const [event] = await auditOf(tenant.municipality.id, 'procurement.risk.overridden');
    expect(event?.details).toEqual({ computed: 'high', before: null, after: 'medium', reason: true });
    const cleared = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/risk`, { level: null, reason: '' });
    expect(cleared.json<Contract>()).toMatchObject({ riskLevel: 'high', riskOverride: null });
  });

  it('raises the risk from what the municipality knows: a high-risk site and the supplier’s earlier serious findings', async () => {
    const { officer, coordinator } = await tenantWithSessions();
    const site = await call(h, coordinator, 'POST', '/api/v1/overview/sites', { name: 'Kantina', isicSection: 'J', area: '', riskLevel: 'high', riskReason: '', known: '' });
    expect(site.statusCode, site.body).toBe(201);
    const body = { ...contractBody, isicSection: 'J', supplier: { name: 'Kantine AS', orgNumber: '999777888' } };
    const first = await newContract(officer, { ...body, siteId: site.json<{ id: string }>().id });
    expect(first.riskReasons).toEqual([{ code: 'site_risk', level: 'high' }]);
    expect(first.siteName).toBe('Kantina');
    const checked = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${first.id}/checks`, { kind: 'documentation_request', plannedOn: '2026-02-01', agencies: [] })).json<Contract>();
    const checkId = checked.checks[0]?.id ?? '';
    await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${first.id}/checks/${checkId}`, { doneOn: '2026-02-10', outcome: 'findings', documentsSeen: ['payslips'], agencies: [], observations: '' });
    await call(h, officer, 'POST', `/api/v1/procurement/contracts/${first.id}/findings`, { checkId, severity: 'critical', category: 'pay', description: '', deadlineOn: null, sanction: 'none' });
    const second = await newContract(officer, { ...body, title: 'Ny kantineavtale' });
    expect(second.riskReasons).toEqual([{ code: 'earlier_findings', level: 'high' }]);
  });

  it('records subcontractors in tiers and removes a branch with everyone under it', async () => {
    const { officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const one = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/subcontractors`, { name: 'Stillas AS', orgNumber: '999000001', parentId: null })).json<Contract>();
    const parentId = one.subcontractors[0]?.id ?? null;
    const two = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/subcontractors`, { name: 'Montasje UAB', orgNumber: '', parentId })).json<Contract>();
    expect(two.subcontractors.map((sub) => [sub.name, sub.tier])).toEqual([
      ['Stillas AS', 1],
      ['Montasje UAB', 2],
    ]);
    const removed = await call(h, officer, 'DELETE', `/api/v1/procurement/contracts/${contract.id}/subcontractors/${parentId ?? ''}`);
    expect(removed.json<Contract>().subcontractors).toEqual([]);
  });

  it('lets the municipality edit its template; new contracts take the new checklist', async () => {
    const { officer } = await tenantWithSessions();
    const shipped = (await call(h, officer, 'GET', '/api/v1/procurement/template')).json<{ isDefault: boolean; items: unknown[] }>();
    expect(shipped.isDefault).toBe(true);
    const items = [{ key: 'own_rule', kind: 'seriousness', title: 'Egen regel om lærlinger', appliesTo: [] }];
    expect((await call(h, officer, 'PUT', '/api/v1/procurement/template', { items: [...items, ...items] })).statusCode).toBe(400);
    const saved = await call(h, officer, 'PUT', '/api/v1/procurement/template', { items });
    expect(saved.json<{ isDefault: boolean }>().isDefault).toBe(false);
    const contract = await newContract(officer);
    expect(contract.requirements.map((requirement) => [requirement.key, requirement.status])).toEqual([['own_rule', 'open']]);
    // Retiring the requirement (a template without it) leaves the registered contract's checklist as it was.
    const retired = await call(h, officer, 'PUT', '/api/v1/procurement/template', { items: [{ key: 'own_other', kind: 'due_diligence', title: 'Annet krav', appliesTo: ['J'] }] });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await call(h, officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`)).json<Contract>().requirements.map((requirement) => requirement.key)).toEqual(['own_rule']);
    expect((await newContract(officer)).requirements).toEqual([]);
    const empty = await call(h, officer, 'PUT', '/api/v1/procurement/template', { items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { details: Array<{ field: string }> } }>().error.details.map((detail) => detail.field)).toContain('items');
    const blank = await call(h, officer, 'PUT', '/api/v1/procurement/template', { items: [{ key: 'own_blank', kind: 'seriousness', title: '', appliesTo: [] }] });
    expect(blank.json<{ error: { details: Array<{ field: string }> } }>().error.details.map((detail) => detail.field)).toContain('items.0.title');
    const marked = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/requirements/${contract.requirements[0]?.id ?? ''}`, { status: 'met' });
    expect(marked.json<Contract>().requirements[0]?.status).toBe('met');
  });
});

describe('procurement: checks, findings and a concern', () => {
  it('refuses free text that looks like a crew list or names workers, and writes nothing', async () => {
    const { officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const planned = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'site_visit', plannedOn: '2026-05-01', agencies: ['a_krim'] })).json<Contract>();
    const checkId = planned.checks[0]?.id ?? '';
    const crewList = 'Jan Kowalski\nPiotr Nowak\nAndrzej Wiśniewski\nTomasz Wójcik';
    for (const observations of [crewList, 'Arbeider med fnr 01019912345 hadde ikke kontrakt', 'Ring formannen på 912 34 567']) {
      const response = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/checks/${checkId}`, { doneOn: '2026-05-02', outcome: 'findings', agencies: [], documentsSeen: ['crew_lists'], observations });
      expect(response.statusCode, observations).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const [row] = await h.deps.db.select().from(schema.procurementCheck).where(eq(schema.procurementCheck.id, checkId));
    expect(row).toMatchObject({ doneOn: null, observationsEnc: null, outcome: null });
  });

  it('records a check, a finding with deadline and sanction, and starts a concern in one step with the site and supplier linked and no personal data', async () => {
    const { tenant, officer, coordinator } = await tenantWithSessions();
    const site = (await call(h, coordinator, 'POST', '/api/v1/overview/sites', { name: 'Skoletomta', isicSection: 'F', area: '', riskLevel: 'medium', riskReason: '', known: '' })).json<{ id: string }>();
    const contract = await newContract(officer, { ...contractBody, siteId: site.id });
    const planned = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'site_visit', plannedOn: '2026-05-01', agencies: ['labour_inspection', 'a_krim'] })).json<Contract>();
    expect(planned).toMatchObject({ checksPlanned: 1, checksDone: 0 });
    const checkId = planned.checks[0]?.id ?? '';
    const early = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings`, { checkId, severity: 'high', category: 'trafficking_signs', description: 'x', deadlineOn: null, sanction: 'none' });
    expect(early.statusCode).toBe(409);
    const done = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/checks/${checkId}`, { doneOn: '2026-05-02', outcome: 'findings', agencies: ['labour_inspection', 'a_krim'], documentsSeen: ['hms_cards', 'crew_lists'], observations: OBSERVATION });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Contract>().checks[0]).toMatchObject({ doneOn: '2026-05-02', observations: OBSERVATION, doneBy: expect.any(String) });
    const [checkRow] = await h.deps.db.select().from(schema.procurementCheck).where(eq(schema.procurementCheck.id, checkId));
    expect(checkRow?.observationsEnc).not.toContain('Brakkerigg');
    const withFinding = (
      await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings`, {
        checkId,
        severity: 'critical',
        category: 'trafficking_signs',
        description: 'Arbeiderne bor på byggeplassen og har levert fra seg passene',
        deadlineOn: '2026-05-20',
        sanction: 'action_plan',
      })
    ).json<Contract>();
    const finding = withFinding.findings[0];
    expect(finding).toMatchObject({ severity: 'critical', sanction: 'action_plan', status: 'open', concernId: null });
    const started = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings/${finding?.id ?? ''}/concern`, { suspectedForms: ['labour'], immediateDanger: false, note: '' });
    expect(started.statusCode, started.body).toBe(200);
    const concernId = started.json<Contract>().findings[0]?.concernId;
    expect(concernId).toEqual(expect.any(String));
    const [concern] = await h.deps.db.select().from(schema.concern).where(eq(schema.concern.id, concernId ?? ''));
    expect(concern).toMatchObject({ context: 'inspection', personEnc: null, reporterContactEnc: null, possibleMinor: false, suspectedForms: ['labour'] });
    expect(concern?.facts).toMatchObject({ ageBand: 'unknown', gender: 'unknown', nationality: null, sector: 'construction', placeKind: 'workplace' });
    // The coordinator reads it, with the contract and supplier named in the note and nothing about any worker.
    const read = await call(h, coordinator, 'GET', `/api/v1/concerns/${concernId ?? ''}`);
    expect(read.statusCode, read.body).toBe(200);
    const note = await h.deps.keyring.decrypt(h.deps.db, tenant.municipality.id, 'concern.note', concern?.noteEnc ?? '');
    expect(note).toBe('Fra kontraktsoppfølging: «Rehabilitering av skole», leverandør Test Bygg AS (999111222). Funn: tegn på menneskehandel, alvorlighet kritisk.');
    expect(note).not.toContain('passene');
    const links = await h.deps.db.select().from(schema.mapSiteLink).where(eq(schema.mapSiteLink.siteId, site.id));
    expect(links.map((link) => [link.targetKind, link.targetId])).toEqual([['concern', concernId]]);
    expect((await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings/${finding?.id ?? ''}/concern`, { suspectedForms: ['labour'], immediateDanger: false, note: '' })).statusCode).toBe(409);
    const [event] = await auditOf(tenant.municipality.id, 'procurement.finding.concern_started');
    expect(event?.details).toMatchObject({ concernId, siteId: site.id });
    // Close the finding; the read of the contract is audited.
    const closed = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/findings/${finding?.id ?? ''}`, { deadlineOn: '2026-05-20', sanction: 'action_plan', close: true, closingNote: 'Handlingsplan fulgt' });
    expect(closed.json<Contract>().findings[0]).toMatchObject({ status: 'closed', closingNote: 'Handlingsplan fulgt' });
    await call(h, officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`);
    expect(await auditOf(tenant.municipality.id, 'procurement.contract.viewed')).toHaveLength(1);
  });
});

describe('procurement: a concern from a finding is one transaction', () => {
  it('writes nothing when the last write fails part-way (after the concern and the finding’s update), and everything on the next try', async () => {
    const { tenant, officer, coordinator } = await tenantWithSessions();
    const site = (await call(h, coordinator, 'POST', '/api/v1/overview/sites', { name: 'Vaskeriet', isicSection: 'N', area: '', riskLevel: 'high', riskReason: '', known: '' })).json<{ id: string }>();
    const contract = await newContract(officer, { ...contractBody, isicSection: 'N', siteId: site.id });
    const checkId = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'site_visit', plannedOn: '2026-05-01', agencies: [] })).json<Contract>().checks[0]?.id ?? '';
    await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/checks/${checkId}`, { doneOn: '2026-05-02', outcome: 'findings', agencies: [], documentsSeen: [], observations: '' });
    const findingId =
      (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings`, { checkId, severity: 'critical', category: 'trafficking_signs', description: 'Tegn på tvang', deadlineOn: null, sanction: 'none' })).json<Contract>().findings[0]?.id ?? '';
    const concernsOf = () => h.deps.db.select().from(schema.concern).where(eq(schema.concern.municipalityId, tenant.municipality.id));
    const notificationsOf = () => h.deps.db.select().from(schema.notification).where(eq(schema.notification.municipalityId, tenant.municipality.id));
    const notificationsBefore = (await notificationsOf()).length;
    const body = { suspectedForms: ['labour'], immediateDanger: false, note: '' };
    // A real database failure on the site link, the write after the concern and the finding's update.
    await h.deps.db.execute(sql`create or replace function lykt_test_refuse_site_link() returns trigger language plpgsql as $$ begin raise exception 'forced failure'; end $$`);
    await h.deps.db.execute(sql`create trigger lykt_test_refuse_site_link before insert on map_site_link for each row execute function lykt_test_refuse_site_link()`);
    try {
      const failed = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings/${findingId}/concern`, body);
      expect(failed.statusCode).toBe(500);
    } finally {
      await h.deps.db.execute(sql`drop trigger lykt_test_refuse_site_link on map_site_link`);
      await h.deps.db.execute(sql`drop function lykt_test_refuse_site_link()`);
    }
    expect(await concernsOf()).toEqual([]);
    expect((await notificationsOf()).length).toBe(notificationsBefore);
    const [findingRow] = await h.deps.db.select().from(schema.procurementFinding).where(eq(schema.procurementFinding.id, findingId));
    expect(findingRow?.concernId).toBeNull();
    expect(await h.deps.db.select().from(schema.mapSiteLink).where(eq(schema.mapSiteLink.siteId, site.id))).toEqual([]);
    for (const action of ['concern.created', 'overview.site.linked', 'procurement.finding.concern_started']) expect(await auditOf(tenant.municipality.id, action), action).toEqual([]);

    const started = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings/${findingId}/concern`, body);
    expect(started.statusCode, started.body).toBe(200);
    const concerns = await concernsOf();
    expect(concerns).toHaveLength(1);
    expect(started.json<Contract>().findings[0]?.concernId).toBe(concerns[0]?.id);
    expect((await h.deps.db.select().from(schema.mapSiteLink).where(eq(schema.mapSiteLink.siteId, site.id))).map((link) => link.targetId)).toEqual([concerns[0]?.id]);
    expect(await auditOf(tenant.municipality.id, 'concern.created')).toHaveLength(1);
  });
});

describe('procurement: plan measures follow checks', () => {
  it('links a measure of area H and sets its progress from checks done against planned', async () => {
    const { tenant, officer, coordinator } = await tenantWithSessions();
    const plan = (await call(h, coordinator, 'POST', '/api/v1/plans', { title: 'Tiltaksplan', periodStart: '2026-01-01', periodEnd: '2029-12-31', template: null })).json<{ id: string }>();
    const measureIn = async (area: string) => (await call(h, coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/measures`, { area, title: `Tiltak ${area}` })).json<{ measure: { id: string } }>().measure.id;
    const measureH = await measureIn('H');
    const measureG = await measureIn('G');
    const adopted = await call(h, coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS-sak 2/26', decisionDate: new Date().toISOString().slice(0, 10) });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const contract = await newContract(officer);
    const wrongArea = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/measures`, { measureId: measureG });
    expect(wrongArea.statusCode).toBe(400);
    const linked = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/measures`, { measureId: measureH });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<Contract>().measureIds).toEqual([measureH]);
    const progress = async () => (await h.deps.db.select().from(schema.planMeasure).where(eq(schema.planMeasure.id, measureH)))[0]?.progress;
    let current = contract;
    for (const plannedOn of ['2026-03-01', '2026-06-01']) current = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'documentation_request', plannedOn, agencies: [] })).json<Contract>();
    expect(await progress()).toBe(0);
    await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/checks/${current.checks[0]?.id ?? ''}`, { doneOn: '2026-03-05', outcome: 'no_findings', agencies: [], documentsSeen: ['payslips'], observations: '' });
    expect(await progress()).toBe(50);
    const timeline = await h.deps.db.select().from(schema.planMeasureUpdate).where(eq(schema.planMeasureUpdate.measureId, measureH));
    expect(timeline.map((entry) => [entry.authorUserId, entry.progressAfter, entry.text])).toEqual([[null, 50, 'Kontroller i koblede kontrakter: 1 av 2 planlagte er gjennomført.']]);
    // The procurement page lists area H's measures with their contracts and checks done against planned; G is not there.
    const listed = await call(h, officer, 'GET', '/api/v1/procurement/measures');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([{ id: measureH, title: 'Tiltak H', planTitle: 'Tiltaksplan', progress: 50, checksPlanned: 2, checksDone: 1, contracts: [{ id: contract.id, title: contract.title }] }]);
    const unlinked = await call(h, officer, 'DELETE', `/api/v1/procurement/contracts/${contract.id}/measures/${measureH}`);
    expect(unlinked.json<Contract>().measureIds).toEqual([]);
    expect((await call(h, officer, 'GET', '/api/v1/procurement/measures')).json<{ items: Array<{ contracts: unknown[] }> }>().items[0]?.contracts).toEqual([]);
    const viewer = await signIn(h, tenant.users.viewer);
    expect((await call(h, viewer, 'GET', '/api/v1/procurement/measures')).statusCode).toBe(403);
  });
});

describe('procurement: supplier self-declaration', () => {
  const form = (token: string, extra: Record<string, string | string[]> = {}) => {
    const params = new URLSearchParams({ t: token, signedBy: 'Daglig leder', comment: '', q_policy: 'yes', q_risk_assessment: 'partly', q_subcontractor_follow_up: 'yes', q_grievance: 'no', q_transparency_act: 'yes', sub_name_0: 'Grunn AS', sub_org_0: '999000111', sub_tier_0: '1', sub_name_1: 'Montasje UAB', sub_org_1: '', sub_tier_1: '2' });
    params.append('clause', 'pay_conditions');
    params.append('clause', 'hms_cards');
    for (const [key, value] of Object.entries(extra)) params.set(key, Array.isArray(value) ? (value[0] ?? '') : value);
    return params.toString();
  };
  const post = (lang: string, payload: string) => h.app.inject({ method: 'POST', url: `/supplier-declaration/${lang}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });

  it('serves a page without script through an unguessable link, stores only the token’s hash, and attaches the submission to the contract', async () => {
    const { tenant, officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const created = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/declarations`, { validDays: 14, language: 'en' });
    expect(created.statusCode, created.body).toBe(201);
    const { path, id } = created.json<{ path: string; id: string }>();
    const token = new URL(path, 'http://x').searchParams.get('t') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await h.deps.db.select().from(schema.procurementDeclaration).where(eq(schema.procurementDeclaration.id, id));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const page = await h.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('Rehabilitering av skole');
    expect(page.body).toContain('Do not send crew lists or payslips here.');
    const nb = await h.app.inject({ method: 'GET', url: `/supplier-declaration/nb?t=${token}` });
    expect(nb.body).toContain('Egenerklæring fra leverandør');

    const missing = await post('en', form(token, { q_grievance: '' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Answer every question.');
    const crew = await post('en', form(token, { comment: 'Ola Nordmann\nKari Nordmann\nPer Hansen\nLise Berg' }));
    expect(crew.statusCode).toBe(400);
    expect((await h.deps.db.select().from(schema.procurementSubcontractor).where(eq(schema.procurementSubcontractor.contractId, contract.id)))).toEqual([]);

    const sent = await post('en', form(token));
    expect(sent.statusCode, sent.body).toBe(201);
    const detail = (await call(h, officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`)).json<Contract>();
    expect(detail.declarations[0]).toMatchObject({ status: 'submitted', submission: { confirmedClauses: ['pay_conditions', 'hms_cards'], signedBy: 'Daglig leder', answers: { grievance: 'no' } } });
    expect(detail.subcontractors.map((sub) => [sub.name, sub.tier, sub.fromDeclaration])).toEqual([
      ['Grunn AS', 1, true],
      ['Montasje UAB', 2, true],
    ]);
    const [event] = await auditOf(tenant.municipality.id, 'procurement.declaration.submitted');
    expect(event?.actorUserId).toBeNull();
    // The link works once.
    expect((await h.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await post('en', form(token))).statusCode).toBe(404);
  });

  it('refuses a withdrawn, an expired and a made-up link alike', async () => {
    const { officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const make = async () => (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/declarations`, { validDays: 1, language: 'nb' })).json<{ path: string; id: string }>();
    const withdrawn = await make();
    expect((await call(h, officer, 'DELETE', `/api/v1/procurement/contracts/${contract.id}/declarations/${withdrawn.id}`)).statusCode).toBe(200);
    const expired = await make();
    await h.deps.db.update(schema.procurementDeclaration).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.procurementDeclaration.id, expired.id));
    for (const path of [withdrawn.path, expired.path, '/supplier-declaration/nb?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/supplier-declaration/nb']) {
      const response = await h.app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(404);
      expect(response.body).toContain('Lenken virker ikke');
    }
    const detail = (await call(h, officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`)).json<Contract>();
    expect(detail.declarations.map((declaration) => declaration.status).sort()).toEqual(['expired', 'revoked']);
  });
});

describe('procurement: figures for the report and statistics', () => {
  it('withholds small counts and refuses an open year', async () => {
    const { tenant, officer } = await tenantWithSessions();
    await newContract(officer, { ...contractBody, startsOn: '2024-01-01', endsOn: '2025-12-31' });
    const viewer = await signIn(h, tenant.users.viewer);
    const year = new Date().getUTCFullYear() - 1;
    const figures = await call(h, viewer, 'GET', `/api/v1/procurement/figures?year=${year}`);
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json<{ figures: Record<string, number | null> }>().figures.contracts).toBeNull();
    expect((await call(h, viewer, 'GET', `/api/v1/procurement/figures?year=${year + 1}`)).statusCode).toBe(409);
    const file = await call(h, viewer, 'GET', `/api/v1/procurement/figures.csv?year=${year}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('færre enn 5');
    expect((await call(h, officer, 'GET', `/api/v1/procurement/figures?year=${year}`)).statusCode).toBe(403);
  });

  it('reads the figures from the stored statistics release, so two readings around a late registration do not differ; the statistics page shows them', async () => {
    const { tenant, officer, coordinator } = await tenantWithSessions();
    const year = new Date().getUTCFullYear() - 1;
    const inYear = { ...contractBody, startsOn: `${year}-02-01`, endsOn: `${year}-11-30` };
    for (let index = 0; index < 14; index += 1) await newContract(officer, { ...inYear, title: `Renhold ${index}`, isicSection: index < 9 ? 'N' : 'J', supplier: { name: `Leverandør ${index} AS`, orgNumber: '' } });
    const viewer = await signIn(h, tenant.users.viewer);
    const read = async () => (await call(h, viewer, 'GET', `/api/v1/procurement/figures?year=${year}`)).json<{ figures: Record<string, number | null>; release: { number: number } | null; inRelease: boolean }>();
    const first = await read();
    expect(first).toMatchObject({ inRelease: true, release: { number: 1 } });
    expect(first.figures.contracts).toEqual(expect.any(Number));
    // A contract registered late for the closed year: the figures stay those of release 1.
    await newContract(officer, { ...inYear, title: 'Sen registrering', isicSection: 'N', supplier: { name: 'Sen AS', orgNumber: '' } });
    expect(await read()).toEqual(first);
    // The statistics page shows the same release, procurement included, with no exact count of a contract below k.
    const page = (await call(h, viewer, 'GET', `/api/v1/statistics?year=${year}`)).json<{ tables: Array<{ id: string; source: string; total: number | null; rows: Array<{ key: string; total: number | null }> }> }>();
    const risk = page.tables.find((table) => table.id === 'procurement.contract_risk');
    expect(risk?.source).toBe('procurement');
    expect(risk?.total).toBe(first.figures.contracts);
    // The council report's section reads the same release: the same figures, the release named, nothing live.
    const section = await buildProcurementSection(h.deps.db, { municipalityId: tenant.municipality.id, ...yearPeriod(year), lang: 'nb', suppressionThreshold: 5 });
    expect(section.hasData).toBe(true);
    const shownFigure = section.figures?.find((figure) => figure.key === 'procurement.contracts.high_risk')?.value;
    expect(shownFigure).toEqual(first.figures.highRiskContracts === null ? { kind: 'withheld' } : { kind: 'exact', value: first.figures.highRiskContracts });
    expect(JSON.stringify(section.blocks)).toContain('Fra publisert utgave 1 av statistikken');
    // The coordinator publishes a new release; its figures are perturbed again from the records' own keys.
    const published = await call(h, coordinator, 'POST', '/api/v1/statistics/releases', { year, pool: 1 });
    expect(published.statusCode, published.body).toBeLessThan(300);
    const second = await read();
    expect(second.release?.number).toBe(published.json<{ created: boolean }>().created ? 2 : 1);
    const [row] = await h.deps.db.select({ key: schema.procurementContract.statisticsKey }).from(schema.procurementContract).where(eq(schema.procurementContract.municipalityId, tenant.municipality.id)).limit(1);
    expect(row?.key).toBeGreaterThanOrEqual(0);
    expect((await call(h, officer, 'GET', '/api/v1/procurement/contracts')).body).not.toContain('statisticsKey');
  });
});

describe('a finding is overdue by the day in Norway', () => {
  it('just after midnight there (the UTC date still yesterday): a deadline today is not overdue, yesterday\'s is', async () => {
    const { officer } = await tenantWithSessions();
    const contract = await newContract(officer);
    const checkId = (await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/checks`, { kind: 'site_visit', plannedOn: '2026-05-01', agencies: ['labour_inspection'] })).json<Contract>().checks[0]?.id ?? '';
    const done = await call(h, officer, 'PUT', `/api/v1/procurement/contracts/${contract.id}/checks/${checkId}`, { doneOn: '2026-05-02', outcome: 'findings', agencies: ['labour_inspection'], documentsSeen: [], observations: '' });
    expect(done.statusCode, done.body).toBe(200);
    const { at, norwegianToday, dayPlus } = justAfterNorwegianMidnight();
    const yesterday = dayPlus(-1);
    for (const [description, deadlineOn] of [['Frist i dag', norwegianToday], ['Frist i går', yesterday]] as const) {
      const added = await call(h, officer, 'POST', `/api/v1/procurement/contracts/${contract.id}/findings`, { checkId, severity: 'high', category: 'pay', description, deadlineOn, sanction: 'action_plan' });
      expect(added.statusCode, added.body).toBe(200);
    }
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    try {
      const shown = (await call(h, officer, 'GET', `/api/v1/procurement/contracts/${contract.id}`)).json<Contract>();
      expect(Object.fromEntries(shown.findings.map((finding) => [finding.description, finding.overdue]))).toEqual({ 'Frist i dag': false, 'Frist i går': true });
    } finally {
      vi.useRealTimers();
    }
  });
});
