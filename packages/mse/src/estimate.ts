import { bootstrapInterval } from './bootstrap';
import { fitPoissonGlm } from './glm';
import { allPairs, checkModel, fitModel, loadSolver, pairName, type FittedModel, type Pair } from './model';
export { stepwiseByPValue } from './stepwise';
import { allowedChecker, stepwiseByPValue } from './stepwise';
import { normaliseTable, observedTotal, pairOverlap, type OverlapTable } from './table';

/** How the model is chosen. */
export type SelectionMethod = 'stepwise' | 'aic' | 'bic';

export interface EstimateOptions {
  /** 'stepwise' (default): SparseMSE's stepwise fit, adding the pair with the smallest Poisson p-value below `pThreshold`. 'aic'/'bic': forward selection while the criterion falls. */
  method?: SelectionMethod;
  /** p-value threshold of the stepwise fit (SparseMSE's default 0.02). */
  pThreshold?: number;
  /**
   * The interval of the total: 'profile' (default), the 95 % profile-likelihood interval of the
   * chosen model; 'bootstrap', the BCa bootstrap interval with the model re-chosen in every sample
   * (SparseMSE's estimatepopulation, as Chan, Silverman and Vincent 2021 publish). The bootstrap
   * always re-chooses by the stepwise fit, whatever `method` is.
   */
  interval?: 'profile' | 'bootstrap';
  /** Bootstrap samples (default 1000) and seed of the pseudo-random generator (default 1234). */
  samples?: number;
  seed?: number;
}

/** A model, summarised for people. */
export interface ModelReport {
  /** Two-list interactions in the model, e.g. "NG:PF" ("main effects" when none). */
  terms: string[];
  /** Pairs in the model that no one is on together: their interaction is −∞. */
  emptyOverlaps: string[];
  /** Total population estimate (observed plus unobserved), and its 95 % profile-likelihood interval. */
  estimate: number;
  lower: number;
  upper: number;
  aic: number;
  bic: number;
  deviance: number;
  /** Degrees of freedom left: cells fitted minus parameters. */
  residualDf: number;
  /** Which selection rules chose this model. */
  chosenBy: SelectionMethod[];
}

export interface PrevalenceEstimate {
  kind: 'estimate';
  lists: string[];
  /** People seen on at least one list. */
  observed: number;
  /** Estimated total population (observed included), rounded to whole people, and its 95 % interval. */
  estimate: number;
  lower: number;
  upper: number;
  /** Unobserved cell: estimate − observed. */
  unobserved: number;
  method: SelectionMethod;
  /** How `lower` and `upper` were found. The alternatives' intervals are always profile-likelihood. */
  interval: 'profile-likelihood' | 'bootstrap-bca';
  /** Present when `interval` is 'bootstrap-bca'. */
  bootstrap?: { samples: number; seed: number; biasCorrection: number; acceleration: number; nonFinite: number };
  /** The model used, written as its interactions ("main effects" when none). */
  model: string;
  chosen: ModelReport;
  /** The models the three selection rules choose, and the main-effects model, with their estimates. */
  alternatives: ModelReport[];
  /** Lowest and highest estimate among the alternatives. */
  spread: { lowest: number; highest: number };
  /** The same model's interval by the normal approximation on the log scale (SparseMSE estimatepopulation.0). */
  waldInterval: { lower: number; upper: number };
  warnings: string[];
}

export type RefusalReason = 'too_few_lists' | 'list_without_people' | 'list_with_everyone' | 'no_overlap' | 'estimate_not_finite' | 'not_identifiable' | 'did_not_converge';

/** The data cannot support an estimate: no number is given. */
export interface PrevalenceRefusal {
  kind: 'refusal';
  reason: RefusalReason;
  /** A plain explanation, in English (the web and CLI translate by `reason`). */
  message: string;
  observed: number;
  lists: string[];
}

export type PrevalenceResult = PrevalenceEstimate | PrevalenceRefusal;

const CHI2_95 = 3.841458820694124;
const Z_975 = 1.959963984540054;

/**
 * Estimates the size of a hidden population from an overlap table by multiple-systems
 * estimation: Poisson log-linear models with main effects and two-list interactions,
 * the model chosen stepwise with SparseMSE's existence and identifiability checks, the
 * unobserved cell from the intercept, and a 95 % profile-likelihood interval.
 * Returns a refusal instead of a number when the data cannot support one.
 */
