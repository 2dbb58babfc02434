import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import type { LocalMap, Maturity, RiskGroup, Site } from '@lykt/shared';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const SECRET = 'Arbeidere sover i kjelleren, Fiktivgata 3';

async function tenantWithSessions() {
  const tenant = await seedTenant(h, {
    settings: {
      mfaPolicy: 'off',
      languages: ['nb', 'en'],
      defaultLanguage: 'nb',
      suppressionThreshold: 5,
    },
  });
  return {
    tenant,
    coordinator: await signIn(h, tenant.users.coordinator),
    partner: await signIn(h, tenant.users.partner),
    viewer: await signIn(h, tenant.users.viewer),
    frontline: await signIn(h, tenant.users.frontline),
  };
}

let t: Awaited<ReturnType<typeof tenantWithSessions>>;
beforeAll(async () => {
  t = await tenantWithSessions();
});

const siteBody = {
  name: 'Havnekroa',
  isicSection: 'I',
  area: 'Havna',
  riskLevel: 'high',
  riskReason: 'Mange timer, lav lønn',
  known: SECRET,
};
const auditOf = async (municipalityId: string, action: string) =>
  h.deps.db
    .select()
    .from(schema.auditEvent)
    .where(and(eq(schema.auditEvent.municipalityId, municipalityId), eq(schema.auditEvent.action, action)));

async function newSite(session: Session = t.coordinator): Promise<Site> {
  const response = await call(h, session, 'POST', '/api/v1/overview/sites', siteBody);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Site>();
}

