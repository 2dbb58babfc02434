/**
 * An overlap table: for each pattern of lists (which lists a person appears on), how many
 * people were seen with exactly that pattern. The all-zero pattern (seen on no list) is the
 * unknown the estimate is about, so it is never part of the table.
 */
export interface OverlapTable {
  /** List names, in column order. */
  lists: string[];
  /** One row per observed pattern; patterns absent here count as zero. */
  rows: { pattern: number[]; count: number }[];
}

/** A cell of the full table: every pattern except the all-zero one, zero counts included. */
export interface Cell {
  pattern: number[];
  count: number;
}

export const MAX_LISTS = 12;

/** Why an overlap table (or the CSV it came from) cannot be read. */
export class OverlapTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverlapTableError';
  }
}

/** Checks a table and returns it with duplicate patterns summed. Throws OverlapTableError. */
export function normaliseTable(table: OverlapTable): OverlapTable {
  const m = table.lists.length;
  if (m < 1) throw new OverlapTableError('The table names no list.');
  if (m > MAX_LISTS) throw new OverlapTableError(`At most ${MAX_LISTS} lists are supported (got ${m}).`);
  const seen = new Set<string>();
  for (const name of table.lists) {
    const trimmed = name.trim();
    if (trimmed.length === 0) throw new OverlapTableError('A list has no name.');
    if (trimmed.toLowerCase() === 'count') throw new OverlapTableError('A list cannot be called "count".');
    if (seen.has(trimmed)) throw new OverlapTableError(`The list "${trimmed}" appears twice.`);
    seen.add(trimmed);
  }
  const byKey = new Map<number, number>();
  table.rows.forEach((row, index) => {
    if (row.pattern.length !== m) throw new OverlapTableError(`Row ${index + 1} has ${row.pattern.length} list values; expected ${m}.`);
    if (row.pattern.some((v) => v !== 0 && v !== 1)) throw new OverlapTableError(`Row ${index + 1}: every list value must be 0 or 1.`);
    if (row.pattern.every((v) => v === 0)) throw new OverlapTableError(`Row ${index + 1} is the all-zero pattern: people on no list are what is estimated, so leave that row out.`);
    if (!Number.isSafeInteger(row.count) || row.count < 0) throw new OverlapTableError(`Row ${index + 1}: the count must be a whole number of 0 or more.`);
    const key = patternKey(row.pattern);
    byKey.set(key, (byKey.get(key) ?? 0) + row.count);
  });
  const rows = [...byKey.entries()].map(([key, count]) => ({ pattern: patternOf(key, m), count }));
  return { lists: table.lists.map((name) => name.trim()), rows };
}

/** Bit i of the key is list i. */
export function patternKey(pattern: readonly number[]): number {
  return pattern.reduce((key, v, i) => key | (v === 1 ? 1 << i : 0), 0);
}

export function patternOf(key: number, m: number): number[] {
  return Array.from({ length: m }, (_, i) => ((key >> i) & 1));
}

/** All 2^m − 1 cells, ordered by number of lists and then by key, with zero counts filled in. */
export function fullCells(table: OverlapTable): Cell[] {
  const m = table.lists.length;
  const counts = new Map<number, number>();
  for (const row of table.rows) counts.set(patternKey(row.pattern), (counts.get(patternKey(row.pattern)) ?? 0) + row.count);
  const keys = Array.from({ length: 2 ** m - 1 }, (_, i) => i + 1);
  keys.sort((a, b) => popcount(a) - popcount(b) || a - b);
  return keys.map((key) => ({ pattern: patternOf(key, m), count: counts.get(key) ?? 0 }));
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v > 0; v >>= 1) c += v & 1;
  return c;
}

/** Number of people seen on both lists i and j (whatever other lists they are on). */
export function pairOverlap(table: OverlapTable, i: number, j: number): number {
  return table.rows.reduce((sum, row) => sum + (row.pattern[i] === 1 && row.pattern[j] === 1 ? row.count : 0), 0);
}

export function observedTotal(table: OverlapTable): number {
  return table.rows.reduce((sum, row) => sum + row.count, 0);
}

/**
 * Reads an overlap table from CSV: a header with one column per list and a last column
 * `count`, then one row per pattern with 0/1 per list. Comma or semicolon separated.
 */
export function parseOverlapCsv(text: string): OverlapTable {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const header = lines[0];
  if (header === undefined) throw new OverlapTableError('The file is empty.');
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';
  const split = (line: string) => line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
  const columns = split(header);
  if (columns.length < 2) throw new OverlapTableError('The header needs one column per list and a last column "count".');
  if (columns[columns.length - 1]?.toLowerCase() !== 'count') throw new OverlapTableError('The last column of the header must be "count".');
  const lists = columns.slice(0, -1);
  const rows = lines.slice(1).map((line, index) => {
    const cells = split(line);
    if (cells.length !== columns.length) throw new OverlapTableError(`Line ${index + 2} has ${cells.length} values; the header has ${columns.length}.`);
    const values = cells.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : Number.NaN));
    const bad = values.findIndex((v) => Number.isNaN(v));
    if (bad >= 0) throw new OverlapTableError(`Line ${index + 2}, column "${columns[bad]}": "${cells[bad]}" is not a whole number.`);
    return { pattern: values.slice(0, -1), count: values[values.length - 1] ?? 0 };
  });
  if (rows.length === 0) throw new OverlapTableError('The file has a header but no rows.');
  try {
    return normaliseTable({ lists, rows });
  } catch (error) {
    if (error instanceof OverlapTableError) throw new OverlapTableError(error.message.replace(/^Row (\d+)/, (_, n: string) => `Line ${Number(n) + 1}`));
    throw error;
  }
}
