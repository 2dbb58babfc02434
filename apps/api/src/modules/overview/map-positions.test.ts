import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalMap, Service, Site } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';

let h: TestHarness;
let admin: Session;
let coordinator: Session;
let partner: Session;
let viewer: Session;
let frontline: Session;
let caseworker: Session;
beforeAll(async () => {
  h = await createHarness();
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  admin = await signIn(h, tenant.users.admin);
  coordinator = await signIn(h, tenant.users.coordinator);
  partner = await signIn(h, tenant.users.partner);
  viewer = await signIn(h, tenant.users.viewer);
  frontline = await signIn(h, tenant.users.frontline);
  caseworker = await signIn(h, tenant.users.caseworker);
});
afterAll(async () => {
  await h.close();
});

const TILES = { url: 'https://tiles.example.no/topo/{z}/{x}/{y}.png', attribution: '© Eksempel', maxZoom: 17 };
const site = { name: 'Bryggekafeen', isicSection: 'I', riskLevel: 'medium', latitude: 59.9139, longitude: 10.7522 };

const cspOf = async (path: string) => String((await h.app.inject({ method: 'GET', url: path })).headers['content-security-policy'] ?? '');
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name)
    ?.slice(1) ?? [];

describe('map: tile source setting', () => {
  it('refuses templates that are not https, lack a placeholder, carry others or credentials, and bad zooms, with a field error and nothing stored', async () => {
    const bad = [
      { ...TILES, url: 'http://tiles.example.no/{z}/{x}/{y}.png' },
      { ...TILES, url: 'ftp://tiles.example.no/{z}/{x}/{y}.png' },
      { ...TILES, url: 'https://tiles.example.no/{z}/{x}.png' },
      { ...TILES, url: 'https://tiles.example.no/{z}/{x}/{y}/{y}.png' },
      { ...TILES, url: 'https://tiles.example.no/{z}/{x}/{y}.png?key={apikey}' },
      { ...TILES, url: 'https://user:pw@tiles.example.no/{z}/{x}/{y}.png' },
      { ...TILES, url: 'javascript:alert(1)//{z}/{x}/{y}' },
      { ...TILES, maxZoom: 0 },
      { ...TILES, maxZoom: 23 },
      { ...TILES, maxZoom: 12.5 },
      { ...TILES, attribution: '' },
      { url: TILES.url, attribution: TILES.attribution },
    ];
    for (const tileSource of bad) {
      const response = await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource });
      expect(response.statusCode, JSON.stringify(tileSource)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const stored = await call(h, admin, 'GET', '/api/v1/overview/tile-source');
    expect(stored.json()).toEqual({ tileSource: null });
  });

  it('lets only the administrator set it; the coordinator sees it on the map', async () => {
    for (const session of [coordinator, partner, viewer, frontline, caseworker]) {
      const response = await call(h, session, 'PUT', '/api/v1/overview/tile-source', { tileSource: TILES });
      expect(response.statusCode).toBe(403);
    }
    const set = await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource: TILES });
    expect(set.statusCode, set.body).toBe(200);
    expect((await call(h, admin, 'GET', '/api/v1/overview/tile-source')).json()).toEqual({ tileSource: TILES });
    expect((await call(h, coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>().tileSource).toEqual(TILES);
    // A tile server on this machine (loopback) may use plain http, e.g. in tests.
    const local = { ...TILES, url: 'http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png' };
    expect((await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource: local })).statusCode).toBe(200);
    expect((await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource: TILES })).statusCode).toBe(200);
  });

  it("puts the tile origin, and nothing more, into the staff app's Content-Security-Policy; never into the public pages'", async () => {
    expect((await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource: TILES })).statusCode).toBe(200);
    const staff = await cspOf('/app/overview');
    expect(directive(staff, 'img-src')).toEqual(["'self'", 'data:', 'https://tiles.example.no']);
    expect(directive(staff, 'connect-src')).toEqual(["'self'", 'https://tiles.example.no']);
    expect(directive(staff, 'script-src')).toEqual(["'self'"]);
    expect(directive(staff, 'default-src')).toEqual(["'self'"]);
    const publicPage = await cspOf('/nb/');
    expect(publicPage).not.toContain('tiles.example.no');
    expect(await cspOf('/api/health')).not.toContain('tiles.example.no');

    expect((await call(h, admin, 'PUT', '/api/v1/overview/tile-source', { tileSource: null })).statusCode).toBe(200);
    const removed = await cspOf('/app/overview');
    expect(removed).not.toContain('tiles.example.no');
    expect(directive(removed, 'connect-src')).toEqual(["'self'"]);
    expect((await call(h, coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>().tileSource).toBeNull();
  });
});

