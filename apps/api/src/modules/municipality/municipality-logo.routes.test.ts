import { asc, eq } from 'drizzle-orm';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { LOGO_MAX_BYTES, ROLE_PERMISSIONS, ROLES } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { renderPdf } from '../../platform/documents';
import { pdfImagePlacements } from '../../platform/documents/testing';
import { documentLogo } from './municipality.service';
import { findMunicipality } from './municipality.repository';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
const png = (width: number, height: number): Buffer =>
  Buffer.from(new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#1f5d99"/></svg>`).render().asPng());
/** The smallest JPEG header that names its size: SOI, then a baseline SOF0 of 320 × 90. */
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x5a, 0x01, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);

async function settingsOf(municipalityId: string) {
  const [row] = await h.deps.db.select().from(schema.municipality).where(eq(schema.municipality.id, municipalityId));
  return row?.settings;
}

describe('the municipality logo', () => {
  it('lets the admin upload a PNG, shows its size in the settings, serves it back, puts it in documents and audits the change', async () => {
    const tenant = await seed();
    const other = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const image = png(300, 100);
    const response = await call(h, admin, 'PUT', '/api/v1/municipality/logo', { image: image.toString('base64') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().logo).toEqual({ type: 'png', width: 300, height: 100, bytes: image.length });
    expect((await call(h, admin, 'GET', '/api/v1/municipality')).json().logo).toEqual({ type: 'png', width: 300, height: 100, bytes: image.length });

    const file = await call(h, await signIn(h, tenant.users.coordinator), 'GET', '/api/v1/municipality/logo');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(image)).toBe(true);
    expect((await call(h, await signIn(h, other.users.admin), 'GET', '/api/v1/municipality/logo')).statusCode).toBe(404);

    const row = await findMunicipality(h.deps.db, tenant.municipality.id);
    const logo = row ? documentLogo(row) : undefined;
    expect(logo?.alt).toBe(tenant.municipality.name);
    const placements = await pdfImagePlacements(await renderPdf({ title: 'Rapport', lang: 'nb', logo, blocks: [] }));
    // Fitted into 150 × 42 pt keeping 3:1.
    expect(placements).toHaveLength(1);
    expect(placements[0]?.width).toBeCloseTo(126, 0);
    expect(placements[0]?.height).toBeCloseTo(42, 0);

    const events = (await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id)).orderBy(asc(schema.auditEvent.seq))).filter((event) => event.action === 'municipality.updated');
    expect(events).toMatchObject([{ actorUserId: tenant.users.admin.id, details: { fields: ['logo'], logo: { type: 'png', width: 300, height: 100 } } }]);

    const removed = await call(h, admin, 'DELETE', '/api/v1/municipality/logo');
    expect(removed.json().logo).toBeNull();
    expect(await settingsOf(tenant.municipality.id)).not.toHaveProperty('logo');
    expect((await call(h, admin, 'GET', '/api/v1/municipality/logo')).statusCode).toBe(404);
  });

  it('reads a JPEG size from its frame header', async () => {
    const tenant = await seed();
    const response = await call(h, await signIn(h, tenant.users.admin), 'PUT', '/api/v1/municipality/logo', { image: jpeg.toString('base64') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().logo).toMatchObject({ type: 'jpg', width: 320, height: 90 });
  });

  it.each([
    ['not an image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')],
    ['too many pixels', png(2100, 10).toString('base64')],
    ['more bytes than allowed', Buffer.concat([png(10, 10), Buffer.alloc(LOGO_MAX_BYTES)]).toString('base64')],
    ['not base64', 'ikke base64!'],
    ['empty', ''],
  ])('refuses %s with 400 VALIDATION_ERROR on image, nothing written', async (_case, image) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await settingsOf(tenant.municipality.id);
    const response = await call(h, admin, 'PUT', '/api/v1/municipality/logo', { image });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe('image');
    expect(await settingsOf(tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('municipality:write')))('answers 403 FORBIDDEN to a %s who tries to set or remove it', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const before = await settingsOf(tenant.municipality.id);
    expect(errorCode(await call(h, session, 'PUT', '/api/v1/municipality/logo', { image: png(10, 10).toString('base64') }))).toBe('FORBIDDEN');
    expect(errorCode(await call(h, session, 'DELETE', '/api/v1/municipality/logo'))).toBe('FORBIDDEN');
    expect(await settingsOf(tenant.municipality.id)).toEqual(before);
  });
});