export async function estimatePrevalence(input: OverlapTable, options: EstimateOptions = {}): Promise<PrevalenceResult> {
  const table = normaliseTable(input);
  const method = options.method ?? 'stepwise';
  const pThreshold = options.pThreshold ?? 0.02;
  const m = table.lists.length;
  const observed = observedTotal(table);
  const refuse = (reason: RefusalReason, message: string): PrevalenceRefusal => ({ kind: 'refusal', reason, message, observed, lists: table.lists });

  if (m < 3) return refuse('too_few_lists', `At least three lists are needed to model how lists depend on each other; this table has ${m}.`);
  for (let i = 0; i < m; i++) {
    const onList = table.rows.reduce((sum, row) => sum + (row.pattern[i] === 1 ? row.count : 0), 0);
    if (onList === 0) return refuse('list_without_people', `No one is on the list "${table.lists[i]}": it carries no information. Remove it and try again.`);
    if (onList === observed) return refuse('list_with_everyone', `Everyone observed is on the list "${table.lists[i]}": then no one can be missed by it and the overlaps say nothing about the unobserved. Remove it and try again.`);
  }
  if (allPairs(m).every(([i, j]) => pairOverlap(table, i, j) === 0)) {
    return refuse('no_overlap', 'No one appears on more than one list. Without overlaps between lists there is nothing to estimate from.');
  }

  const highs = await loadSolver();
  const mainCheck = checkModel(highs, table, []);
  if (!mainCheck.exists) return refuse('estimate_not_finite', 'Even the simplest model (lists independent) has no finite estimate on these overlaps: the data cannot support an estimate.');
  if (!mainCheck.identifiable) return refuse('not_identifiable', 'The model cannot be identified from these overlaps.');

  // The same candidate models come up in every selection rule: check each once.
  const isAllowed = allowedChecker(highs, table);
  const selections = {
    stepwise: stepwiseByPValue(table, pThreshold, isAllowed),
    aic: forwardByCriterion(table, 'aic', isAllowed),
    bic: forwardByCriterion(table, 'bic', isAllowed),
  } satisfies Record<SelectionMethod, FittedModel>;
  const main = fitModel(table, []);

  const reports = new Map<string, { fitted: FittedModel; chosenBy: SelectionMethod[] }>();
  const keyOf = (fitted: FittedModel) => fitted.pairs.map((p) => `${p[0]}-${p[1]}`).sort().join(',');
  for (const [rule, fitted] of Object.entries(selections) as [SelectionMethod, FittedModel][]) {
    const entry = reports.get(keyOf(fitted)) ?? { fitted, chosenBy: [] };
    entry.chosenBy.push(rule);
    reports.set(keyOf(fitted), entry);
  }
  if (!reports.has(keyOf(main))) reports.set(keyOf(main), { fitted: main, chosenBy: [] });

  const chosenFit = selections[method];
  if (!chosenFit.fit.converged) return refuse('did_not_converge', 'The model fit did not converge: the data cannot support a stable estimate.');
  const alternatives = [...reports.values()].map(({ fitted, chosenBy }) => report(table, fitted, chosenBy));
  const chosen = alternatives.find((alt) => alt.chosenBy.includes(method)) as ModelReport;
  const warnings: string[] = [];
  if (chosenFit.built.emptyPairs.length > 0) warnings.push('The model treats some pairs of lists that share no one as unable to overlap; the estimate assumes that is so.');
  if (chosen.upper / chosen.estimate > 3) warnings.push('The interval is very wide: the overlaps are small, and the estimate is uncertain.');
  const estimates = alternatives.map((alt) => alt.estimate);
  const wald = {
    lower: observed + Math.exp(Math.log(chosenFit.dark) - Z_975 * chosenFit.seLogDark),
    upper: observed + Math.exp(Math.log(chosenFit.dark) + Z_975 * chosenFit.seLogDark),
  };
  let interval: Pick<PrevalenceEstimate, 'lower' | 'upper' | 'interval' | 'bootstrap'> = { lower: chosen.lower, upper: chosen.upper, interval: 'profile-likelihood' };
  if (options.interval === 'bootstrap') {
    if (method !== 'stepwise') throw new RangeError('The bootstrap interval re-chooses the model by the stepwise fit: use it with the stepwise method only.');
    const boot = await bootstrapInterval(table, selections.stepwise.estimate, { samples: options.samples, seed: options.seed, pThreshold });
    if (boot.nonFinite > 0) warnings.push(`${boot.nonFinite} of ${boot.samples} bootstrap samples had no finite estimate; they count as above every finite one.`);
    interval = {
      lower: Math.round(boot.lower),
      upper: Math.round(boot.upper),
      interval: 'bootstrap-bca',
      bootstrap: { samples: boot.samples, seed: boot.seed, biasCorrection: round(boot.biasCorrection, 4), acceleration: round(boot.acceleration, 4), nonFinite: boot.nonFinite },
    };
  }
  return {
    kind: 'estimate',
    lists: table.lists,
    observed,
    estimate: chosen.estimate,
    ...interval,
    unobserved: chosen.estimate - observed,
    method,
    model: chosen.terms.length === 0 ? 'main effects' : `main effects + ${chosen.terms.join(' + ')}`,
    chosen,
    alternatives,
    spread: { lowest: Math.min(...estimates), highest: Math.max(...estimates) },
    waldInterval: { lower: Math.round(wald.lower), upper: Math.round(wald.upper) },
    warnings,
  };
}

