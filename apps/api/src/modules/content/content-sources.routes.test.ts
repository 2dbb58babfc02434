import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentSourceReviewSchema, ROLE_PERMISSIONS, ROLES } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { findContentSourceReview } from './content-sources.service';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/v1/content/sources', () => {
  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const response = await call(h, null, 'GET', '/api/v1/content/sources');
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('lists the sources for the administrator and the coordinator, and answers 403 to every other role', async () => {
    const tenant = await seedTenant(h);
    for (const role of ROLES) {
      const response = await call(h, await signIn(h, tenant.users[role]), 'GET', '/api/v1/content/sources');
      if (!ROLE_PERMISSIONS[role].includes('content:review')) {
        expect(response.statusCode, role).toBe(403);
        expect(errorCode(response)).toBe('FORBIDDEN');
        continue;
      }
      expect(response.statusCode, role).toBe(200);
      const review = ContentSourceReviewSchema.parse(response.json());
      expect(review.reviewIntervalMonths).toBe(12);
      expect(review.total).toBe(review.items.length);
      expect(review.sourcedClaims).toBeGreaterThan(100);
      expect(review.items.some((item) => item.label === 'straffeloven § 196' && item.file === 'knowledge/articles/the-law-in-brief.en.md')).toBe(true);
    }
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('content:review'))).toEqual(['admin', 'coordinator']);
  });

  it('puts the sources whose review day has come first', () => {
    // On the day the last-checked source falls due, every source is due.
    const lastDue = findContentSourceReview(new Date('2000-01-01T00:00:00Z'))
      .items.map((item) => item.reviewDue)
      .sort()
      .at(-1);
    const review = findContentSourceReview(new Date(`${lastDue}T08:00:00Z`));
    expect(review.due).toBe(review.total);
    const dayBefore = findContentSourceReview(new Date(new Date(`${lastDue}T08:00:00Z`).getTime() - 86_400_000));
    expect(dayBefore.due).toBeLessThan(dayBefore.total);
    const early = findContentSourceReview(new Date('2027-06-01T08:00:00Z'));
    expect(early.due).toBe(0);
    expect(early.items.map((item) => item.reviewDue)).toEqual([...early.items.map((item) => item.reviewDue)].sort());
  });
});
