/**
 * Cell-key perturbation for published count tables (method: ABS TableBuilder, as used for the
 * UK ONS 2021 Census flexible tables; parameters and limits in docs/SECURITY.md, "Statistics releases").
 *
 * - Every counted record carries a random key 0..255, drawn once when it is stored.
 * - A cell's key is the sum of its records' keys modulo 256. The same set of records always has the
 *   same cell key, so the same cell gets the same noise on every table, page, export and report.
 * - The noise is read from a fixed perturbation table at the cell key: a symmetric distribution over
 *   -D..D with variance V, laid out over the 256 key positions. Adding one record moves the cell key
 *   by that record's (unknown) key, so the noise of the new figure is a fresh, unpredictable draw.
 * - The threshold applies to the perturbed figure: a perturbed count below k is published as the
 *   range "fewer than k" (0..k-1), never as a number. Zeros are published the same way, so a listed
 *   category tells nothing about whether a record of that kind exists.
 * - A shown figure may then be rounded to the municipality's rounding base.
 */

import type { ProtectedCell, ProtectedTable } from './protect';

/** Record keys are 0..KEY_RANGE-1. */
export const CELL_KEY_RANGE = 256;
/** D: bounds and default for the largest absolute noise. */
export const MIN_NOISE_MAX = 1;
export const MAX_NOISE_MAX = 5;
export const DEFAULT_NOISE_MAX = 3;
/** V: lowest variance allowed (below it almost every figure is exact) and the default. */
export const MIN_NOISE_VARIANCE = 0.5;
export const DEFAULT_NOISE_VARIANCE = 1;

/** The highest variance a distribution over -D..D can have here: the uniform one. */
export function maxNoiseVariance(noiseMax: number): number {
  return (noiseMax * (noiseMax + 1)) / 3;
}

export type CellKeyParameters = {
  /** k: a perturbed count below k is published as "fewer than k". */
  threshold: number;
  /** Shown figures are rounded to a multiple of this (1: none). */
  roundingBase: number;
  /** D: the largest absolute noise. */
  noiseMax: number;
  /** V: the variance of the noise. */
  noiseVariance: number;
};

/** The parameters as applied: D and V clamped into their safe bounds. */
export function cellKeyParameters(input: { threshold: number; roundingBase?: number | undefined; noiseMax?: number | undefined; noiseVariance?: number | undefined }): CellKeyParameters {
  const noiseMax = Math.min(MAX_NOISE_MAX, Math.max(MIN_NOISE_MAX, Math.floor(input.noiseMax ?? DEFAULT_NOISE_MAX)));
  const variance = input.noiseVariance ?? DEFAULT_NOISE_VARIANCE;
  return {
    threshold: input.threshold,
    roundingBase: Math.max(1, Math.floor(input.roundingBase ?? 1)),
    noiseMax,
    noiseVariance: Math.min(maxNoiseVariance(noiseMax), Math.max(MIN_NOISE_VARIANCE, Number.isFinite(variance) ? variance : DEFAULT_NOISE_VARIANCE)),
  };
}

function varianceOf(weights: readonly number[], noiseMax: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.reduce((sum, weight, index) => sum + weight * (index - noiseMax) ** 2, 0) / total;
}

/**
 * The perturbation table: for each key position 0..255, the noise added. The distribution is
 * p(d) proportional to lambda^|d| on -D..D (lambda solved for the variance V), quantised to 256
 * slots with every value from -D to D holding at least one slot on each side (so D is reached) and
 * the slot counts symmetric (so the mean noise is 0). Deterministic: the same D and V always give
 * the same table.
 */
export function perturbationTable(noiseMax: number, noiseVariance: number): number[] {
  const weightsFor = (lambda: number) => Array.from({ length: 2 * noiseMax + 1 }, (_, index) => lambda ** Math.abs(index - noiseMax));
  let low = 1e-6;
  let high = 1;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (varianceOf(weightsFor(middle), noiseMax) < noiseVariance) low = middle;
    else high = middle;
  }
  const weights = weightsFor((low + high) / 2);
  const total = weights.reduce((a, b) => a + b, 0);
  // Slots for each |d| >= 1 (same on both sides), at least one; the rest go to d = 0.
  const side = Array.from({ length: noiseMax }, (_, j) => Math.max(1, Math.round(((weights[noiseMax + j + 1] ?? 0) / total) * CELL_KEY_RANGE)));
  const zero = CELL_KEY_RANGE - 2 * side.reduce((a, b) => a + b, 0);
  if (zero < 1) throw new Error('perturbation table: variance too high for D');
  const table: number[] = [];
  for (let j = noiseMax; j >= 1; j -= 1) for (let slot = 0; slot < (side[j - 1] ?? 0); slot += 1) table.push(-j);
  for (let slot = 0; slot < zero; slot += 1) table.push(0);
  for (let j = 1; j <= noiseMax; j += 1) for (let slot = 0; slot < (side[j - 1] ?? 0); slot += 1) table.push(j);
  return table;
}