describe('map: positions', () => {
  it('stores a position for sites and services, and refuses out-of-range or half positions', async () => {
    const created = await call(h, coordinator, 'POST', '/api/v1/overview/sites', site);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Site>()).toMatchObject({ latitude: 59.9139, longitude: 10.7522 });
    const service = await call(h, coordinator, 'POST', '/api/v1/overview/services', { kind: 'health', name: 'Helsestasjonen', latitude: 59.91, longitude: 10.75 });
    expect(service.statusCode, service.body).toBe(201);
    expect(service.json<Service>()).toMatchObject({ latitude: 59.91, longitude: 10.75 });
    const noPosition = await call(h, coordinator, 'POST', '/api/v1/overview/sites', { ...site, name: 'Uten posisjon', latitude: null, longitude: null });
    expect(noPosition.json<Site>()).toMatchObject({ latitude: null, longitude: null });

    for (const body of [
      { ...site, latitude: 90.5 },
      { ...site, latitude: -91 },
      { ...site, longitude: 180.01 },
      { ...site, longitude: -181 },
      { ...site, latitude: null },
      { ...site, longitude: null },
      { ...site, latitude: '59.9' },
    ]) {
      const response = await call(h, coordinator, 'POST', '/api/v1/overview/sites', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const badService = await call(h, coordinator, 'POST', '/api/v1/overview/services', { kind: 'health', name: 'X', latitude: 100, longitude: 10 });
    expect(badService.statusCode).toBe(400);

    const id = created.json<Site>().id;
    const moved = await call(h, coordinator, 'PUT', `/api/v1/overview/sites/${id}`, { ...site, latitude: 60.39, longitude: 5.32 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Site>()).toMatchObject({ latitude: 60.39, longitude: 5.32 });
  });

  it('never sends a position to a role that may not read the map (partners only when the coordinator opened the map to them)', async () => {
    expect((await call(h, coordinator, 'PUT', '/api/v1/overview/settings', { partnersMayRead: false })).statusCode).toBe(200);
    const map = (await call(h, coordinator, 'GET', '/api/v1/overview/map')).json<LocalMap>();
    const positioned = map.sites.find((entry) => entry.name === site.name);
    expect(positioned?.latitude).toBeTypeOf('number');
    const siteId = positioned?.id ?? '';

    for (const session of [partner, viewer, frontline, caseworker, admin]) {
      for (const url of ['/api/v1/overview/map', `/api/v1/overview/sites/${siteId}`]) {
        const response = await call(h, session, 'GET', url);
        expect(response.statusCode, url).toBe(403);
        expect(response.body).not.toContain('latitude');
        expect(response.body).not.toContain('59.9');
        expect(response.body).not.toContain('10.75');
      }
    }
    // The home work queue, which every role opens, carries no positions either.
    for (const session of [partner, viewer, frontline, caseworker, admin, coordinator]) {
      const queue = await call(h, session, 'GET', '/api/v1/me/queue');
      expect(queue.body).not.toContain('latitude');
    }

    expect((await call(h, coordinator, 'PUT', '/api/v1/overview/settings', { partnersMayRead: true })).statusCode).toBe(200);
    const partnerMap = await call(h, partner, 'GET', '/api/v1/overview/map');
    expect(partnerMap.statusCode).toBe(200);
    expect(partnerMap.json<LocalMap>().sites.find((entry) => entry.id === siteId)?.latitude).toBe(60.39);
    expect((await call(h, coordinator, 'PUT', '/api/v1/overview/settings', { partnersMayRead: false })).statusCode).toBe(200);
    expect((await call(h, partner, 'GET', '/api/v1/overview/map')).statusCode).toBe(403);
  });
});
