import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { KNOWLEDGE_SERVICES, ROLE_PERMISSIONS, ROLES, ROUTING_SITUATIONS, type Article, type ArticleList } from '@lykt/shared';
import { inspectPdf } from '../../platform/documents/testing';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function dbState(municipalityId: string) {
  const [articles, versions, audit] = await Promise.all([
    h.deps.db.select().from(schema.knowledgeArticle).where(eq(schema.knowledgeArticle.municipalityId, municipalityId)).orderBy(asc(schema.knowledgeArticle.id)),
    h.deps.db.select().from(schema.knowledgeArticleVersion).where(eq(schema.knowledgeArticleVersion.municipalityId, municipalityId)).orderBy(asc(schema.knowledgeArticleVersion.id)),
    h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { articles, versions, audit: audit.filter((event) => event.action.startsWith('knowledge.')) };
}

const ownArticle = { slug: 'var-rutine-for-tolk', lang: 'nb', title: 'Slik bestiller du tolk', summary: 'Kommunens avtale om tolk på telefon.', body: '## Tolk\n\nRing tolketjenesten på **22 00 00 00**.', services: ['health'], forms: [], baseVersion: null };
const override = (baseVersion: number | null) => ({
  lang: 'nb',
  title: 'Tegn på menneskehandel – skolene i Eksempel kommune',
  summary: 'Lokal versjon for våre skoler.',
  body: '## Tegn\n\n- Eleven sover i timene og snakker om nattarbeid på fiskemottaket.\n\n[Rutinen](kb:own-routine)',
  services: ['school'],
  forms: ['labour'],
  baseVersion,
});

describe('the knowledge base', () => {
  it('answers 401 without a session on every endpoint, and writes nothing', async () => {
    const tenant = await seed();
    const endpoints = [
      ['GET', '/api/v1/knowledge/articles'],
      ['GET', '/api/v1/knowledge/articles/signs-school'],
      ['POST', '/api/v1/knowledge/articles'],
      ['PUT', '/api/v1/knowledge/articles/signs-school'],
      ['DELETE', '/api/v1/knowledge/articles/signs-school'],
      ['GET', '/api/v1/knowledge/articles/signs-school/versions'],
      ['GET', '/api/v1/knowledge/posters/school'],
    ] as const;
    for (const [method, url] of endpoints) {
      const response = await call(h, null, method, url, method === 'POST' ? ownArticle : method === 'PUT' ? override(1) : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect((await dbState(tenant.municipality.id)).articles).toEqual([]);
  });

  it.each(ROLES)('gives a %s exactly the access its role grants', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const list = await call(h, session, 'GET', '/api/v1/knowledge/articles');
    expect(list.statusCode).toBe(ROLE_PERMISSIONS[role].includes('knowledge:read') ? 200 : 403);
    if (!ROLE_PERMISSIONS[role].includes('knowledge:write')) {
      await expectEachForbidden(h, session, [
        { method: 'POST', url: '/api/v1/knowledge/articles', body: ownArticle },
        { method: 'PUT', url: '/api/v1/knowledge/articles/signs-school', body: override(1) },
        { method: 'DELETE', url: '/api/v1/knowledge/articles/signs-school' },
        { method: 'GET', url: '/api/v1/knowledge/articles/signs-school/versions' },
      ]);
      expect((await dbState(tenant.municipality.id)).articles).toEqual([]);
    }
  });

  it('lists every shipped article with the generated routine first, in both languages', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    for (const lang of ['nb', 'en'] as const) {
      const list = (await call(h, session, 'GET', `/api/v1/knowledge/articles?lang=${lang}`)).json<ArticleList>();
      expect(list.items[0]).toMatchObject({ slug: 'own-routine', source: 'generated', kind: 'routine', lang });
      expect(list.items.map((item) => item.slug)).toEqual(expect.arrayContaining(['what-is-trafficking', 'signs-school', 'signs-day-care', 'signs-library', 'the-law-in-brief', 'rights-and-services']));
      expect(list.items).toHaveLength(13);
    }
  });

  it('searches with relevance ranking in Norwegian and English (stemmed) and filters by service and form', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const nb = (await call(h, session, 'GET', `/api/v1/knowledge/articles?lang=nb&q=${encodeURIComponent('refleksjonsperiode')}`)).json<ArticleList>();
    expect(nb.items[0]?.slug).toBe('the-law-in-brief');
    expect(nb.items.every((item) => (item.rank ?? 0) > 0)).toBe(true);
    expect(nb.items.map((item) => item.rank)).toEqual([...nb.items.map((item) => item.rank)].sort((a, b) => (b ?? 0) - (a ?? 0)));
    const en = (await call(h, session, 'GET', `/api/v1/knowledge/articles?lang=en&q=${encodeURIComponent('reflection periods')}`)).json<ArticleList>();
    expect(en.items[0]?.slug).toBe('the-law-in-brief');
    const stemmed = (await call(h, session, 'GET', `/api/v1/knowledge/articles?lang=nb&q=byggeplass`)).json<ArticleList>();
    expect(stemmed.items.map((item) => item.slug)).toContain('what-is-trafficking');
    const library = (await call(h, session, 'GET', '/api/v1/knowledge/articles?lang=nb&service=library')).json<ArticleList>();
    expect(library.items.map((item) => item.slug)).toContain('signs-library');
    expect(library.items.map((item) => item.slug)).not.toContain('signs-school');
    const organs = (await call(h, session, 'GET', '/api/v1/knowledge/articles?lang=en&form=organ_removal')).json<ArticleList>();
    expect(organs.items.map((item) => item.slug)).toContain('signs-health');
    expect(organs.items.map((item) => item.slug)).not.toContain('signs-school');
    expect(organs.items.map((item) => item.slug)).not.toContain('own-routine');
    for (const q of ['og', '"&|!(:*', 'zzzyyxx']) {
      const odd = await call(h, session, 'GET', `/api/v1/knowledge/articles?q=${encodeURIComponent(q)}`);
      expect(odd.statusCode, q).toBe(200);
      expect(odd.json<ArticleList>().items, q).toEqual([]);
    }
    const routine = (await call(h, session, 'GET', `/api/v1/knowledge/articles?q=${encodeURIComponent('kommunens rutine')}`)).json<ArticleList>();
    expect(routine.items.map((item) => item.slug)).toContain('own-routine');
    const bad = await call(h, session, 'GET', '/api/v1/knowledge/articles?service=spaceport');
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_ERROR');
  });

  it('filters by kind and sorts by title or by the last change, with the filters combined; refuses an unknown sort or kind', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const frontline = await signIn(h, tenant.users.frontline);
    const list = async (query: string) => {
      const response = await call(h, frontline, 'GET', `/api/v1/knowledge/articles?${query}`);
      expect(response.statusCode, query).toBe(200);
      return response.json<ArticleList>().items;
    };
    const signs = await list('lang=nb&kind=signs');
    expect(signs.length).toBeGreaterThan(1);
    expect(signs.every((item) => item.kind === 'signs')).toBe(true);
    expect((await list('lang=nb&kind=signs&service=library')).map((item) => item.slug)).toEqual(['signs-library']);
    expect((await list('lang=nb&kind=routine')).map((item) => item.slug)).toEqual(['own-routine']);

    const titles = (await list('lang=nb&sort=title')).map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'nb')));
    expect((await list('lang=nb&sort=-title')).map((item) => item.title)).toEqual([...titles].reverse());
    const searched = await list(`lang=nb&q=${encodeURIComponent('tegn')}&sort=title`);
    expect(searched.length).toBeGreaterThan(1);
    expect(searched.map((item) => item.title)).toEqual(searched.map((item) => item.title).sort((a, b) => a.localeCompare(b, 'nb')));

    const created = await call(h, coordinator, 'POST', '/api/v1/knowledge/articles', ownArticle);
    expect(created.statusCode, created.body).toBe(201);
    for (const sort of ['updated', '-updated']) {
      const items = await list(`lang=nb&sort=${sort}`);
      expect(items[0], sort).toMatchObject({ slug: ownArticle.slug, kind: 'local', updatedAt: expect.any(String) });
      expect(items.slice(1).every((item) => item.updatedAt === null), sort).toBe(true);
    }
    expect((await list('lang=nb&kind=local')).map((item) => item.slug)).toEqual([ownArticle.slug]);

    for (const query of ['sort=newest', 'sort=title;drop', 'kind=rumours', 'sort=']) {
      const bad = await call(h, frontline, 'GET', `/api/v1/knowledge/articles?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(errorCode(bad), query).toBe('VALIDATION_ERROR');
    }
  });

  it('builds the own routine from the routing card and pathway at read time', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const frontline = await signIn(h, tenant.users.frontline);
    const before = (await call(h, frontline, 'GET', '/api/v1/knowledge/articles/own-routine')).json<Article>();
    expect(before.body).toContain('Kommunen har ikke fylt ut oppslagskortet');
    expect(before.body).toContain('nasjonale standardrutinen');
    const card = await call(h, coordinator, 'PUT', '/api/v1/cooperation/routing-card', {
      entries: [{ situation: 'minor', contact: 'Barnevernvakta', organisationId: null, phone: '+47 41 00 00 01', whatToTell: 'Alder, hvor barnet er nå' }],
    });
    expect(card.statusCode, card.body).toBe(200);
    const after = (await call(h, frontline, 'GET', '/api/v1/knowledge/articles/own-routine?lang=en')).json<Article>();
    expect(after).toMatchObject({ source: 'generated', can: { edit: false, revert: false } });
    expect(after.body).toContain('It concerns a child (under 18)');
    expect(after.body).toContain('+47 41 00 00 01');
    expect(after.body).toContain('Notify child welfare');
    const viewer = (await call(h, await signIn(h, tenant.users.viewer), 'GET', '/api/v1/knowledge/articles/own-routine')).json<Article>();
    expect(viewer.body).not.toContain('+47 41 00 00 01');
    const put = await call(h, coordinator, 'PUT', '/api/v1/knowledge/articles/own-routine', override(1));
    expect(put.statusCode).toBe(409);
  });

  it('lets the coordinator override a shipped text: versioned, audited, searchable, revertable', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const frontline = await signIn(h, tenant.users.frontline);
    const created = await call(h, coordinator, 'PUT', '/api/v1/knowledge/articles/signs-school', override(1));
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ source: 'override', version: 1, contentVersion: 1, contentUpdated: false, can: { edit: true, revert: true } });
    const read = (await call(h, frontline, 'GET', '/api/v1/knowledge/articles/signs-school')).json<Article>();
    expect(read).toMatchObject({ source: 'override', title: override(1).title, can: { edit: false, revert: false } });
    const found = (await call(h, frontline, 'GET', '/api/v1/knowledge/articles?q=fiskemottaket')).json<ArticleList>();
    expect(found.items.map((item) => [item.slug, item.source])).toEqual([['signs-school', 'override']]);
    const all = (await call(h, frontline, 'GET', '/api/v1/knowledge/articles')).json<ArticleList>();
    expect(all.items.filter((item) => item.slug === 'signs-school')).toHaveLength(1);
    const second = await call(h, coordinator, 'PUT', '/api/v1/knowledge/articles/signs-school', { ...override(1), title: 'Andre versjon', baseVersion: 1 });
    expect(second.json()).toMatchObject({ version: 2, title: 'Andre versjon' });
    const stale = await call(h, coordinator, 'PUT', '/api/v1/knowledge/articles/signs-school', override(1));
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('CONFLICT');
    const reverted = await call(h, coordinator, 'DELETE', '/api/v1/knowledge/articles/signs-school?lang=nb');
    expect(reverted.statusCode).toBe(200);
    expect((await call(h, frontline, 'GET', '/api/v1/knowledge/articles/signs-school')).json()).toMatchObject({ source: 'content', version: 1 });
    const versions = (await call(h, coordinator, 'GET', '/api/v1/knowledge/articles/signs-school/versions?lang=nb')).json<{ items: Array<{ version: number; change: string; changedBy: string }> }>();
    expect(versions.items.map((item) => [item.version, item.change])).toEqual([
      [3, 'reverted'],
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(versions.items[0]?.changedBy).toBe(tenant.users.coordinator.name);
    const state = await dbState(tenant.municipality.id);
    expect(state.audit.map((event) => [event.action, event.details])).toEqual([
      ['knowledge.article.updated', { slug: 'signs-school', lang: 'nb', version: 1, source: 'override' }],
      ['knowledge.article.updated', { slug: 'signs-school', lang: 'nb', version: 2, source: 'override' }],
      ['knowledge.article.reverted', { slug: 'signs-school', lang: 'nb', version: 3, source: 'override' }],
    ]);
  });

  it("adds the municipality's own article; refuses bad input, taken addresses and duplicates without writing", async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    for (const body of [{ ...ownArticle, slug: 'Bad Slug' }, { ...ownArticle, title: '' }, { ...ownArticle, services: ['spaceport'] }, { ...ownArticle, lang: 'sv' }]) {
      const response = await call(h, coordinator, 'POST', '/api/v1/knowledge/articles', body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const taken = await call(h, coordinator, 'POST', '/api/v1/knowledge/articles', { ...ownArticle, slug: 'signs-school' });
    expect(taken.statusCode).toBe(400);
    expect((await dbState(tenant.municipality.id)).articles).toEqual([]);
    const created = await call(h, coordinator, 'POST', '/api/v1/knowledge/articles', ownArticle);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: ownArticle.slug, source: 'municipal', kind: 'local', version: 1 });
    expect((await call(h, coordinator, 'POST', '/api/v1/knowledge/articles', ownArticle)).statusCode).toBe(409);
    const found = (await call(h, await signIn(h, tenant.users.frontline), 'GET', '/api/v1/knowledge/articles?q=tolketjenesten&service=health')).json<ArticleList>();
    expect(found.items.map((item) => item.slug)).toEqual([ownArticle.slug]);
    const state = await dbState(tenant.municipality.id);
    expect(state.versions).toHaveLength(1);
    expect(state.audit.map((event) => event.action)).toEqual(['knowledge.article.created']);
  });

  it("never shows or changes another municipality's articles", async () => {
    const a = await seed();
    const b = await seed();
    const coordinatorA = await signIn(h, a.users.coordinator);
    await call(h, coordinatorA, 'POST', '/api/v1/knowledge/articles', ownArticle);
    await call(h, coordinatorA, 'PUT', '/api/v1/knowledge/articles/signs-school', override(1));
    const coordinatorB = await signIn(h, b.users.coordinator);
    expect((await call(h, coordinatorB, 'GET', `/api/v1/knowledge/articles/${ownArticle.slug}`)).statusCode).toBe(404);
    expect((await call(h, coordinatorB, 'GET', '/api/v1/knowledge/articles/signs-school')).json()).toMatchObject({ source: 'content' });
    expect((await call(h, coordinatorB, 'PUT', `/api/v1/knowledge/articles/${ownArticle.slug}`, { ...override(1), baseVersion: 1 })).statusCode).toBe(404);
    expect((await call(h, coordinatorB, 'DELETE', `/api/v1/knowledge/articles/${ownArticle.slug}?lang=nb`)).statusCode).toBe(404);
    expect((await call(h, coordinatorB, 'GET', `/api/v1/knowledge/articles/${ownArticle.slug}/versions?lang=nb`)).statusCode).toBe(404);
    const list = (await call(h, coordinatorB, 'GET', '/api/v1/knowledge/articles?q=tolketjenesten')).json<ArticleList>();
    expect(list.items).toEqual([]);
    expect((await dbState(b.municipality.id)).articles).toEqual([]);
  });

  it('prints the staff-room poster per service as a tagged PDF with the signs and the routing card', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    await call(h, coordinator, 'PUT', '/api/v1/cooperation/routing-card', {
      entries: [{ situation: 'immediate_danger', contact: 'Politiet', organisationId: null, phone: '112', whatToTell: 'Hvor du er' }],
    });
    const response = await call(h, await signIn(h, tenant.users.frontline), 'GET', '/api/v1/knowledge/posters/library?lang=nb');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await inspectPdf(response.rawPayload);
    expect(pdf.pages).toBe(1);
    expect(pdf.lang).toBe('nb');
    expect(pdf.marked).toBe(true);
    expect(pdf.text).toContain('Bibliotek');
    expect(pdf.text).toContain('publikums-PC');
    expect(pdf.text).toContain('Politiet');
    expect(pdf.text).toContain('116 111');
    expect((await call(h, coordinator, 'GET', '/api/v1/knowledge/posters/spaceport')).statusCode).toBe(400);
  });

  it('fits every service\'s poster on one page with a full routing card', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const entries = ROUTING_SITUATIONS.map((situation) => ({ situation, contact: 'Vakthavende i Eksempel kommune', organisationId: null, phone: '+47 99 00 00 00', whatToTell: 'Hvem du er, hvor personen er nå og hva du har sett' }));
    expect((await call(h, coordinator, 'PUT', '/api/v1/cooperation/routing-card', { entries })).statusCode).toBe(200);
    // Every service in bokmål; the longest list (health) in English too, whose texts run longer.
    const posters = [...KNOWLEDGE_SERVICES.map((service) => [service, 'nb'] as const), ['health', 'en'] as const];
    for (const [service, lang] of posters) {
      const response = await call(h, coordinator, 'GET', `/api/v1/knowledge/posters/${service}?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      const pdf = await inspectPdf(response.rawPayload);
      expect(pdf.pages, `${service} ${lang}`).toBe(1);
      expect(pdf.text).toContain('+47 99 00 00 00');
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every knowledge and training endpoint with a summary', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document: { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> } = response.json();
    const expected: [string, string][] = [
      ['/api/v1/knowledge/articles', 'get'],
      ['/api/v1/knowledge/articles', 'post'],
      ['/api/v1/knowledge/articles/{slug}', 'get'],
      ['/api/v1/knowledge/articles/{slug}', 'put'],
      ['/api/v1/knowledge/articles/{slug}', 'delete'],
      ['/api/v1/knowledge/articles/{slug}/versions', 'get'],
      ['/api/v1/knowledge/posters/{service}', 'get'],
      ['/api/v1/training/modules', 'get'],
      ['/api/v1/training/modules/{key}', 'get'],
      ['/api/v1/training/modules/{key}/attempts', 'post'],
      ['/api/v1/training/attempts/{id}/submit', 'post'],
      ['/api/v1/training/completions', 'get'],
      ['/api/v1/training/completions/{id}/certificate', 'get'],
      ['/api/v1/training/coverage', 'get'],
      ['/api/v1/training/settings', 'get'],
      ['/api/v1/training/settings/{key}', 'put'],
      ['/api/v1/training/plan-links', 'get'],
      ['/api/v1/training/plan-links', 'post'],
      ['/api/v1/training/plan-links/{id}', 'delete'],
      ['/api/v1/training/plan-links/{id}/apply', 'post'],
    ];
    for (const [path, method] of expected) {
      const operation = document.paths[path]?.[method];
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
    }
  });
});