describe('overview: access', () => {
  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/overview/map'],
      ['POST', '/api/v1/overview/sites'],
      ['GET', '/api/v1/overview/maturity'],
    ] as const) {
      const response = await call(h, null, method, url, method === 'POST' ? siteBody : undefined);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('lets only the coordinator change the map; frontline and viewer cannot read it', async () => {
    const site = await newSite();
    const writes = [
      {
        method: 'POST' as const,
        url: '/api/v1/overview/sites',
        body: siteBody,
      },
      {
        method: 'PUT' as const,
        url: `/api/v1/overview/sites/${site.id}`,
        body: siteBody,
      },
      { method: 'DELETE' as const, url: `/api/v1/overview/sites/${site.id}` },
      {
        method: 'POST' as const,
        url: '/api/v1/overview/risk-groups',
        body: { kind: 'labour_migrants', title: 'Bærplukkere' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/overview/services',
        body: { kind: 'shelter', name: 'Krisesenteret' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/overview/patterns',
        body: { kind: 'recruitment', title: 'Annonser' },
      },
      {
        method: 'PUT' as const,
        url: '/api/v1/overview/maturity',
        body: {
          year: 2026,
          ratings: [{ areaCode: 'A', level: 'first_steps' }],
        },
      },
      {
        method: 'PUT' as const,
        url: '/api/v1/overview/settings',
        body: { partnersMayRead: true },
      },
    ];
    for (const session of [t.partner, t.viewer, t.frontline]) await expectEachForbidden(h, session, writes);
    for (const session of [t.viewer, t.frontline])
      await expectEachForbidden(h, session, [
        { method: 'GET', url: '/api/v1/overview/map' },
        { method: 'GET', url: `/api/v1/overview/sites/${site.id}` },
      ]);
  });

  it('lets partners read the map only when the coordinator has allowed it', async () => {
    const site = await newSite();
    await expectEachForbidden(h, t.partner, [
      { method: 'GET', url: '/api/v1/overview/map' },
      { method: 'GET', url: `/api/v1/overview/sites/${site.id}` },
    ]);
    const allow = await call(h, t.coordinator, 'PUT', '/api/v1/overview/settings', { partnersMayRead: true });
    expect(allow.statusCode).toBe(200);
    const map = await call(h, t.partner, 'GET', '/api/v1/overview/map');
    expect(map.statusCode).toBe(200);
    expect(map.json<LocalMap>().canWrite).toBe(false);
    expect((await auditOf(t.tenant.municipality.id, 'overview.settings.updated')).length).toBe(1);
    await call(h, t.coordinator, 'PUT', '/api/v1/overview/settings', {
      partnersMayRead: false,
    });
  });

  it("answers 404 for another municipality's site", async () => {
    const site = await newSite();
    const other = await tenantWithSessions();
    for (const [method, url, body] of [
      ['GET', `/api/v1/overview/sites/${site.id}`, undefined],
      ['PUT', `/api/v1/overview/sites/${site.id}`, siteBody],
      ['POST', `/api/v1/overview/sites/${site.id}/inspections`, { inspectedOn: '2026-01-05', agencies: ['police'] }],
      ['DELETE', `/api/v1/overview/sites/${site.id}`, undefined],
    ] as const) {
      const response = await call(h, other.coordinator, method, url, body);
      expect(response.statusCode, url).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect((await call(h, other.coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>().sites).toEqual([]);
  });
});

describe('overview: input', () => {
  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await h.deps.db.select().from(schema.mapSite).where(eq(schema.mapSite.municipalityId, t.tenant.municipality.id));
    const cases: Array<[string, string, unknown]> = [
      ['/api/v1/overview/sites', 'POST', { ...siteBody, isicSection: 'Z' }],
      ['/api/v1/overview/sites', 'POST', { ...siteBody, name: '' }],
      ['/api/v1/overview/sites', 'POST', { ...siteBody, riskLevel: 'extreme' }],
      ['/api/v1/overview/sites', 'POST', { ...siteBody, extra: 1 }],
      ['/api/v1/overview/risk-groups', 'POST', { kind: 'labour_migrants', title: 'X', sizeLow: 50, sizeHigh: 10 }],
      ['/api/v1/overview/maturity', 'PUT', { year: 2026, ratings: [{ areaCode: 'A', level: 'great' }] }],
      [
        '/api/v1/overview/maturity',
        'PUT',
        {
          year: 2026,
          ratings: [
            { areaCode: 'A', level: 'first_steps' },
            { areaCode: 'A', level: 'mature_practice' },
          ],
        },
      ],
      ['/api/v1/overview/services', 'POST', { kind: 'shelter', name: 'X', capacity: -1 }],
    ];
    for (const [url, method, body] of cases) {
      const response = await call(h, t.coordinator, method as 'POST' | 'PUT', url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const site = await newSite();
    const future = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections`, { inspectedOn: '2999-01-01', agencies: ['police'] });
    expect(future.statusCode).toBe(400);
    const unknownOrg = await call(h, t.coordinator, 'POST', '/api/v1/overview/services', {
      kind: 'shelter',
      name: 'X',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOrg.statusCode).toBe(400);
    const after = await h.deps.db.select().from(schema.mapSite).where(eq(schema.mapSite.municipalityId, t.tenant.municipality.id));
    expect(after.length).toBe(before.length + 1);
  });
});

describe('overview: the map', () => {
  it('keeps risk groups, sites with inspections, services and patterns, with who added them; free text encrypted', async () => {
    const group = await call(h, t.coordinator, 'POST', '/api/v1/overview/risk-groups', {
      kind: 'labour_migrants',
      title: 'Sesongarbeidere i landbruket',
      sizeLow: 80,
      sizeHigh: 120,
      sizeSource: 'NAV og bondelaget',
      notes: SECRET,
    });
    expect(group.statusCode).toBe(201);
    expect(group.json<RiskGroup>().createdBy).toBe(t.tenant.users.coordinator.name);
    const site = await newSite();
    const inspected = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections`, {
      inspectedOn: '2026-01-05',
      agencies: ['police', 'labour_inspection'],
      findings: 'Tolv arbeidere uten kontrakt',
      followUp: 'Ny kontroll i mars',
    });
    expect(inspected.statusCode, inspected.body).toBe(201);
    expect(inspected.json<Site>().inspectionList[0]?.findings).toBe('Tolv arbeidere uten kontrakt');
    const serviceResponse = await call(h, t.coordinator, 'POST', '/api/v1/overview/services', {
      kind: 'shelter',
      name: 'Krisesenteret',
      organisationId: t.tenant.organisation.id,
      capacity: 4,
      capacityUnit: 'plasser',
    });
    expect(serviceResponse.statusCode, serviceResponse.body).toBe(201);
    expect(
      (
        await call(h, t.coordinator, 'POST', '/api/v1/overview/patterns', {
          kind: 'recruitment',
          title: 'Jobbannonser på sosiale medier',
          description: SECRET,
        })
      ).statusCode,
    ).toBe(201);

    const map = (await call(h, t.coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>();
    expect(map.canWrite).toBe(true);
    expect(map.riskGroups.some((g) => g.sizeHigh === 120)).toBe(true);
    expect(map.sites.find((s) => s.id === site.id)?.lastInspectedOn).toBe('2026-01-05');
    expect(map.services.find((s) => s.name === 'Krisesenteret')?.organisationName).toBe(t.tenant.organisation.name);
    // The map list never carries a site's free text; the site read does, and is audited.
    expect(JSON.stringify(map.sites)).not.toContain('Fiktivgata');
    const reads = (await auditOf(t.tenant.municipality.id, 'overview.site.viewed')).length;
    const full = (await call(h, t.coordinator, 'GET', `/api/v1/overview/sites/${site.id}`)).json<Site>();
    expect(full.known).toBe(SECRET);
    expect((await auditOf(t.tenant.municipality.id, 'overview.site.viewed')).length).toBe(reads + 1);

    const raw = JSON.stringify([
      await h.deps.db.select().from(schema.mapSite).where(eq(schema.mapSite.municipalityId, t.tenant.municipality.id)),
      await h.deps.db.select().from(schema.mapRiskGroup).where(eq(schema.mapRiskGroup.municipalityId, t.tenant.municipality.id)),
      await h.deps.db.select().from(schema.mapPattern).where(eq(schema.mapPattern.municipalityId, t.tenant.municipality.id)),
      await h.deps.db.select().from(schema.mapInspection).where(eq(schema.mapInspection.municipalityId, t.tenant.municipality.id)),
      await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, t.tenant.municipality.id)),
    ]);
    expect(raw).not.toContain('Fiktivgata');
    expect(raw).not.toContain('Tolv arbeidere');
    expect(h.logs.join('')).not.toContain('Fiktivgata');
    expect((await auditOf(t.tenant.municipality.id, 'overview.inspection.created')).length).toBe(1);
  });

  it('archives entries so they leave the map', async () => {
    const site = await newSite();
    const response = await call(h, t.coordinator, 'DELETE', `/api/v1/overview/sites/${site.id}`);
    expect(response.statusCode).toBe(200);
    expect((await call(h, t.coordinator, 'GET', `/api/v1/overview/sites/${site.id}`)).statusCode).toBe(404);
    expect((await auditOf(t.tenant.municipality.id, 'overview.site.archived')).length).toBeGreaterThanOrEqual(1);
  });

  it('changes and archives risk groups, services and patterns, audited, and answers 404 to another municipality', async () => {
    const other = await tenantWithSessions();
    const entries = [
      { path: 'risk-groups', list: 'riskGroups', noun: 'risk_group', create: { kind: 'homeless', title: 'Gruppe A' }, change: { kind: 'other', title: 'Gruppe B', sizeLow: 2, sizeHigh: 4 } },
      { path: 'services', list: 'services', noun: 'service', create: { kind: 'shelter', name: 'Tjeneste A' }, change: { kind: 'ngo', name: 'Tjeneste B', capacity: 3, capacityUnit: 'plasser' } },
      { path: 'patterns', list: 'patterns', noun: 'pattern', create: { kind: 'online', title: 'Mønster A' }, change: { kind: 'housing', title: 'Mønster B', description: 'Noe kjent' } },
    ] as const;
    for (const entry of entries) {
      const created = await call(h, t.coordinator, 'POST', `/api/v1/overview/${entry.path}`, entry.create);
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      expect((await call(h, other.coordinator, 'PUT', `/api/v1/overview/${entry.path}/${id}`, entry.change)).statusCode).toBe(404);
      expect((await call(h, other.coordinator, 'DELETE', `/api/v1/overview/${entry.path}/${id}`)).statusCode).toBe(404);
      const changed = await call(h, t.coordinator, 'PUT', `/api/v1/overview/${entry.path}/${id}`, entry.change);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<Record<string, unknown>>()).toMatchObject({ ...entry.change, id });
      expect(changed.json<{ updatedBy: string | null }>().updatedBy).not.toBeNull();
      const updates = await auditOf(t.tenant.municipality.id, `overview.${entry.noun}.updated`);
      expect(updates.filter((event) => event.entityId === id)).toHaveLength(1);
      expect((await call(h, t.coordinator, 'DELETE', `/api/v1/overview/${entry.path}/${id}`)).json()).toEqual({ archived: true });
      const archives = await auditOf(t.tenant.municipality.id, `overview.${entry.noun}.archived`);
      expect(archives.filter((event) => event.entityId === id)).toHaveLength(1);
      const map = (await call(h, t.coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>();
      expect(map[entry.list].map((row) => row.id)).not.toContain(id);
      expect((await call(h, t.coordinator, 'PUT', `/api/v1/overview/${entry.path}/${id}`, entry.change)).statusCode).toBe(404);
    }
  });

  it('links a site to a concern and a tip of the same municipality only', async () => {
    const site = await newSite();
    const concern = await call(h, t.frontline, 'POST', '/api/v1/concerns', {
      screeningId: null,
      context: 'health',
      suspectedForms: ['labour'],
      facts: {
        ageBand: '25_39',
        possibleMinor: false,
        gender: 'male',
        nationality: null,
        sector: 'restaurant',
        placeKind: 'workplace',
        immediateDanger: false,
        wantsHelp: 'yes',
      },
      note: null,
      reporterContact: null,
      person: null,
    });
    expect(concern.statusCode, concern.body).toBe(201);
    const concernId = concern.json<{ id: string }>().id;
    const linked = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/links`, { targetKind: 'concern', targetId: concernId });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<Site>().linkList).toHaveLength(1);
    const again = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/links`, { targetKind: 'concern', targetId: concernId });
    expect(again.json<Site>().linkList).toHaveLength(1);
    const other = await tenantWithSessions();
    const foreign = await call(h, other.coordinator, 'POST', '/api/v1/overview/sites', siteBody);
    const cross = await call(h, other.coordinator, 'POST', `/api/v1/overview/sites/${foreign.json<Site>().id}/links`, { targetKind: 'concern', targetId: concernId });
    expect(cross.statusCode).toBe(404);
    const missingTip = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/links`, { targetKind: 'tip', targetId: '00000000-0000-4000-8000-000000000000' });
    expect(missingTip.statusCode).toBe(404);
  });

  it('starts a concern from an inspection finding, once', async () => {
    const site = await newSite();
    const inspected = (await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections`, { inspectedOn: '2026-02-01', agencies: ['labour_inspection'] })).json<Site>();
    const inspectionId = inspected.inspectionList[0]?.id ?? '';
    const body = {
      screeningId: null,
      context: 'inspection',
      suspectedForms: ['labour'],
      facts: {
        ageBand: '25_39',
        possibleMinor: false,
        gender: 'male',
        nationality: 'LT',
        sector: 'restaurant',
        placeKind: 'workplace',
        immediateDanger: false,
        wantsHelp: 'unknown',
      },
      note: 'Funn ved kontroll',
      reporterContact: null,
      person: null,
    };
    const started = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections/${inspectionId}/concern`, body);
    expect(started.statusCode, started.body).toBe(201);
    const result = started.json<Site>();
    const concernId = result.inspectionList[0]?.concernId;
    expect(concernId).toBeTruthy();
    expect(result.linkList.map((link) => link.targetId)).toContain(concernId);
    const twice = await call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections/${inspectionId}/concern`, body);
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('CONFLICT');
  });
});

