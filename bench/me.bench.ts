import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { TEST_PASSWORD } from '@lykt/db';
import { buildApp } from '../apps/api/src/app';
import { benchDatabase, measure, printTable, seedBenchTenant } from './support';

/**
 * GET /api/v1/me with a signed-in session (session lookup, idle check, two queries, zod
 * serialisation, security headers) against a bare Fastify route on the same machine.
 */
export async function benchMe(seconds: number): Promise<void> {
  const { handle, deps } = await benchDatabase();
  const tenant = await seedBenchTenant(deps);
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${appUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl },
      body: JSON.stringify({ email: tenant.users.viewer.email, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`;
    const baseline = await measure('bare Fastify route', bareUrl, {}, seconds, 10);
    const me = await measure(`GET /api/v1/me (${deps.dbKind})`, `${appUrl}/api/v1/me`, { cookie }, seconds, 10);
    printTable(`GET /api/v1/me vs a bare route (${seconds} s each, 10 connections, load generator in the same process)`, [baseline, me], baseline);
  } finally {
    await app.close();
    await bare.close();
    await handle.close();
  }
}
