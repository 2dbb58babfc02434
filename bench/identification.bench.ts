import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { currentCatalogue, DEFAULT_PATHWAY_NO } from '@lykt/content/indicators';
import { buildTenant, TEST_PASSWORD } from '@lykt/db';
import { evaluatePathway, scoreScreening, type Answer } from '@lykt/shared';
import { buildApp } from '../apps/api/src/app';
import { screeningBody } from '../apps/api/src/modules/screening/screening.fixtures';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { benchDatabase, measure, printTable } from './support';

/** Scoring plus pathway evaluation as the browser runs it on every answer, and the identification reads under load. */
export async function benchIdentification(seconds: number): Promise<void> {
  const catalogue = currentCatalogue();
  const answers: Record<string, Answer> = Object.fromEntries(catalogue.indicators.map((indicator, index) => [indicator.id, index % 3 === 0 ? 'yes' : index % 3 === 1 ? 'no' : 'unknown']));
  const facts = { immediateDanger: false, wantsHelp: 'yes' as const };
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) evaluatePathway(DEFAULT_PATHWAY_NO.rules, { facts, profile: scoreScreening(catalogue, answers, i % 2 === 0) });
  const perCall = (performance.now() - started) / rounds;
  console.log(`\nScore ${catalogue.indicators.length} answers and evaluate ${DEFAULT_PATHWAY_NO.rules.length} pathway rules: ${(perCall * 1000).toFixed(1)} µs per call (${Math.round(1000 / perCall)} per second)`);

  const { handle, deps } = await benchDatabase();
  // MFA off so the coordinator's session is active without a TOTP step.
  const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring), {
    settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 },
  });
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = async (email: string) => {
      const login = await fetch(`${appUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: appUrl },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
      return cookie;
    };
    const nurse = await signIn(tenant.users.frontline.email);
    const coordinator = await signIn(tenant.users.coordinator.email);
    const post = (path: string, body: unknown) =>
      fetch(`${appUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: appUrl, cookie: nurse }, body: JSON.stringify(body) });
    const seedStarted = performance.now();
    for (let i = 0; i < 200; i += 1) {
      const screening = (await (await post('/screenings', screeningBody())).json()) as { id: string };
      if (i % 2 === 0) await post('/concerns', { screeningId: screening.id, person: { name: `Bench ${i}` } });
    }
    console.log(`Saved 200 screenings and 100 concerns (encrypted details) through the API in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const pathway = await measure(`GET /api/v1/pathway (${deps.dbKind})`, `${appUrl}/api/v1/pathway`, { cookie: nurse }, seconds, 10);
    const inbox = await measure(`GET /api/v1/concerns?limit=50 (${deps.dbKind})`, `${appUrl}/api/v1/concerns?limit=50`, { cookie: coordinator }, seconds, 10);
    const mine = await measure(`GET /api/v1/screenings (${deps.dbKind})`, `${appUrl}/api/v1/screenings`, { cookie: nurse }, seconds, 10);
    printTable(`Identification reads (${seconds} s each, 10 connections, load generator in the same process)`, [pathway, inbox, mine]);
  } finally {
    await app.close();
    await handle.close();
  }
}