/** The probability of each noise value -D..D in a table (for documentation and the attack tests). */
export function noiseDistribution(table: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const noise of table) out.set(noise, (out.get(noise) ?? 0) + 1 / table.length);
  return out;
}

/** A cell key from record keys: their sum modulo 256. */
export function cellKeyOf(recordKeys: Iterable<number>): number {
  let sum = 0;
  for (const key of recordKeys) sum = (sum + key) % CELL_KEY_RANGE;
  return sum;
}

/** A count together with its cell key: what the perturbation needs of a cell. */
export type KeyedCount = { count: number; key: number };

/** Adds a record to a keyed count (used while tallying). */
export function addRecord(cell: KeyedCount, recordKey: number): void {
  cell.count += 1;
  cell.key = (cell.key + recordKey) % CELL_KEY_RANGE;
}

/**
 * The published figure of one cell: null ("fewer than k") when the perturbed count is below k,
 * otherwise the perturbed count, rounded to the base (a rounded figure below k is "fewer than k" too).
 */
export function perturbCount(cell: KeyedCount, parameters: CellKeyParameters, table: readonly number[]): number | null {
  if (cell.count === 0) return null;
  const noise = table[((cell.key % CELL_KEY_RANGE) + CELL_KEY_RANGE) % CELL_KEY_RANGE] ?? 0;
  const perturbed = cell.count + noise;
  if (perturbed < parameters.threshold) return null;
  const base = parameters.roundingBase;
  const shown = base <= 1 ? perturbed : Math.round(perturbed / base) * base;
  return shown < parameters.threshold ? null : shown;
}

/** A count table with the keyed counts of every cell and total (the cell-key counterpart of CountTable). */
export type KeyedTable = {
  id: string;
  population: string;
  rowDimension: string;
  rows: string[];
  columnDimension?: string;
  columns?: string[];
  cells: KeyedCount[][];
  rowTotals?: KeyedCount[];
  columnTotals?: KeyedCount[];
  grandTotal: KeyedCount;
};

/** Perturbs every figure of a table independently from its cell key. */
export function perturbTable(table: KeyedTable, parameters: CellKeyParameters, perturbation: readonly number[]): ProtectedTable {
  const publish = (cell: KeyedCount): ProtectedCell => ({ value: perturbCount(cell, parameters, perturbation) });
  return {
    id: table.id,
    population: table.population,
    rowDimension: table.rowDimension,
    rows: table.rows,
    ...(table.columnDimension !== undefined ? { columnDimension: table.columnDimension, columns: table.columns ?? [] } : {}),
    cells: table.cells.map((row) => row.map(publish)),
    ...(table.rowTotals ? { rowTotals: table.rowTotals.map(publish) } : {}),
    ...(table.columnTotals ? { columnTotals: table.columnTotals.map(publish) } : {}),
    grandTotal: publish(table.grandTotal),
  };
}

/**
 * What an attacker who knows the method and the parameters (but not the record keys) can conclude
 * about a count from one published figure: the interval of counts that could have produced it.
 */
export function preimage(published: number | null, parameters: CellKeyParameters, perturbation: readonly number[]): { low: number; high: number } {
  const minNoise = Math.min(...perturbation);
  const maxNoise = Math.max(...perturbation);
  if (published === null) {
    // Perturbed (and rounded) below k: count + noise < k, or rounding pulled it below k.
    const highestPerturbed = parameters.roundingBase <= 1 ? parameters.threshold - 1 : Math.max(parameters.threshold - 1, ...roundingPreimage(parameters.threshold - 1, parameters.roundingBase, true));
    return { low: 0, high: Math.max(0, highestPerturbed - minNoise) };
  }
  const [lowPerturbed, highPerturbed] = parameters.roundingBase <= 1 ? [published, published] : roundingPreimage(published, parameters.roundingBase, false);
  return { low: Math.max(1, lowPerturbed - maxNoise), high: highPerturbed - minNoise };
}

/** The perturbed counts that round to a shown figure (or, below, to anything under k). */
function roundingPreimage(shown: number, base: number, belowThreshold: boolean): [number, number] {
  if (belowThreshold) {
    // The largest perturbed value whose rounding is below k (shown is k-1 here).
    let value = shown;
    while (Math.round((value + 1) / base) * base <= shown) value += 1;
    return [0, value];
  }
  const low = Math.ceil(shown - base / 2);
  const high = Math.ceil(shown + base / 2) - 1;
  return [low, high];
}
