import loadHighs from 'highs';
import { columnRank, fitPoissonGlm, type PoissonFit } from './glm';
import { fullCells, observedTotal, pairOverlap, type Cell, type OverlapTable } from './table';

/** A two-list interaction, as indices into the table's lists (first < second). */
export type Pair = readonly [number, number];

/** The design of one log-linear model on one table. */
export interface BuiltModel {
  /** Cells the model is fitted to: cells that contain a pair whose overlap is empty are left out (their expected count is 0). */
  cells: Cell[];
  design: number[][];
  /** Column names: "(Intercept)", the lists, then "A:B" for each fitted pair. */
  columns: string[];
  /** Pairs whose overlap is not empty: fitted as ordinary parameters. */
  fittedPairs: Pair[];
  /** Pairs in the model whose overlap is empty: their parameter is −∞ (Chan, Silverman and Vincent 2021). */
  emptyPairs: Pair[];
}

/** All pairs (i, j), i < j, in the order SparseMSE enumerates them. */
export function allPairs(m: number): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < m - 1; i++) for (let j = i + 1; j < m; j++) pairs.push([i, j]);
  return pairs;
}

export function pairName(table: OverlapTable, pair: Pair): string {
  return `${table.lists[pair[0]]}:${table.lists[pair[1]]}`;
}

/** Builds the design matrix for main effects plus the given pairs (SparseMSE buildmodel/buildmodelmatrix). */
export function buildModel(table: OverlapTable, pairs: readonly Pair[]): BuiltModel {
  const m = table.lists.length;
  let cells = fullCells(table);
  const fittedPairs: Pair[] = [];
  const emptyPairs: Pair[] = [];
  for (const pair of pairs) {
    if (pairOverlap(table, pair[0], pair[1]) === 0) {
      emptyPairs.push(pair);
      cells = cells.filter((cell) => !(cell.pattern[pair[0]] === 1 && cell.pattern[pair[1]] === 1));
    } else {
      fittedPairs.push(pair);
    }
  }
  const design = cells.map((cell) => [1, ...cell.pattern, ...fittedPairs.map(([i, j]) => (cell.pattern[i] as number) * (cell.pattern[j] as number))]);
  const columns = ['(Intercept)', ...table.lists.slice(0, m), ...fittedPairs.map((pair) => pairName(table, pair))];
  return { cells, design, columns, fittedPairs, emptyPairs };
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

/** Loads the HiGHS linear-programming solver once (WebAssembly). */
export function loadSolver(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/** Result of the existence and identifiability checks for one model. */
export interface ModelCheck {
  /** The maximum likelihood estimate exists and is finite (linear program of Fienberg and Rinaldo 2012). */
  exists: boolean;
  /** The design has full column rank, so the parameters are identifiable. */
  identifiable: boolean;
}

/**
 * SparseMSE's checkident: the MLE exists iff the sufficient statistics t = Aᵀn can be written
 * as Aᵀx with every cell x strictly positive; the linear program maximises the smallest cell.
 */
export function checkModel(highs: Highs, table: OverlapTable, pairs: readonly Pair[]): ModelCheck {
  const built = buildModel(table, pairs);
  const nCells = built.cells.length;
  const nPar = built.columns.length;
  const t = Array.from({ length: nPar }, (_, k) => built.cells.reduce((sum, cell, i) => sum + (built.design[i]?.[k] as number) * cell.count, 0));
  const lines = ['Maximize', ' obj: s', 'Subject To'];
  for (let k = 0; k < nPar; k++) {
    const terms = built.cells.map((_, i) => ((built.design[i]?.[k] as number) === 1 ? `x${i}` : null)).filter((term) => term !== null);
    lines.push(` e${k}: ${terms.join(' + ')} = ${t[k]}`);
  }
  for (let i = 0; i < nCells; i++) lines.push(` g${i}: x${i} - s >= 0`);
  lines.push('End');
  const solution = highs.solve(lines.join('\n'));
  const exists = solution.Status === 'Optimal' && solution.ObjectiveValue > 1e-7;
  const identifiable = columnRank(built.design) === nPar;
  return { exists, identifiable };
}

/** One fitted model with its population estimate. */
export interface FittedModel {
  pairs: Pair[];
  built: BuiltModel;
  fit: PoissonFit;
  /** Akaike's criterion, counting each empty-overlap parameter as SparseMSE does. */
  aic: number;
  /** Bayesian criterion with log(number observed), as Rcapture does. */
  bic: number;
  /** Observed people plus the estimated unobserved cell exp(intercept). */
  estimate: number;
  dark: number;
  /** Standard error of the intercept (log of the unobserved cell). */
  seLogDark: number;
}

/** Fits main effects plus the given pairs (SparseMSE modelfit). */
export function fitModel(table: OverlapTable, pairs: readonly Pair[]): FittedModel {
  const built = buildModel(table, pairs);
  const y = built.cells.map((cell) => cell.count);
  const fit = fitPoissonGlm(built.design, y);
  const k = built.columns.length;
  const observed = observedTotal(table);
  const dark = Math.exp(fit.coefficients[0] as number);
  return {
    pairs: [...pairs],
    built,
    fit,
    aic: -2 * fit.logLikelihood + 2 * k + 2 * built.emptyPairs.length,
    bic: -2 * fit.logLikelihood + Math.log(observed) * (k + built.emptyPairs.length),
    estimate: observed + dark,
    dark,
    seLogDark: Math.sqrt(fit.covariance[0]?.[0] as number),
  };
}
