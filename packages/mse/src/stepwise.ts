import { allPairs, checkModel, fitModel, type FittedModel, type Pair } from './model';
import { poissonLowerTail, poissonUpperTail } from './poisson';
import { pairOverlap, type OverlapTable } from './table';

/**
 * SparseMSE's stepwisefit: from the main-effects model, repeatedly add the pair whose observed
 * overlap is least likely under the current fit (two-sided Poisson tail), skipping pairs that
 * would make the estimate infinite or non-identifiable, until no p-value is below the threshold.
 */
export function stepwiseByPValue(table: OverlapTable, pThreshold: number, isAllowed: (pairs: readonly Pair[]) => boolean): FittedModel {
  const candidates = allPairs(table.lists.length);
  const overlaps = candidates.map(([i, j]) => pairOverlap(table, i, j));
  const included = candidates.map(() => false);
  let model: Pair[] = [];
  let current = fitModel(table, model);
  for (let cycle = 0; cycle < candidates.length; cycle++) {
    const pValues = candidates.map((pair, c) => {
      if (included[c]) return 1;
      const expected = current.built.cells.reduce(
        (sum, cell, r) => sum + (cell.pattern[pair[0]] === 1 && cell.pattern[pair[1]] === 1 ? (current.fit.fitted[r] as number) : 0),
        0,
      );
      const n = overlaps[c] as number;
      return Math.min(poissonLowerTail(n, expected), poissonUpperTail(n, expected));
    });
    // SparseMSE sets the p-value of a pair that fails the checks to 1 and takes the smallest (the
    // first on ties). The same pick, with fewer checks: try pairs below the threshold from the
    // smallest p-value up, and take the first that passes.
    const order = pValues
      .map((p, c) => ({ p, c }))
      .filter(({ p, c }) => !included[c] && p < pThreshold)
      .sort((x, y) => x.p - y.p || x.c - y.c);
    const pick = order.find(({ c }) => isAllowed([...model, candidates[c] as Pair]))?.c;
    if (pick === undefined) return current;
    model = [...model, candidates[pick] as Pair];
    included[pick] = true;
    current = fitModel(table, model);
  }
  return current;
}

/** SparseMSE's checkident as a predicate on models of one table, each model checked once. */
export function allowedChecker(highs: Parameters<typeof checkModel>[0], table: OverlapTable): (pairs: readonly Pair[]) => boolean {
  const checked = new Map<string, boolean>();
  return (pairs) => {
    const key = pairs.map((p) => `${p[0]}-${p[1]}`).sort().join(',');
    let allowed = checked.get(key);
    if (allowed === undefined) {
      const check = checkModel(highs, table, pairs);
      allowed = check.exists && check.identifiable;
      checked.set(key, allowed);
    }
    return allowed;
  };
}
