import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { TEST_PASSWORD } from '@lykt/db';
import { buildApp } from '../apps/api/src/app';
import { benchDatabase, measure, printTable, seedBenchTenant } from './support';

const OWN_ARTICLES = 2_000;

/**
 * Knowledge search: GET /api/v1/knowledge/articles with and without full-text words, over the
 * shipped articles plus 2,000 of the municipality's own (bulk-inserted with their Norwegian
 * search vectors, then VACUUM ANALYZE as after any bulk load), and the training module list.
 */
export async function benchKnowledge(seconds: number): Promise<void> {
  const { handle, deps } = await benchDatabase();
  const tenant = await seedBenchTenant(deps);
  const words = ['skole', 'restaurant', 'byggeplass', 'tolk', 'barnevern', 'renhold', 'gjeld', 'pass', 'lønn', 'bolig'];
  await deps.db.execute(sql`
    insert into knowledge_article (municipality_id, slug, lang, source, kind, title, summary, body, services, forms, version, search)
    select ${tenant.municipality.id}, 'lokal-' || n, 'nb', 'municipal', 'local',
      'Lokal rutine ' || n || ' om ' || (${sql.raw(`array['${words.join("','")}']`)})[1 + n % 10],
      'Sammendrag av rutine ' || n,
      repeat('Tekst om arbeid, bolig og tegn på utnytting i kommunen. ', 40),
      '{}', '{}', 1,
      setweight(to_tsvector('norwegian', 'Lokal rutine ' || n || ' om ' || (${sql.raw(`array['${words.join("','")}']`)})[1 + n % 10]), 'A')
        || setweight(to_tsvector('norwegian', repeat('Tekst om arbeid, bolig og tegn på utnytting i kommunen. ', 40)), 'C')
    from generate_series(1, ${OWN_ARTICLES}) as n`);
  await deps.db.execute(sql`vacuum analyze knowledge_article`);
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: tenant.users.frontline.email, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const rows = [
      await measure('search "restaurant byggeplass" (ranked)', `${url}/api/v1/knowledge/articles?lang=nb&q=restaurant%20byggeplass`, { cookie }, seconds, 10),
      await measure('search "refleksjonsperiode" + service', `${url}/api/v1/knowledge/articles?lang=nb&q=refleksjonsperiode&service=health`, { cookie }, seconds, 10),
      await measure('training modules with my status', `${url}/api/v1/training/modules`, { cookie }, seconds, 10),
    ];
    printTable(`Knowledge and training (${deps.dbKind}, ${OWN_ARTICLES} own articles + the shipped ones, ${seconds} s each, 10 connections)`, rows);
  } finally {
    await app.close();
    await handle.close();
  }
}