describe('overview: maturity', () => {
  it('records a yearly self-assessment per plan area and keeps years apart for comparison', async () => {
    const first = await call(h, t.coordinator, 'PUT', '/api/v1/overview/maturity', {
      year: 2025,
      ratings: [
        { areaCode: 'A', level: 'first_steps' },
        {
          areaCode: 'B',
          level: 'early_progress',
          note: 'Kartlegging startet',
        },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    await call(h, t.coordinator, 'PUT', '/api/v1/overview/maturity', {
      year: 2026,
      ratings: [{ areaCode: 'A', level: 'substantial_progress' }],
    });
    // Revising a year replaces that area's level.
    await call(h, t.coordinator, 'PUT', '/api/v1/overview/maturity', {
      year: 2026,
      ratings: [{ areaCode: 'A', level: 'mature_practice' }],
    });
    const maturity = (await call(h, t.coordinator, 'GET', '/api/v1/overview/maturity')).json<Maturity>();
    expect(maturity.years.map((year) => year.year)).toEqual([2026, 2025]);
    expect(maturity.years[0]?.ratings).toHaveLength(1);
    expect(maturity.years[0]?.ratings[0]?.level).toBe('mature_practice');
    expect(maturity.years[1]?.ratings.find((rating) => rating.areaCode === 'B')?.note).toBe('Kartlegging startet');
    expect((await auditOf(t.tenant.municipality.id, 'overview.maturity.rated')).length).toBe(3);
  });
});

describe('the day of an inspection is a day in Norway', () => {
  it('accepts today in Norway just after midnight there, when the UTC date is still yesterday, and refuses tomorrow', async () => {
    const site = await newSite();
    const { at, norwegianToday, norwegianTomorrow } = justAfterNorwegianMidnight();
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    try {
      const inspect = (inspectedOn: string) => call(h, t.coordinator, 'POST', `/api/v1/overview/sites/${site.id}/inspections`, { inspectedOn, agencies: ['police'] });
      const today = await inspect(norwegianToday);
      expect(today.statusCode, today.body).toBe(201);
      expect(today.json<Site>().inspectionList.map((inspection) => inspection.inspectedOn)).toEqual([norwegianToday]);
      const tomorrow = await inspect(norwegianTomorrow);
      expect(tomorrow.statusCode).toBe(400);
      expect(errorCode(tomorrow)).toBe('VALIDATION_ERROR');
    } finally {
      vi.useRealTimers();
    }
  });
});
