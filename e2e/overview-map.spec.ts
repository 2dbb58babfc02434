import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { E2E_BASE_URL } from './playwright.config';
import { StatisticsPages } from './pages/statistics';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

// The tile source is one setting for the demo municipality: these tests run in order and end with none set.
test.describe.configure({ mode: 'serial' });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A plain 256 × 256 PNG tile, made here: the tests never reach the internet. */
function tilePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, 0xd8)]);
  const pixels = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** Tiles "served" on the app's own host under a path the app does not have, answered by the test. */
const LOCAL_TILES = `${E2E_BASE_URL}/e2e-tiles/{z}/{x}/{y}.png`;
/** A tile source with no tiles (the server has no such path: 404). */
const DEAD_TILES = `${E2E_BASE_URL}/no-tiles-here/{z}/{x}/{y}.png`;

async function setTileSource(page: Page, url: string | null) {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/settings');
  const section = page.getByRole('region', { name: 'Bakgrunnskart' });
  if (url === null) {
    await section.getByRole('button', { name: 'Fjern kartkilden' }).click();
    await expect(section.getByText('Kartkilden er fjernet.')).toBeVisible();
    return;
  }
  await section.getByRole('textbox', { name: 'Adressemal for kartfliser' }).fill(url);
  await section.getByRole('textbox', { name: 'Kildehenvisning (vises på kartet)' }).fill('© Testfliser');
  await section.getByRole('spinbutton', { name: 'Høyeste zoomnivå (1–22)' }).fill('16');
  await section.getByRole('button', { name: 'Lagre kartkilde' }).click();
  await expect(section.getByText('Kartkilden er lagret.')).toBeVisible();
}

test('without a tile source the page shows the table alone, and MapLibre is never loaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await signInByApi(page, demoEmail('coordinator'));
  await new StatisticsPages(page).openOverview();
  const section = page.getByRole('region', { name: 'Kart og posisjoner' });
  await expect(section.getByTestId('map-fallback')).toContainText('Ingen bakgrunnskart er satt opp');
  await expect(section.getByRole('table', { name: 'Steder og tjenester med posisjon' }).getByRole('rowheader', { name: 'Demo Sushi og Grill (fiktiv)' })).toBeVisible();
  await expect(section.getByTestId('situation-map')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(scripts.filter((url) => /map-canvas|maplibre/.test(url))).toEqual([]);
});

test('the administrator refuses a tile address that is not https; sets one; the coordinator sees the map with keyboard-reachable markers', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/settings');
  const settings = page.getByRole('region', { name: 'Bakgrunnskart' });
  await settings.getByRole('textbox', { name: 'Adressemal for kartfliser' }).fill('http://kart.example.no/{z}/{x}/{y}.png');
  await settings.getByRole('textbox', { name: 'Kildehenvisning (vises på kartet)' }).fill('© Test');
  await settings.getByRole('button', { name: 'Lagre kartkilde' }).click();
  await expect(settings.getByText(/Adressen må begynne med https:\/\//)).toBeVisible();
  await expectNoAxeViolations(page);
  await setTileSource(page, LOCAL_TILES);

  let tilesServed = 0;
  await page.route('**/e2e-tiles/**', async (route) => {
    tilesServed += 1;
    await route.fulfill({ status: 200, contentType: 'image/png', body: tilePng() });
  });
  await signInByApi(page, demoEmail('coordinator'));
  await new StatisticsPages(page).openOverview();

  // A service with a position, typed in by hand (a decimal comma is read as a point).
  const services = page.getByRole('region', { name: 'Tjenester og kapasitet' });
  const add = services.locator('details').filter({ has: page.getByText('Legg til tjeneste') });
  await add.getByText('Legg til tjeneste').click();
  await add.getByRole('combobox', { name: 'Type tjeneste' }).selectOption({ label: 'Helse' });
  await add.getByRole('textbox', { name: 'Navn', exact: true }).fill('Fiktiv helsestasjon');
  await add.getByRole('textbox', { name: /Breddegrad/ }).fill('59,9139');
  await add.getByRole('textbox', { name: /Lengdegrad/ }).fill('10.7522');
  await add.getByRole('button', { name: 'Lagre' }).click();

  const section = page.getByRole('region', { name: 'Kart og posisjoner' });
  const table = section.getByRole('table', { name: 'Steder og tjenester med posisjon' });
  await expect(table.getByRole('row', { name: /Fiktiv helsestasjon/ })).toContainText('59,91390');
  const map = section.getByTestId('situation-map');
  await expect(map).toHaveAttribute('data-map-loaded', 'true');
  expect(tilesServed).toBeGreaterThan(0);
  await expect(section.getByTestId('map-fallback')).toHaveCount(0);
  await expect(map.getByText('© Testfliser')).toBeVisible();

  // The marker is a named button in the tab order; Enter opens its details.
  const marker = map.getByRole('button', { name: 'Fiktiv helsestasjon (tjeneste: Helse)' });
  await marker.focus();
  await expect(marker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(map.getByText('Fiktiv helsestasjon (tjeneste: Helse)', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The map can be hidden; the table stays.
  await section.getByRole('button', { name: 'Skjul kartet' }).click();
  await expect(map).toHaveCount(0);
  await expect(table).toBeVisible();
});

test('a tile source that does not answer (404, or the connection refused) falls back to the table with a message', async ({ page }) => {
  await setTileSource(page, DEAD_TILES);
  await signInByApi(page, demoEmail('coordinator'));
  await new StatisticsPages(page).openOverview();
  const section = page.getByRole('region', { name: 'Kart og posisjoner' });
  // The map gives up at the latest 8 s after it started without a tile.
  await expect(section.getByTestId('map-fallback')).toContainText('Kartet kunne ikke vises', { timeout: 30_000 });
  await expect(section.getByRole('table', { name: 'Steder og tjenester med posisjon' }).getByRole('rowheader', { name: 'Demo Sushi og Grill (fiktiv)' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A tile server that refuses the connection, the same.
  await page.route('**/no-tiles-here/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Kart og posisjoner' }).getByTestId('map-fallback')).toContainText('Kartet kunne ikke vises', { timeout: 30_000 });
  await setTileSource(page, null);
});
