import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { schema } from '@lykt/db';
import { buildApp } from '../apps/api/src/app';
import { registerSecurity } from '../apps/api/src/platform/http/security.plugin';
import { publicRoutes } from '../apps/api/src/public/public.routes';
import { benchDatabase, measure, printTable, seedBenchTenant, type Measurement } from './support';

export const TIP_FORM = new URLSearchParams({
  challenge: '',
  nonce: '',
  what: 'Benchmark: several workers seem to live at the building site and are never paid.',
  placeKind: 'construction',
  area: 'Sentrum',
  address: '',
  when: 'Last week',
  peopleCount: 'two_to_five',
  minor: 'unknown',
  anonymous: 'yes',
}).toString();

/**
 * The public pages: GET /nb/ and /ar/tips req/s through the full app (language, municipality
 * and settings lookup, escaping, strict headers), tip submissions per second (validation,
 * encryption of the content, keyed hash of the receipt, one insert, receipt page) with the
 * per-address limits lifted, and the weight of each page in nb, en and ar.
 */
export async function benchTips(seconds: number): Promise<void> {
  const { handle, deps } = await benchDatabase();
  const tenant = await seedBenchTenant(deps);
  deps.config.publicMunicipalityId = tenant.municipality.id;
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The same public routes with the per-address allowances lifted: every request comes from 127.0.0.1 here.
  const unlimited = Fastify({ logger: false });
  await registerSecurity(unlimited, deps);
  await unlimited.register(publicRoutes(deps, { tipsPerHour: 1e9, unsolvedTipsPerHour: 1e9, followUpsPerHour: 1e9 }));
  await unlimited.listen({ port: 0, host: '127.0.0.1' });
  try {
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const unlimitedUrl = `http://127.0.0.1:${(unlimited.server.address() as AddressInfo).port}`;
    const rows: Measurement[] = [];
    rows.push(await measure('GET /nb/ (information page)', `${appUrl}/nb/`, {}, seconds, 10));
    rows.push(await measure('GET /ar/tips (tip form, new challenge)', `${appUrl}/ar/tips`, {}, seconds, 10));
    rows.push(await measure('GET /public-assets/public.css (gzip)', `${appUrl}/public-assets/public.css`, { 'accept-encoding': 'gzip' }, seconds, 10));
    const before = await deps.db.$count(schema.tip);
    await autocannon({ url: `${unlimitedUrl}/nb/tips`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: TIP_FORM, connections: 10, duration: 1 });
    const submit = await autocannon({ url: `${unlimitedUrl}/nb/tips`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: TIP_FORM, connections: 10, duration: seconds });
    rows.push({ name: `POST /nb/tips (tip submission, ${deps.dbKind})`, requestsPerSecond: submit.requests.average, p50: submit.latency.p50, p99: submit.latency.p99, errors: submit.errors + submit.timeouts, non2xx: submit.non2xx });
    const stored = (await deps.db.$count(schema.tip)) - before;
    printTable(`Public pages and tips (${seconds} s each, 10 connections, load generator in the same process)`, rows);
    console.log(`Tips stored during the submission runs: ${stored}`);

    // Bytes as sent on the wire (compressed where the browser asks for gzip).
    const transferred = async (path: string) => {
      const response = await app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'gzip' } });
      return response.rawPayload.length;
    };
    const css = await transferred('/public-assets/public.css');
    const js = await transferred('/public-assets/public.js');
    const font = (await transferred('/public-assets/fonts/inter-latin-400-normal.woff2')) + (await transferred('/public-assets/fonts/inter-latin-600-normal.woff2'));
    console.log('\nPage weights (bytes transferred; CSS and script gzip-compressed, HTML as sent; fonts counted apart)');
    console.log('| page | HTML | + CSS | + script | total without fonts | Latin fonts (400+600) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const lang of ['nb', 'en', 'ar']) {
      for (const path of ['/', '/tips', '/tips/follow-up']) {
        const page = await transferred(`/${lang}${path}`);
        console.log(`| /${lang}${path} | ${page} | ${css} | ${js} | ${page + css + js} (${((page + css + js) / 1024).toFixed(1)} kB) | ${font} |`);
      }
    }
  } finally {
    await app.close();
    await unlimited.close();
    await handle.close();
  }
}
