import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCatalogue } from '@lykt/content/indicators';
import { schema, seedDemo } from '@lykt/db';
import { scoreScreening, ScreeningProfileSchema } from '@lykt/shared';
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

describe('the identification demo data', () => {
  it('seeds a configured pathway and a few dozen screenings and concerns over a year, in several contexts', async () => {
    // Beside other tests' data (a shared PostgreSQL), with a domain of its own: e-mails are unique.
    const domain = `demo-${Date.now()}.test.lykt.invalid`;
    const result = await seedDemo(h.deps.db, seedCapabilities(h.deps.keyring), PASSWORD, { emailDomain: domain, onlyIfEmpty: false });
    expect(result).not.toBeNull();
    const municipalityId = result?.municipalityId ?? '';
    const screenings = await h.deps.db.select().from(schema.screening).where(eq(schema.screening.municipalityId, municipalityId));
    const concerns = await h.deps.db.select().from(schema.concern).where(eq(schema.concern.municipalityId, municipalityId));
    expect(screenings.length).toBeGreaterThanOrEqual(30);
    expect(concerns.length).toBeGreaterThanOrEqual(12);
    expect(new Set(screenings.map((row) => row.context)).size).toBeGreaterThanOrEqual(5);
    const times = screenings.map((row) => row.createdAt.getTime());
    expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(300);
    expect(new Set(concerns.map((row) => row.status))).toEqual(new Set(['new', 'in_progress', 'closed']));
    expect(concerns.every((row) => row.personEnc === null && row.noteEnc === null)).toBe(true);
    // Every stored profile is what the shared scoring code gives for the stored answers.
    const catalogue = currentCatalogue();
    for (const row of screenings) {
      const answers = Object.fromEntries(row.answers.map((entry) => [entry.indicatorId, entry.answer as 'yes' | 'no' | 'unknown']));
      expect(ScreeningProfileSchema.parse(row.profile)).toEqual(scoreScreening(catalogue, answers, row.possibleMinor));
    }

    const nurse = await signIn(h, { email: `frontline@${domain}`, password: PASSWORD });
    const pathway = (await call(h, nurse, 'GET', '/api/v1/pathway')).json();
    expect(pathway.isDefault).toBe(false);
    expect(pathway.contacts['minor-notify-child-welfare']).toMatchObject({ name: 'Barneverntjenesten i Eksempel', people: [{ name: 'Berit Eksempel' }] });
    expect(pathway.contacts['adult-wants-help-shelter'].phone).toBe('+47 22 33 11 60');
    expect(pathway.contacts['adult-labour-inspection'].name).toContain('A-krim');
    const mine = (await call(h, nurse, 'GET', '/api/v1/concerns?limit=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((item: { mine: boolean }) => item.mine)).toBe(true);
  });
});
