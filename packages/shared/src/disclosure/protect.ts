/**
 * Statistical disclosure control for count tables that leave the case team.
 *
 * Method (documented in docs/SECURITY.md, "Disclosure control"):
 * 1. Primary suppression: a count n with 0 < n < k is withheld ("fewer than k").
 * 2. A small group hides its breakdown: every member of a line whose total is primary-suppressed
 *    is withheld too, zeros included (a shown zero would tell what the few people are not).
 *    Zeros are otherwise shown: a zero identifies no one.
 * 3. Secondary suppression over every additive line (members add up to a total) of every table
 *    on the page, tables linked by the cells they share: no line may hold exactly one withheld
 *    entry, and when a line's total is shown, the withheld members must add up to at least k
 *    (otherwise their sum, which anyone can compute, is itself a small count).
 * 4. An exact audit: the shown figures are turned into the linear system an attacker would
 *    solve, and any withheld cell whose value the system determines gets another complement.
 *    If no complement is possible the whole line is withheld.
 * 5. Every withheld cell is shown the same way ("fewer than k, or withheld to protect such a
 *    figure"): distinct labels for small cells and complements let an attacker narrow each down.
 * 6. Optional rounding of shown counts to a base (after suppression, totals rounded on their own).
 * A table's grand total is chosen as a complement only when it is itself a member of a larger
 * line (a sub-population such as new cases within all cases) and nothing else is left; the total
 * of a whole population is never chosen, so it is shown or withheld the same way on every page,
 * export and report of that period.
 */

/** Lowest k a municipality may configure. */
export const MIN_SUPPRESSION_THRESHOLD = 3;
/** k when the municipality has not set one. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export type DisclosureOptions = {
  /** k: counts 0 < n < k are withheld. Values below the minimum are raised to it. */
  threshold: number;
  /** Round shown counts to the nearest multiple of this base (1 or absent: no rounding). */
  roundingBase?: number;
};

/** A count table as computed from the data: one or two dimensions, with its totals. */
export type CountTable = {
  /** Unique on the page. */
  id: string;
  /** What is counted (e.g. "screening", "concern"); cells of different populations never relate. */
  population: string;
  rowDimension: string;
  rows: string[];
  /** For a two-way table: the column dimension and its categories. Absent for a one-way table. */
  columnDimension?: string;
  columns?: string[];
  /** Two-way: counts[row][column]. One-way: counts[row][0]. */
  counts: number[][];
  /** Two-way: count per row (of distinct records; may differ from the row sum when columns are not additive). */
  rowTotals?: number[];
  /** Two-way: count per column. */
  columnTotals?: number[];
  grandTotal: number;
  /** Whether each record falls in exactly one row (true) or may fall in several (e.g. exploitation forms). */
  rowsAdditive: boolean;
  /** Two-way only: whether each record falls in exactly one column. */
  columnsAdditive?: boolean;
  /**
   * Fixed context of every cell in this table beyond its own dimensions (e.g. { year: '2026' }).
   * Cells with equal population, context and categories are the same cell on every table.
   */
  context?: Record<string, string>;
};

/**
 * One figure as it may be shown: value is null when withheld. Why a cell is withheld (a small
 * count, or a complement protecting one) is deliberately not said: an attacker who knows that a
 * complement is 0 or at least k, and a small cell 1..k-1, can pin cells down (see the tests).
 */
export type ProtectedCell = { value: number | null };

export type ProtectedTable = {
  id: string;
  population: string;
  rowDimension: string;
  rows: string[];
  columnDimension?: string;
  columns?: string[];
  cells: ProtectedCell[][];
  rowTotals?: ProtectedCell[];
  columnTotals?: ProtectedCell[];
  grandTotal: ProtectedCell;
};

export type ProtectedPage = {
  threshold: number;
  roundingBase: number;
  tables: ProtectedTable[];
  /** How many distinct cells were withheld. */
  withheld: number;
  /**
   * The keys of the small (primary) cells. For tests and the method's own audit only: a
   * presenter must never send them, since they tell which withheld cells are small.
   */
  primaryKeys: string[];
};

/** An additive relation between shown or withheld figures: the members add up to the total. */
export type Line = { members: string[]; total: string };

/** k as it is applied: whole number, never below the minimum. */
export function effectiveThreshold(threshold: number | null | undefined): number {
  if (threshold === null || threshold === undefined || !Number.isFinite(threshold)) return DEFAULT_SUPPRESSION_THRESHOLD;
  return Math.max(MIN_SUPPRESSION_THRESHOLD, Math.floor(threshold));
}

