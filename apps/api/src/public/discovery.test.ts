import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, seedTenant, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
  const tenant = await seedTenant(h, { name: 'Fjordby kommune', settings: { mfaPolicy: 'off', languages: ['nb', 'en', 'ar'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  h.deps.config.publicMunicipalityId = tenant.municipality.id;
});
afterAll(async () => {
  await h.close();
});

const get = (url: string) => h.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.7' });
const robotsMeta = (body: string) => /<meta name="robots" content="([^"]+)">/.exec(body)?.[1];
const description = (body: string) => /<meta name="description" content="([^"]+)">/.exec(body)?.[1];

describe('search engines find the information pages, never the tip pages', () => {
  it('robots.txt keeps crawlers out of the staff app and the API and names the sitemap', async () => {
    const response = await get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('Disallow: /app/');
    expect(response.body).toContain('Disallow: /api/');
    expect(response.body).toContain('Sitemap: http://localhost:80/sitemap.xml');
  });

  it('the sitemap lists the information pages in each offered language, and no tip page', async () => {
    const response = await get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const locations = [...response.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toEqual(['http://localhost:80/nb/', 'http://localhost:80/en/', 'http://localhost:80/ar/', 'http://localhost:80/nb/safety', 'http://localhost:80/en/safety', 'http://localhost:80/ar/safety']);
    expect(response.body).not.toContain('/tips');
    expect(response.body).toContain('hreflang="ar"');
  });

  it('information pages may be indexed and carry a description in their language; the tip form and follow-up are noindex', async () => {
    const nb = await get('/nb/');
    expect(robotsMeta(nb.body)).toBe('index, follow');
    expect(description(nb.body)).toContain('Fjordby kommune');
    const en = await get('/en/');
    expect(description(en.body)).toContain('Fjordby kommune');
    expect(description(en.body)).not.toBe(description(nb.body));
    const ar = await get('/ar/');
    expect(description(ar.body)).not.toBe(description(en.body));
    for (const path of ['/nb/tips', '/nb/tips/follow-up', '/en/tips', '/ar/tips/follow-up']) {
      const page = await get(path);
      expect(page.statusCode, path).toBe(200);
      expect(robotsMeta(page.body), path).toBe('noindex, nofollow');
      expect(description(page.body), path).toBeUndefined();
    }
  });

  it('serves the favicon from this host', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.body).toContain('<svg');
    const legacy = await get('/favicon.ico');
    expect(legacy.statusCode).toBe(301);
    expect(legacy.headers.location).toBe('/favicon.svg');
    expect((await get('/nb/')).body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  });
});
