import { loadSolver } from './model';
import { allowedChecker, stepwiseByPValue } from './stepwise';
import { observedTotal, type OverlapTable } from './table';

/**
 * The interval Chan, Silverman and Vincent (2021, JASA) publish: SparseMSE 2.0.1's
 * `estimatepopulation` (R/routines.R). Each bootstrap sample draws the observed people again
 * (`rmultinom(1, nobs, countsobserved)`), re-chooses the model by the stepwise fit and takes its
 * point estimate; the acceleration comes from a jackknife over individuals (one person removed
 * from each observed capture history, each residual counted as often as that history occurs);
 * the interval is the BCa one of `bcaconfvalues`, quantiles of type 8.
 */
export interface BootstrapOptions {
  /** Bootstrap samples (SparseMSE's nboot, default 1000). */
  samples?: number;
  /** Seed of the pseudo-random generator: the same seed gives the same interval. */
  seed?: number;
  /** p-value threshold of the stepwise fit (default 0.02, as published). */
  pThreshold?: number;
  /** Two-sided coverage (default 0.95: the 2.5 % and 97.5 % BCa quantiles). */
  level?: number;
}

export interface BootstrapInterval {
  method: 'bootstrap-bca';
  samples: number;
  seed: number;
  /** Total population (observed included); not rounded. */
  lower: number;
  upper: number;
  /** Bias correction z₀ = Φ⁻¹(share of bootstrap estimates below the point estimate). */
  biasCorrection: number;
  /** Acceleration â from the jackknife. */
  acceleration: number;
  /** Bootstrap samples whose estimate was not finite (ranked above every finite one). */
  nonFinite: number;
}

/** mulberry32: a small, fast 32-bit generator; deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal distribution function (Hart 1968, as given by West 2005); about 1e-15 absolute accuracy. */
export function normalCdf(z: number): number {
  const x = Math.abs(z);
  let c = 0;
  if (x <= 37) {
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let b = 3.52624965998911e-2 * x + 0.700383064443688;
      b = b * x + 6.37396220353165;
      b = b * x + 33.912866078383;
      b = b * x + 112.079291497871;
      b = b * x + 221.213596169931;
      b = b * x + 220.206867912376;
      c = e * b;
      b = 8.83883476483184e-2 * x + 1.75566716318264;
      b = b * x + 16.064177579207;
      b = b * x + 86.7807322029461;
      b = b * x + 296.564248779674;
      b = b * x + 637.333633378831;
      b = b * x + 793.826512519948;
      b = b * x + 440.413735824752;
      c /= b;
    } else {
      let b = x + 0.65;
      b = x + 4 / b;
      b = x + 3 / b;
      b = x + 2 / b;
      b = x + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return z > 0 ? 1 - c : c;
}

/** Standard normal quantile (Acklam's rational approximation, refined by one Halley step). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(c, q) / (poly(d, q) * q + 1);
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(a, r) * q) / (poly(b, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(c, q) / (poly(d, q) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** R's `quantile(x, p, type = 8)` (median-unbiased, Hyndman and Fan 1996) of sorted values. */
export function quantileType8(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const fuzz = 4 * Number.EPSILON;
  const nppm = 1 / 3 + p * (n + 1 / 3);
  const j = Math.floor(nppm + fuzz);
  let h = nppm - j;
  if (Math.abs(h) < fuzz) h = 0;
  const at = (k: number) => sorted[Math.min(Math.max(k, 1), n) - 1] as number;
  const lo = at(j);
  const hi = at(j + 1);
  return h === 0 ? lo : (1 - h) * lo + h * hi;
}

/** SparseMSE's `bcaconfvalues` for the given probabilities. */
export function bcaQuantiles(bootReps: readonly number[], estimate: number, acceleration: number, probabilities: readonly number[]): { quantiles: number[]; biasCorrection: number } {
  const below = bootReps.filter((v) => v < estimate).length / bootReps.length;
  const z0 = normalQuantile(below);
  const sorted = [...bootReps].sort((x, y) => x - y);
  const quantiles = probabilities.map((alpha) => {
    const za0 = normalQuantile(alpha) + z0;
    return quantileType8(sorted, normalCdf(z0 + za0 / (1 - acceleration * za0)));
  });
  return { quantiles, biasCorrection: z0 };
}

/** SparseMSE's `estimatepopulation.0` with the stepwise fit: the chosen model's total estimate. */
export async function stepwiseEstimate(table: OverlapTable, pThreshold = 0.02): Promise<number> {
  const isAllowed = allowedChecker(await loadSolver(), table);
  return stepwiseByPValue(table, pThreshold, isAllowed).estimate;
}

/**
 * The BCa bootstrap interval of SparseMSE's `estimatepopulation`, the model re-chosen in every
 * sample. `table` must be normalised (one row per pattern). Takes roughly `samples` stepwise fits.
 */
export async function bootstrapInterval(table: OverlapTable, estimate: number, options: BootstrapOptions = {}): Promise<BootstrapInterval> {
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1234;
  const pThreshold = options.pThreshold ?? 0.02;
  const level = options.level ?? 0.95;
  if (!Number.isSafeInteger(samples) || samples < 10 || samples > 100_000) throw new RangeError('The number of bootstrap samples must be a whole number from 10 to 100,000.');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('The seed must be a whole number from 0 to 4,294,967,295.');
  if (!(level > 0 && level < 1)) throw new RangeError('The level must lie between 0 and 1.');
  const counts = table.rows.map((row) => row.count);
  const total = observedTotal(table);
  const cumulative: number[] = [];
  counts.reduce((sum, count) => {
    cumulative.push(sum + count);
    return sum + count;
  }, 0);
  const random = seededRandom(seed);

  const bootReps: number[] = [];
  let nonFinite = 0;
  for (let s = 0; s < samples; s++) {
    // rmultinom(1, nobs, countsobserved): draw each of the observed people again, with replacement.
    const drawn = counts.map(() => 0);
    for (let person = 0; person < total; person++) {
      const k = Math.floor(random() * total);
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > k) hi = mid;
        else lo = mid + 1;
      }
      drawn[lo] = (drawn[lo] as number) + 1;
    }
    const value = await stepwiseEstimate({ lists: table.lists, rows: table.rows.map((row, r) => ({ pattern: row.pattern, count: drawn[r] as number })) }, pThreshold);
    if (Number.isFinite(value)) bootReps.push(value);
    else {
      bootReps.push(Infinity);
      nonFinite++;
    }
  }

  // Jackknife over individuals: one person fewer in each observed history.
  const jackknife = await Promise.all(
    counts.map((count, r) =>
      count > 0 ? stepwiseEstimate({ lists: table.lists, rows: table.rows.map((row, q) => ({ pattern: row.pattern, count: q === r ? row.count - 1 : row.count })) }, pThreshold) : Promise.resolve(0),
    ),
  );
  const meanJack = counts.reduce((sum, count, r) => sum + count * (jackknife[r] as number), 0) / total;
  let num = 0;
  let den = 0;
  counts.forEach((count, r) => {
    const residual = meanJack - (jackknife[r] as number);
    num += count * residual ** 3;
    den += count * residual ** 2;
  });
  const acceleration = den > 0 ? num / (6 * den ** 1.5) : 0;
  const tail = (1 - level) / 2;
  const { quantiles, biasCorrection } = bcaQuantiles(bootReps, estimate, acceleration, [tail, 1 - tail]);
  return { method: 'bootstrap-bca', samples, seed, lower: quantiles[0] as number, upper: quantiles[1] as number, biasCorrection, acceleration, nonFinite };
}