/** Whether a count is small enough to identify someone: 0 < n < k. */
export function isPrimarySensitive(count: number, threshold: number): boolean {
  return count > 0 && count < effectiveThreshold(threshold);
}

/** Rounds a shown count to the nearest multiple of base (ties up). Zero stays zero. */
export function roundToBase(value: number, base: number): number {
  if (base <= 1) return value;
  return Math.round(value / base) * base;
}

function cellKey(population: string, parts: Record<string, string>): string {
  const entries = Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [population, ...entries.map(([dimension, value]) => `${dimension}=${value}`)].join('|');
}

export type TableKeys = {
  cells: string[][];
  rowTotals?: string[];
  columnTotals?: string[];
  grand: string;
};

function keysOf(table: CountTable): TableKeys {
  const context = table.context ?? {};
  const grand = cellKey(table.population, context);
  if (table.columnDimension === undefined || table.columns === undefined) {
    return {
      cells: table.rows.map((row) => [cellKey(table.population, { ...context, [table.rowDimension]: row })]),
      grand,
    };
  }
  const columnDimension = table.columnDimension;
  return {
    cells: table.rows.map((row) =>
      (table.columns ?? []).map((column) =>
        cellKey(table.population, {
          ...context,
          [table.rowDimension]: row,
          [columnDimension]: column,
        }),
      ),
    ),
    rowTotals: table.rows.map((row) => cellKey(table.population, { ...context, [table.rowDimension]: row })),
    columnTotals: table.columns.map((column) => cellKey(table.population, { ...context, [columnDimension]: column })),
    grand,
  };
}

function validate(table: CountTable): void {
  const isTwoWay = table.columnDimension !== undefined;
  if (isTwoWay !== (table.columns !== undefined)) throw new Error(`table ${table.id}: columnDimension and columns go together`);
  if (table.counts.length !== table.rows.length) throw new Error(`table ${table.id}: ${table.rows.length} rows but ${table.counts.length} count rows`);
  const width = isTwoWay ? (table.columns ?? []).length : 1;
  const all = [...table.counts.flat(), table.grandTotal, ...(table.rowTotals ?? []), ...(table.columnTotals ?? [])];
  if (table.counts.some((row) => row.length !== width)) throw new Error(`table ${table.id}: every count row needs ${width} values`);
  if (all.some((value) => !Number.isInteger(value) || value < 0)) throw new Error(`table ${table.id}: counts are whole numbers >= 0`);
  if (isTwoWay && (table.rowTotals?.length !== table.rows.length || table.columnTotals?.length !== width)) {
    throw new Error(`table ${table.id}: a two-way table needs rowTotals and columnTotals`);
  }
}

function linesOf(table: CountTable, keys: TableKeys): Line[] {
  const lines: Line[] = [];
  if (!keys.rowTotals || !keys.columnTotals) {
    if (table.rowsAdditive)
      lines.push({
        members: keys.cells.map((row) => row[0] ?? ''),
        total: keys.grand,
      });
    return lines;
  }
  if (table.columnsAdditive) {
    keys.cells.forEach((row, index) => lines.push({ members: row, total: keys.rowTotals?.[index] ?? '' }));
    lines.push({ members: keys.columnTotals, total: keys.grand });
  }
  if (table.rowsAdditive) {
    keys.columnTotals.forEach((total, column) =>
      lines.push({
        members: keys.cells.map((row) => row[column] ?? ''),
        total,
      }),
    );
    lines.push({ members: keys.rowTotals, total: keys.grand });
  }
  return lines;
}

/**
 * Finds the withheld cells whose exact value follows from the shown figures and the additive
 * lines (what an attacker with a linear-equation solver gets). Exported for tests and audits.
 */
