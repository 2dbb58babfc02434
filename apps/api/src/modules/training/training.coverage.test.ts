import { describe, expect, it } from 'vitest';
import { computeCoverage } from './training.coverage';

const person = (userId: string, organisationId: string, kind = 'school') => ({ userId, name: `Person ${userId}`, organisationId, organisationName: `Org ${organisationId}`, organisationKind: kind });

describe('coverage', () => {
  it('counts valid completions per organisation, kind and month, and lists who is due', () => {
    const staff = [person('u1', 'o1'), person('u2', 'o1'), person('u3', 'o2', 'health'), person('u4', 'o2', 'health')];
    const completions = [
      { userId: 'u1', completedAt: new Date('2026-03-10T10:00:00Z'), validUntil: '2028-03-10' },
      { userId: 'u2', completedAt: new Date('2024-12-01T10:00:00Z'), validUntil: '2026-12-01' },
      { userId: 'u3', completedAt: new Date('2024-01-01T10:00:00Z'), validUntil: '2026-01-01' },
      { userId: 'x9', completedAt: new Date('2026-01-01T10:00:00Z'), validUntil: '2028-01-01' },
    ];
    const coverage = computeCoverage(staff, completions, '2026-11-28');
    expect(coverage.total).toEqual({ staff: 4, trained: 2, share: 50, suppressed: false });
    expect(coverage.byOrganisation.map((row) => [row.organisationId, row.trained, row.share])).toEqual([
      ['o1', 2, 100],
      ['o2', 0, 0],
    ]);
    expect(coverage.byKind.map((row) => [row.kind, row.staff, row.trained])).toEqual([
      ['health', 2, 0],
      ['school', 2, 2],
    ]);
    expect(coverage.overTime).toHaveLength(12);
    expect(coverage.overTime[0]).toEqual({ month: '2025-12', trained: 2, share: 50 });
    expect(coverage.overTime[2]).toEqual({ month: '2026-02', trained: 1, share: 25 });
    expect(coverage.overTime[11]).toEqual({ month: '2026-11', trained: 2, share: 50 });
    expect(coverage.due.map((row) => [row.userId, row.status])).toEqual([
      ['u3', 'expired'],
      ['u2', 'due_soon'],
    ]);
  });

  it('has no share without staff', () => {
    expect(computeCoverage([], [], '2026-11-28').total).toEqual({ staff: 0, trained: 0, share: null, suppressed: false });
  });
});
