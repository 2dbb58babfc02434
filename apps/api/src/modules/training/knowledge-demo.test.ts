import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, seedDemo } from '@lykt/db';
import type { ArticleList, Coverage, PlanLink } from '@lykt/shared';
import { call, createHarness, signIn, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
const PASSWORD = 'demo-lantern-harbour-quietly-7';
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the knowledge and training demo data', () => {
  it('seeds a teacher, staff and completions over a year across organisations, an own article and a plan target', async () => {
    const domain = `demo-${Date.now()}.test.lykt.invalid`;
    const result = await seedDemo(h.deps.db, seedCapabilities(h.deps.keyring), PASSWORD, { emailDomain: domain, onlyIfEmpty: false });
    const municipalityId = result?.municipalityId ?? '';
    expect(result?.users).toContainEqual({ role: 'frontline', email: `teacher@${domain}` });
    const completions = await h.deps.db.select().from(schema.trainingCompletion).where(eq(schema.trainingCompletion.municipalityId, municipalityId));
    expect(completions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(completions.map((row) => row.organisationId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(completions.map((row) => row.moduleKey))).toEqual(new Set(['basics', 'children-services', 'adult-services']));
    const times = completions.map((row) => row.completedAt.getTime());
    expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(300);

    const coordinator = await signIn(h, { email: `coordinator@${domain}`, password: PASSWORD });
    const coverage = (await call(h, coordinator, 'GET', '/api/v1/training/coverage?moduleKey=basics')).json<Coverage>();
    expect(coverage.total.staff).toBeGreaterThanOrEqual(30);
    expect(coverage.total.share).toBeGreaterThan(20);
    expect(new Set(coverage.overTime.map((point) => point.trained)).size).toBeGreaterThan(3);
    expect(coverage.due.length).toBeGreaterThan(0);
    const links = (await call(h, coordinator, 'GET', '/api/v1/training/plan-links')).json<{ items: PlanLink[] }>();
    expect(links.items).toHaveLength(1);
    expect(links.items[0]).toMatchObject({ moduleKey: 'basics', targetShare: 80, measureTitle: expect.stringContaining('opplæring') as unknown });

    const teacher = await signIn(h, { email: `teacher@${domain}`, password: PASSWORD });
    const found = (await call(h, teacher, 'GET', '/api/v1/knowledge/articles?q=tolketjeneste')).json<ArticleList>();
    expect(found.items.map((item) => item.slug)).toContain('tolk-pa-telefon');
  });
});