function report(table: OverlapTable, fitted: FittedModel, chosenBy: SelectionMethod[]): ModelReport {
  const observed = observedTotal(table);
  const interval = profileInterval(fitted);
  return {
    terms: fitted.pairs.map((pair) => pairName(table, pair)),
    emptyOverlaps: fitted.built.emptyPairs.map((pair) => pairName(table, pair)),
    estimate: Math.round(fitted.estimate),
    lower: Math.round(observed + interval.lowerDark),
    upper: Math.round(observed + interval.upperDark),
    aic: round(fitted.aic, 2),
    bic: round(fitted.bic, 2),
    deviance: round(fitted.fit.deviance, 3),
    residualDf: fitted.built.cells.length - fitted.built.columns.length,
    chosenBy,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Forward selection: add the allowed pair that lowers the criterion most, while it falls. */
export function forwardByCriterion(table: OverlapTable, criterion: 'aic' | 'bic', isAllowed: (pairs: readonly Pair[]) => boolean): FittedModel {
  const candidates = allPairs(table.lists.length);
  let current = fitModel(table, []);
  for (;;) {
    let best: FittedModel | undefined;
    for (const pair of candidates) {
      if (current.pairs.some((p) => p[0] === pair[0] && p[1] === pair[1])) continue;
      const next = [...current.pairs, pair];
      if (!isAllowed(next)) continue;
      const fitted = fitModel(table, next);
      if (!fitted.fit.converged) continue;
      if (fitted[criterion] < (best ?? current)[criterion] - 1e-9) best = fitted;
    }
    if (best === undefined) return current;
    current = best;
  }
}

/**
 * 95 % profile-likelihood interval for the unobserved cell: the values of the intercept
 * (log of the unobserved cell) at which twice the drop in log-likelihood reaches χ²₁(0.95).
 */
export function profileInterval(fitted: FittedModel): { lowerDark: number; upperDark: number } {
  const design = fitted.built.design.map((row) => row.slice(1));
  const y = fitted.built.cells.map((cell) => cell.count);
  const best = fitted.fit.logLikelihood;
  const a0 = fitted.fit.coefficients[0] as number;
  const se = Number.isFinite(fitted.seLogDark) && fitted.seLogDark > 0 ? fitted.seLogDark : 1;
  const drop = (a: number) => {
    const offset = y.map(() => a);
    const ll = design[0]?.length ? fitPoissonGlm(design, y, offset).logLikelihood : y.reduce((s, v) => s + v * a - Math.exp(a), 0);
    return 2 * (best - ll) - CHI2_95;
  };
  const bound = (direction: 1 | -1) => {
    let inner = a0;
    let outer = a0 + direction * se;
    for (let k = 0; k < 60 && drop(outer) < 0; k++) {
      inner = outer;
      outer = a0 + direction * se * 2 ** (k + 1);
    }
    for (let k = 0; k < 60 && Math.abs(outer - inner) > 1e-7; k++) {
      const mid = (inner + outer) / 2;
      if (drop(mid) < 0) inner = mid;
      else outer = mid;
    }
    return Math.exp((inner + outer) / 2);
  };
  return { lowerDark: bound(-1), upperDark: bound(1) };
}
