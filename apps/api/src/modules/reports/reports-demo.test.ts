import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, seedDemo } from '@lykt/db';
import { call, createHarness, signIn, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { yearPeriod } from './period';

let h: TestHarness;
const PASSWORD = 'demo-lantern-harbour-quietly-7';
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Detail = { version: { status: string }; narrative: { summary: string }; document: { blocks: Array<{ type: string; text?: string; rows?: string[][] }> } };

describe('the council report demo data', () => {
  it('gives the demo coordinator a draft report for this year built from the demo plan, meetings and figures', async () => {
    const domain = `demo-reports-${Date.now()}.test.lykt.invalid`;
    const result = await seedDemo(h.deps.db, seedCapabilities(h.deps.keyring), PASSWORD, { emailDomain: domain, onlyIfEmpty: false });
    const coordinator = result?.users.find((user) => user.role === 'coordinator');
    if (!coordinator) throw new Error('no demo coordinator');
    const session = await signIn(h, { email: coordinator.email, password: PASSWORD });
    const list = (await call(h, session, 'GET', '/api/v1/reports')).json<{ items: Array<{ id: string; year: number; draftVersion: number | null }> }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ year: new Date().getFullYear(), draftVersion: 1 });
    const detail = (await call(h, session, 'GET', `/api/v1/reports/${list.items[0]?.id ?? ''}/versions/1`)).json<Detail>();
    expect(detail.version.status).toBe('draft');
    expect(detail.narrative.summary).toContain('fiktiv');
    const text = JSON.stringify(detail.document.blocks);
    expect(text).toContain('Hvordan avdekker vi?');
    // The demo's meetings lie 250 and 60 days back: early in a year none is in this year's report yet, and the section says so.
    const { from, to } = yearPeriod(list.items[0]?.year ?? 0);
    const m = schema.coopMeeting;
    const meetingsThisYear = await h.deps.db.select({ id: m.id }).from(m).where(and(eq(m.municipalityId, result?.municipalityId ?? ''), gte(m.startsAt, from), lt(m.startsAt, to)));
    expect(text).toContain(meetingsThisYear.length > 0 ? 'Samarbeidsgruppen hadde' : 'Samarbeidsgruppen har ikke hatt møter i perioden.');
    // A saksframlegg with the demo's (fictional) case header, the key figures and the map and maturity chapters.
    expect(text).toContain(`${new Date().getFullYear()}/1234`);
    expect(text).toContain('Kommunedirektørens innstilling');
    expect(text).toContain('Nøkkeltall');
    expect(text).toContain('Situasjonskartet');
    expect(text).toContain('Modenhet over tid');
    expect(detail.document.blocks.filter((block) => block.type === 'chart').length).toBeGreaterThanOrEqual(2);
    expect((await call(h, session, 'GET', '/api/v1/public-plan-setting')).json()).toMatchObject({ enabled: true });
  });
});
