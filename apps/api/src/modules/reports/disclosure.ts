import { protectTables, type CountTable } from '@lykt/shared';

/** A one-way count table as a section computes it: one count per row, rows adding up to the total. */
export type OneWayCounts = {
  id: string;
  /** What is counted; tables of the same population and context share their cells (and totals). */
  population: string;
  dimension: string;
  rows: string[];
  counts: number[];
  /** Each record falls in exactly one row. */
  additive: boolean;
  /** Set when the records of the table are not all records of the population in the context (e.g. a subset), so its total is its own. */
  total?: number;
  context: Record<string, string>;
};

export type ProtectedCounts = { cells: Array<number | null>; total: number | null };

/**
 * Runs the shared disclosure control (packages/shared/src/disclosure) over the tables of one report
 * section together, so a figure withheld in one table is withheld wherever it appears. Returns each
 * table's shown cells and total (null = withheld).
 */
export function protectCounts(tables: readonly OneWayCounts[], threshold: number): Map<string, ProtectedCounts> {
  const countTables: CountTable[] = tables.map((table) => ({
    id: table.id,
    population: table.population,
    rowDimension: table.dimension,
    rows: table.rows,
    counts: table.counts.map((count) => [count]),
    grandTotal: table.total ?? table.counts.reduce((sum, count) => sum + count, 0),
    rowsAdditive: table.additive,
    context: table.context,
  }));
  const page = protectTables(countTables, { threshold });
  const result = new Map<string, ProtectedCounts>();
  for (const table of page.tables) result.set(table.id, { cells: table.cells.map((row) => row[0]?.value ?? null), total: table.grandTotal.value });
  return result;
}
