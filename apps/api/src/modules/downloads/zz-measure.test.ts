import { it } from 'vitest';
import { seedDemo } from '@lykt/db';
import { call, createHarness, signIn } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
it('measure', async () => {
  const h = await createHarness();
  const PASSWORD = 'demo-lantern-harbour-quietly-7';
  const result = await seedDemo(h.deps.db, seedCapabilities(h.deps.keyring), PASSWORD, { emailDomain: `m-${Date.now()}.test.lykt.invalid`, onlyIfEmpty: false });
  const coordinator = result?.users.find((user) => user.role === 'coordinator');
  if (!coordinator) throw new Error('x');
  const session = await signIn(h, { email: coordinator.email, password: PASSWORD });
  const list = (await call(h, session, 'GET', '/api/v1/reports')).json<{ items: Array<{ id: string }> }>();
  const id = list.items[0]?.id ?? '';
  const year = new Date().getFullYear() - 1;
  for (const [label, url] of [
    ['report pdf', `/api/v1/reports/${id}/versions/1/export/pdf`],
    ['report docx', `/api/v1/reports/${id}/versions/1/export/docx`],
    ['report pdf', `/api/v1/reports/${id}/versions/1/export/pdf`],
    ['report docx', `/api/v1/reports/${id}/versions/1/export/docx`],
    ['statistics xlsx all', `/api/v1/statistics/export?year=${year}&format=xlsx&lang=nb`],
    ['statistics csv all', `/api/v1/statistics/export?year=${year}&format=csv&lang=nb`],
    ['statistics xlsx all', `/api/v1/statistics/export?year=${year}&format=xlsx&lang=nb`],
    ['kom xlsx', `/api/v1/statistics/kom?year=${year}&format=xlsx&lang=nb`],
    ['htcds csv', `/api/v1/statistics/htcds?year=${year}&format=csv`],
    ['audit page', `/api/v1/audit?limit=50`],
  ] as const) {
    const t0 = performance.now();
    const r = await call(h, session, 'GET', url);
    console.log('MEASURE', label, r.statusCode, Math.round(performance.now() - t0), 'ms', r.rawPayload.length, 'bytes');
  }
  await h.close();
}, 300000);
