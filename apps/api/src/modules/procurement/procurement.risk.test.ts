import { describe, expect, it } from 'vitest';
import { computeRisk, type RiskInput } from './procurement.risk';

const base: RiskInput = { isicSection: 'J', productCategory: null, site: null, earlierFindings: { total: 0, serious: 0 }, deepestTier: 0 };

describe('computeRisk', () => {
  it('is low with nothing to go on', () => {
    expect(computeRisk(base)).toEqual({ level: 'low', reasons: [] });
  });

  it('takes the sector from the sourced sector list (construction and cleaning are high)', () => {
    expect(computeRisk({ ...base, isicSection: 'F' }).level).toBe('high');
    expect(computeRisk({ ...base, isicSection: 'N' }).reasons).toEqual([{ code: 'sector', level: 'high' }]);
    expect(computeRisk({ ...base, isicSection: 'H' }).level).toBe('medium');
  });

  it('raises a contract for goods on the high-risk list, and ignores an unknown category', () => {
    expect(computeRisk({ ...base, productCategory: 'office_supplies' }).level).toBe('high');
    expect(computeRisk({ ...base, productCategory: 'made_up' }).level).toBe('low');
  });

  it('uses what the municipality knows: the site, its inspections, earlier findings and a deep chain', () => {
    expect(computeRisk({ ...base, site: { riskLevel: 'medium', inspectionConcerns: 0 } }).level).toBe('medium');
    expect(computeRisk({ ...base, site: { riskLevel: 'low', inspectionConcerns: 1 } }).reasons).toEqual([{ code: 'site_inspections', level: 'high' }]);
    expect(computeRisk({ ...base, earlierFindings: { total: 2, serious: 0 } }).level).toBe('medium');
    expect(computeRisk({ ...base, earlierFindings: { total: 2, serious: 1 } }).level).toBe('high');
    expect(computeRisk({ ...base, deepestTier: 2 }).level).toBe('low');
    expect(computeRisk({ ...base, deepestTier: 3 }).level).toBe('medium');
  });
});
