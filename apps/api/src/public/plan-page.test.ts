import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, schema } from '@lykt/db';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../test/harness';
import { PUBLIC_CSP } from './public.routes';

let h: TestHarness;
let tenant: Awaited<ReturnType<typeof seedTenant>>;
let coordinator: Session;

beforeAll(async () => {
  h = await createHarness();
  tenant = await seedTenant(h, { name: 'Fjordby kommune', settings: { mfaPolicy: 'off', languages: ['nb', 'en', 'pl'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  h.deps.config.publicMunicipalityId = tenant.municipality.id;
  coordinator = await signIn(h, tenant.users.coordinator);
  const municipalityId = tenant.municipality.id;
  const police = await buildOrganisation(h.deps.db, municipalityId, { name: 'Politiet', kind: 'police', isInternal: false });
  const [plan] = await h.deps.db.insert(schema.plan).values({ municipalityId, title: 'Tiltaksplan mot menneskehandel 2026–2029', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
  if (!plan) throw new Error('no plan');
  const [version] = await h.deps.db.insert(schema.planVersion).values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'PS 14/26', decisionDate: '2026-02-12', adoptedAt: new Date('2026-02-12T12:00:00Z') }).returning();
  const [draft] = await h.deps.db.insert(schema.planVersion).values({ municipalityId, planId: plan.id, number: 2, status: 'draft' }).returning();
  if (!version || !draft) throw new Error('no version');
  await h.deps.db.insert(schema.planMeasure).values([
    { municipalityId, planVersionId: version.id, lineageId: randomUUID(), area: 'D', title: 'Indikatorliste på legevakten', status: 'in_progress', progress: 40, ownerOrganisationId: police.id, responsiblePerson: 'Kari Hemmelig', description: 'Intern beskrivelse' },
    { municipalityId, planVersionId: version.id, lineageId: randomUUID(), area: 'A', title: 'Planen vedtas', status: 'done', progress: 100 },
    { municipalityId, planVersionId: draft.id, lineageId: randomUUID(), area: 'A', title: 'Utkast som ikke er vedtatt', status: 'planned', progress: 0 },
  ]);
});
afterAll(async () => {
  await h.close();
});

const get = (url: string) => h.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.7' });

describe('public plan page', () => {
  it('is off until the municipality switches it on', async () => {
    expect((await get('/nb/plan')).statusCode).toBe(404);
    expect((await get('/nb/')).body).not.toContain('href="/nb/plan"');
    const setting = await call(h, coordinator, 'GET', '/api/v1/public-plan-setting');
    expect(setting.json()).toEqual({ enabled: false, path: '/nb/plan' });
  });

  it('shows the adopted plan with progress per area, without script, persons or drafts', async () => {
    const on = await call(h, coordinator, 'PUT', '/api/v1/public-plan-setting', { enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ enabled: true, path: '/nb/plan' });
    const audit = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id)).orderBy(asc(schema.auditEvent.seq));
    expect(audit.filter((row) => row.action === 'plan.public_page.updated').map((row) => row.details)).toEqual([{ enabled: true, before: false }]);

    const page = await get('/nb/plan');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PUBLIC_CSP);
    expect(page.headers['set-cookie']).toBeUndefined();
    const body = page.body;
    expect(body).toContain('<html lang="nb"');
    expect(body).toContain('Tiltaksplan mot menneskehandel 2026–2029');
    expect(body).toContain('PS 14/26');
    expect(body).toContain('Indikatorliste på legevakten');
    expect(body).toContain('Ansvarlig: Politiet');
    expect(body).toContain('role="img"');
    expect(body).toMatch(/<th scope="row">D [^<]+<\/th><td>1<\/td><td>0<\/td><td>40 %<\/td>/);
    expect(body).not.toContain('Kari Hemmelig');
    expect(body).not.toContain('Intern beskrivelse');
    expect(body).not.toContain('Utkast som ikke er vedtatt');
    expect(body).not.toMatch(/<script(?![^>]*src="\/public-assets\/public\.js")/);
    expect(body).toContain('aria-current="page">Handlingsplanen</a>');
    expect((await get('/nb/')).body).toContain('href="/nb/plan"');

    const english = await get('/en/plan');
    expect(english.body).toContain('action plan against human trafficking');
    // A language the plan's own content does not cover: every label in Polish, the plan's titles marked as English.
    const polish = await get('/pl/plan');
    expect(polish.statusCode).toBe(200);
    expect(polish.body).toContain('<html lang="pl"');
    expect(polish.body).toContain('aria-current="page">Plan działań</a>');
    expect(polish.body).toContain('Postęp według obszarów');
    expect(polish.body).toContain('<span lang="en">Tiltaksplan mot menneskehandel 2026–2029</span>');
    // Within the public pages' budget.
    const css = await h.app.inject({ method: 'GET', url: '/public-assets/public.css', headers: { 'accept-encoding': 'gzip' } });
    const js = await h.app.inject({ method: 'GET', url: '/public-assets/public.js' });
    expect(page.rawPayload.length + css.rawPayload.length + js.rawPayload.length).toBeLessThan(50 * 1024);
  });

  it('guards the setting: sign-in, permission and input', async () => {
    expect((await call(h, null, 'GET', '/api/v1/public-plan-setting')).statusCode).toBe(401);
    const viewer = await signIn(h, tenant.users.viewer);
    const refused = await call(h, viewer, 'PUT', '/api/v1/public-plan-setting', { enabled: false });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const bad = await call(h, coordinator, 'PUT', '/api/v1/public-plan-setting', { enabled: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_ERROR');
    expect((await call(h, coordinator, 'GET', '/api/v1/public-plan-setting')).json<{ enabled: boolean }>().enabled).toBe(true);
    // Another municipality's setting is its own.
    const other = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    expect((await call(h, await signIn(h, other.users.coordinator), 'GET', '/api/v1/public-plan-setting')).json<{ enabled: boolean }>().enabled).toBe(false);
    await call(h, coordinator, 'PUT', '/api/v1/public-plan-setting', { enabled: false });
    expect((await get('/nb/plan')).statusCode).toBe(404);
  });
});