export function determinedCells(lines: readonly Line[], withheld: ReadonlySet<string>): string[] {
  const unknowns = [...withheld].sort();
  const index = new Map(unknowns.map((key, position) => [key, position]));
  const rows: number[][] = [];
  for (const line of lines) {
    const coefficients = new Array<number>(unknowns.length).fill(0);
    let hasUnknown = false;
    for (const member of line.members) {
      const position = index.get(member);
      if (position !== undefined) {
        coefficients[position] = (coefficients[position] ?? 0) + 1;
        hasUnknown = true;
      }
    }
    const totalPosition = index.get(line.total);
    if (totalPosition !== undefined) {
      coefficients[totalPosition] = (coefficients[totalPosition] ?? 0) - 1;
      hasUnknown = true;
    }
    if (hasUnknown) rows.push(coefficients);
  }
  // Reduced row echelon form; a variable is determined when its pivot row has no other entry.
  const pivotRowOf = new Map<number, number>();
  let pivotRow = 0;
  for (let column = 0; column < unknowns.length && pivotRow < rows.length; column += 1) {
    let best = -1;
    for (let row = pivotRow; row < rows.length; row += 1) {
      if (Math.abs(rows[row]?.[column] ?? 0) > 1e-9 && (best === -1 || Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[best]?.[column] ?? 0))) best = row;
    }
    if (best === -1) continue;
    const swap = rows[best] as number[];
    rows[best] = rows[pivotRow] as number[];
    rows[pivotRow] = swap;
    const pivot = swap[column] ?? 1;
    for (let c = 0; c < unknowns.length; c += 1) swap[c] = (swap[c] ?? 0) / pivot;
    for (let row = 0; row < rows.length; row += 1) {
      const target = rows[row] as number[];
      const factor = row === pivotRow ? 0 : (target[column] ?? 0);
      if (Math.abs(factor) > 1e-12) for (let c = 0; c < unknowns.length; c += 1) target[c] = (target[c] ?? 0) - factor * (swap[c] ?? 0);
    }
    pivotRowOf.set(column, pivotRow);
    pivotRow += 1;
  }
  const determined: string[] = [];
  for (const [column, row] of pivotRowOf) {
    const coefficients = rows[row] as number[];
    if (coefficients.every((value, c) => c === column || Math.abs(value) < 1e-9)) determined.push(unknowns[column] as string);
  }
  return determined.sort();
}

/**
 * Protects every table of one page (or export, or report section) together. Tables that share a
 * cell (same population, context and categories) are linked: the cell is withheld on all of them.
 */
export function protectTables(tables: readonly CountTable[], options: DisclosureOptions): ProtectedPage {
  const k = effectiveThreshold(options.threshold);
  const roundingBase = Math.max(1, Math.floor(options.roundingBase ?? 1));
  const values = new Map<string, number>();
  const grandKeys = new Set<string>();
  const lines: Line[] = [];
  const tableKeys = tables.map((table) => {
    validate(table);
    const keys = keysOf(table);
    const put = (key: string, value: number) => {
      const existing = values.get(key);
      if (existing !== undefined && existing !== value) throw new Error(`table ${table.id}: cell ${key} is ${value} here but ${existing} on another table`);
      values.set(key, value);
    };
    table.counts.forEach((row, r) => row.forEach((value, c) => put(keys.cells[r]?.[c] ?? '', value)));
    table.rowTotals?.forEach((value, r) => put(keys.rowTotals?.[r] ?? '', value));
    table.columnTotals?.forEach((value, c) => put(keys.columnTotals?.[c] ?? '', value));
    put(keys.grand, table.grandTotal);
    grandKeys.add(keys.grand);
    lines.push(...linesOf(table, keys));
    return keys;
  });

  const primary = new Set<string>();
  for (const [key, value] of values) if (value > 0 && value < k) primary.add(key);
  const withheld = new Set(primary);
  const valueOf = (key: string) => values.get(key) ?? 0;

  /** Picks the complement for a line: the smallest positive shown member, else a shown zero. */
  const complementFor = (line: Line): string | null => {
    const shown = line.members.filter((member) => !withheld.has(member) && !grandKeys.has(member));
    const ordered = [...shown].sort((a, b) => {
      const va = valueOf(a);
      const vb = valueOf(b);
      if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1;
      return va - vb || (a < b ? -1 : a > b ? 1 : 0);
    });
    if (ordered[0] !== undefined) return ordered[0];
    if (!withheld.has(line.total) && !grandKeys.has(line.total)) return line.total;
    // Last resort: a member that is the total of a sub-population (e.g. new cases within all cases).
    const subTotal = line.members.filter((member) => !withheld.has(member) && valueOf(member) > 0).sort((a, b) => valueOf(a) - valueOf(b) || (a < b ? -1 : 1))[0];
    return subTotal ?? null;
  };

  const withholdLine = (line: Line) => {
    for (const member of [...line.members, line.total]) if (!grandKeys.has(member) || primary.has(member)) withheld.add(member);
  };

  const maxRounds = values.size + 10;
  for (let round = 0; round < maxRounds; round += 1) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (primary.has(line.total)) {
          // A small group: its breakdown, zeros included, is withheld.
          for (const member of line.members) {
            if (!withheld.has(member)) {
              withheld.add(member);
              changed = true;
            }
          }
          continue;
        }
        const entries = [...line.members, line.total];
        const hidden = entries.filter((entry) => withheld.has(entry));
        if (hidden.length === 0) continue;
        const hiddenSum = line.members.filter((member) => withheld.has(member)).reduce((sum, member) => sum + valueOf(member), 0);
        const needsMore = hidden.length === 1 || (!withheld.has(line.total) && hiddenSum < k);
        if (!needsMore) continue;
        const complement = complementFor(line);
        if (complement !== null) {
          withheld.add(complement);
          changed = true;
        }
      }
    }
    const exposed = determinedCells(lines, withheld).filter(isRevealing);
    if (exposed.length === 0) break;
    let added = false;
    for (const key of exposed) {
      for (const line of lines.filter((candidate) => candidate.members.includes(key) || candidate.total === key)) {
        const complement = complementFor(line);
        if (complement !== null) {
          withheld.add(complement);
          added = true;
          break;
        }
      }
      if (added) break;
    }
    if (!added) {
      for (const key of exposed) for (const line of lines.filter((candidate) => candidate.members.includes(key) || candidate.total === key)) withholdLine(line);
    }
  }
  // Last line of defence: a population whose small cells can still be computed is withheld whole.
  const stillExposed = determinedCells(lines, withheld).filter(isRevealing);
  for (const key of stillExposed) {
    const population = key.split('|')[0];
    for (const candidate of values.keys()) if (candidate.split('|')[0] === population) withheld.add(candidate);
  }

  /** A withheld cell whose exact value could be computed reveals something when it is below k (a zero of a small group too). */
  function isRevealing(key: string): boolean {
    return valueOf(key) < k;
  }

  const present = (key: string): ProtectedCell => {
    if (withheld.has(key)) return { value: null };
    return { value: roundToBase(valueOf(key), roundingBase) };
  };

  const protectedTables = tables.map((table, index): ProtectedTable => {
    const keys = tableKeys[index] as TableKeys;
    return {
      id: table.id,
      population: table.population,
      rowDimension: table.rowDimension,
      rows: table.rows,
      ...(table.columnDimension !== undefined
        ? {
            columnDimension: table.columnDimension,
            columns: table.columns ?? [],
          }
        : {}),
      cells: keys.cells.map((row) => row.map(present)),
      ...(keys.rowTotals ? { rowTotals: keys.rowTotals.map(present) } : {}),
      ...(keys.columnTotals ? { columnTotals: keys.columnTotals.map(present) } : {}),
      grandTotal: present(keys.grand),
    };
  });
  return {
    threshold: k,
    roundingBase,
    tables: protectedTables,
    withheld: withheld.size,
    primaryKeys: [...primary].sort(),
  };
}

/** The linear system of a page, for tests that attack the result. */
export function pageSystem(tables: readonly CountTable[]): {
  values: Map<string, number>;
  lines: Line[];
  keys: TableKeys[];
} {
  const values = new Map<string, number>();
  const lines: Line[] = [];
  const keys = tables.map((table) => {
    const tableKeys = keysOf(table);
    table.counts.forEach((row, r) => row.forEach((value, c) => values.set(tableKeys.cells[r]?.[c] ?? '', value)));
    table.rowTotals?.forEach((value, r) => values.set(tableKeys.rowTotals?.[r] ?? '', value));
    table.columnTotals?.forEach((value, c) => values.set(tableKeys.columnTotals?.[c] ?? '', value));
    values.set(tableKeys.grand, table.grandTotal);
    lines.push(...linesOf(table, tableKeys));
    return tableKeys;
  });
  return { values, lines, keys };
}

/**
 * How a protected figure reads in a table, CSV, XLSX or report: the number, or the one marker all
 * withheld cells share (its note says: fewer than k, or withheld so such a figure cannot be worked out).
 */
export function displayCell(cell: ProtectedCell, withheldMarker: string, formatNumber: (value: number) => string = String): string {
  return cell.value === null ? withheldMarker : formatNumber(cell.value);
}
