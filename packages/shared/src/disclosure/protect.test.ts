import { describe, expect, it } from 'vitest';
import { determinedCells, effectiveThreshold, isPrimarySensitive, pageSystem, protectTables, roundToBase, type CountTable, type ProtectedPage } from './protect';

/** A one-way table with its grand total as the sum of the rows. */
function oneWay(id: string, dimension: string, entries: Array<[string, number]>, extra: Partial<CountTable> = {}): CountTable {
  return {
    id,
    population: 'case',
    rowDimension: dimension,
    rows: entries.map(([row]) => row),
    counts: entries.map(([, count]) => [count]),
    grandTotal: entries.reduce((sum, [, count]) => sum + count, 0),
    rowsAdditive: true,
    ...extra,
  };
}

/** A two-way table with row, column and grand totals as sums. */
function twoWay(id: string, rowDimension: string, rows: string[], columnDimension: string, columns: string[], counts: number[][]): CountTable {
  return {
    id,
    population: 'case',
    rowDimension,
    rows,
    columnDimension,
    columns,
    counts,
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: columns.map((_, c) => counts.reduce((sum, row) => sum + (row[c] ?? 0), 0)),
    grandTotal: counts.flat().reduce((a, b) => a + b, 0),
    rowsAdditive: true,
    columnsAdditive: true,
  };
}

/**
 * An attacker with the published figures and the method: shown values are exact, every withheld
 * cell is 0 or more (with labels: a small cell is 1..k-1, a complement 0 or at least k), and every
 * additive line holds. Enumerates every assignment of the withheld cells and returns the values
 * each withheld cell can take.
 */
function attack(tables: CountTable[], page: ProtectedPage, k: number, labelled = false): Map<string, Set<number>> {
  const system = pageSystem(tables);
  const shown = new Map<string, boolean>();
  page.tables.forEach((table, index) => {
    const keys = system.keys[index];
    if (!keys) throw new Error('missing keys');
    table.cells.forEach((row, r) => row.forEach((c, col) => shown.set(keys.cells[r]?.[col] ?? '', c.value !== null)));
    table.rowTotals?.forEach((c, r) => shown.set(keys.rowTotals?.[r] ?? '', c.value !== null));
    table.columnTotals?.forEach((c, col) => shown.set(keys.columnTotals?.[col] ?? '', c.value !== null));
    shown.set(keys.grand, table.grandTotal.value !== null);
  });
  const primary = new Set(page.primaryKeys);
  const unknown = [...shown].filter(([, isShown]) => !isShown).map(([key]) => key);
  const assignment = new Map<string, number>();
  for (const [key, isShown] of shown) if (isShown) assignment.set(key, system.values.get(key) ?? 0);
  const ceiling = (key: string) => {
    let bound = Math.max(...system.values.values());
    for (const line of system.lines) if (line.members.includes(key) && assignment.has(line.total)) bound = Math.min(bound, assignment.get(line.total) ?? bound);
    return bound;
  };
  const domain = (key: string) => {
    const values: number[] = [];
    for (let v = 0; v <= ceiling(key); v += 1) {
      if (!labelled || (primary.has(key) ? v >= 1 && v < k : v === 0 || v >= k)) values.push(v);
    }
    return values;
  };
  const feasible = new Map(unknown.map((key) => [key, new Set<number>()]));
  const allowed = (key: string, value: number) => value >= 0 && value <= ceiling(key) && (!labelled || (primary.has(key) ? value >= 1 && value < k : value === 0 || value >= k));
  const consistent = () =>
    system.lines.every((line) => {
      const total = assignment.get(line.total);
      const known = line.members.filter((member) => assignment.has(member));
      const sum = known.reduce((acc, member) => acc + (assignment.get(member) ?? 0), 0);
      if (total === undefined) return true;
      return known.length === line.members.length ? sum === total : sum <= total;
    });
  /** A line with one open entry fixes it: propagate before branching. */
  const forced = (): { key: string; value: number } | null => {
    for (const line of system.lines) {
      const open = [...line.members, line.total].filter((entry) => !assignment.has(entry));
      if (open.length !== 1) continue;
      const key = open[0] ?? '';
      const sum = line.members.filter((member) => assignment.has(member)).reduce((acc, member) => acc + (assignment.get(member) ?? 0), 0);
      return {
        key,
        value: key === line.total ? sum : (assignment.get(line.total) ?? 0) - sum,
      };
    }
    return null;
  };
  let solutions = 0;
  const search = () => {
    if (solutions > 500_000) throw new Error('attack space too large for this test');
    const next = forced();
    if (next) {
      if (!allowed(next.key, next.value)) return;
      assignment.set(next.key, next.value);
      if (consistent()) search();
      assignment.delete(next.key);
      return;
    }
    const open = unknown.filter((key) => !assignment.has(key));
    if (open.length === 0) {
      solutions += 1;
      for (const key of unknown) feasible.get(key)?.add(assignment.get(key) ?? -1);
      return;
    }
    const key = open.reduce((best, candidate) => (ceiling(candidate) < ceiling(best) ? candidate : best));
    for (const value of domain(key)) {
      assignment.set(key, value);
      if (consistent()) search();
    }
    assignment.delete(key);
  };
  search();
  return feasible;
}

/** The withheld small cells (and zeros of small groups) the attacker pins down. */
function pinned(tables: CountTable[], page: ProtectedPage, k: number, labelled = false): string[] {
  const feasible = attack(tables, page, k, labelled);
  const { values } = pageSystem(tables);
  const found: string[] = [];
  for (const [key, options] of feasible) {
    const truth = values.get(key) ?? 0;
    expect(options.has(truth), `${key}: the true value must stay feasible`).toBe(true);
    if (truth > 0 && truth < k && options.size <= 1) found.push(`${key}=${truth}`);
  }
  return found;
}

/** Asserts that no withheld small cell can be pinned down. */
function expectSafe(tables: CountTable[], page: ProtectedPage, k: number) {
  expect(pinned(tables, page, k)).toEqual([]);
}

const isPrimary = (page: ProtectedPage, tables: CountTable[], table: number, row: number, column = 0) => page.primaryKeys.includes(pageSystem(tables).keys[table]?.cells[row]?.[column] ?? '');
const cell = (page: ProtectedPage, table: number, row: number, column = 0) => page.tables[table]?.cells[row]?.[column];

describe('threshold', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(Number.NaN)).toBe(5);
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(11)).toBe(11);
    expect(effectiveThreshold(4.7)).toBe(4);
  });

  it('counts 0 < n < k as sensitive, zero and k not', () => {
    expect(isPrimarySensitive(0, 5)).toBe(false);
    expect(isPrimarySensitive(1, 5)).toBe(true);
    expect(isPrimarySensitive(4, 5)).toBe(true);
    expect(isPrimarySensitive(5, 5)).toBe(false);
    expect(isPrimarySensitive(2, 1)).toBe(true);
  });
});

describe('primary and secondary suppression', () => {
  it('hides a single rare nationality and a second cell so it cannot be computed from the total', () => {
    const tables = [
      oneWay('nationality', 'nationality', [
        ['NO', 30],
        ['PL', 12],
        ['RO', 9],
        ['VN', 1],
      ]),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 3)).toEqual({ value: null });
    expect(isPrimary(page, tables, 0, 3)).toBe(true);
    // The smallest other cell is the complement; the total stays shown.
    expect(cell(page, 0, 2)).toEqual({ value: null });
    expect(isPrimary(page, tables, 0, 2)).toBe(false);
    expect(page.tables[0]?.grandTotal).toEqual({ value: 52 });
    expect(cell(page, 0, 0)?.value).toBe(30);
    expectSafe(tables, page, 5);
  });

  it('hides a second cell in a row with one suppressed cell, and in its column', () => {
    const tables = [
      twoWay(
        'form-by-gender',
        'form',
        ['labour', 'sexual', 'begging'],
        'gender',
        ['female', 'male'],
        [
          [6, 10],
          [2, 9],
          [7, 8],
        ],
      ),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 1, 0)?.value).toBeNull();
    const withheld = page.tables[0]?.cells.flat().filter((c) => c.value === null).length ?? 0;
    expect(withheld).toBeGreaterThanOrEqual(4); // a rectangle of withheld cells
    expect(page.tables[0]?.rowTotals?.every((c) => c.value !== null)).toBe(true);
    expectSafe(tables, page, 5);
  });

  it('does not let the row total reveal a cell when the rest of the row is shown', () => {
    // Without protection: 14 - 10 = 4 females among the sexual form.
    const tables = [
      twoWay(
        't',
        'form',
        ['sexual', 'labour'],
        'gender',
        ['female', 'male'],
        [
          [4, 10],
          [8, 20],
        ],
      ),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 0, 1)?.value).toBeNull();
    expectSafe(tables, page, 5);
  });

  it('makes the withheld cells of a line add up to at least k', () => {
    // Two primary cells of 1 and 1 alone would sum to 2 = total - shown, which tells each is 1.
    const tables = [
      oneWay('t', 'age', [
        ['a', 1],
        ['b', 1],
        ['c', 6],
        ['d', 9],
      ]),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 2)?.value).toBeNull();
    expect(cell(page, 0, 3)?.value).toBe(9);
    expectSafe(tables, page, 5);
  });

  it('protects across two tables of the same period that share cells', () => {
    const byNationality = oneWay('nat', 'nationality', [
      ['NO', 14],
      ['PL', 8],
      ['LT', 3],
    ]);
    const byNationalityAndAge = twoWay(
      'nat-age',
      'nationality',
      ['NO', 'PL', 'LT'],
      'minor',
      ['minor', 'adult'],
      [
        [5, 9],
        [2, 6],
        [0, 3],
      ],
    );
    const tables = [byNationality, byNationalityAndAge];
    const page = protectTables(tables, { threshold: 5 });
    // LT is withheld on both tables, and so is the cell that would give it back from the grand total.
    expect(cell(page, 0, 2)?.value).toBeNull();
    expect(page.tables[1]?.rowTotals?.[2]?.value).toBeNull();
    const withheldOnFirst = page.tables[0]?.cells.flat().filter((c) => c.value === null).length ?? 0;
    expect(withheldOnFirst).toBeGreaterThanOrEqual(2);
    // The same cell has the same fate on both tables.
    page.tables[0]?.cells.forEach((row, r) => expect(row[0]?.value).toBe(page.tables[1]?.rowTotals?.[r]?.value));
    expectSafe(tables, page, 5);
  });

  it('shows a zero that discloses nothing', () => {
    const tables = [
      oneWay('t', 'form', [
        ['labour', 12],
        ['organ_removal', 0],
        ['sexual', 9],
      ]),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 1)).toEqual({ value: 0 });
    expect(page.withheld).toBe(0);
  });

  it('withholds the zeros of a small group: they would tell what the few people are not', () => {
    const tables = [
      twoWay(
        't',
        'nationality',
        ['NO', 'LT'],
        'gender',
        ['female', 'male'],
        [
          [9, 8],
          [2, 0],
        ],
      ),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(cell(page, 0, 1, 1)?.value).toBeNull();
    expect(cell(page, 0, 1, 0)?.value).toBeNull();
    expectSafe(tables, page, 5);
  });

  it('withholds a whole table whose population is below k', () => {
    const tables = [
      oneWay('t', 'form', [
        ['labour', 2],
        ['sexual', 0],
        ['begging', 0],
      ]),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(page.tables[0]?.grandTotal.value).toBeNull();
    expect(page.tables[0]?.cells.flat().every((c) => c.value === null)).toBe(true);
  });

  it('works with k at its minimum of 3 (and raises a lower k to 3)', () => {
    const tables = [
      oneWay('t', 'sector', [
        ['agriculture', 2],
        ['cleaning', 3],
        ['construction', 7],
      ]),
    ];
    const page = protectTables(tables, { threshold: 1 });
    expect(page.threshold).toBe(3);
    expect(isPrimary(page, tables, 0, 0)).toBe(true);
    expect(isPrimary(page, tables, 0, 1)).toBe(false);
    expect(cell(page, 0, 0)?.value).toBeNull();
    expect(cell(page, 0, 1)?.value).toBeNull();
    expect(cell(page, 0, 2)?.value).toBe(7);
    expectSafe(tables, page, 3);
  });

  it('keeps grand totals out of the complements so a period total is the same on every page', () => {
    const tables = [
      oneWay(
        't',
        'x',
        [
          ['a', 2],
          ['b', 0],
        ],
        { grandTotal: 2 },
      ),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(page.tables[0]?.grandTotal.value).toBeNull();
    const big = protectTables(
      [
        oneWay('u', 'x', [
          ['a', 2],
          ['b', 0],
          ['c', 40],
        ]),
      ],
      { threshold: 5 },
    );
    expect(big.tables[0]?.grandTotal).toEqual({ value: 42 });
  });

  it('treats a non-additive dimension (several forms per case) without equations', () => {
    const table: CountTable = {
      ...oneWay('forms', 'form', [
        ['labour', 6],
        ['sexual', 3],
      ]),
      grandTotal: 7,
      rowsAdditive: false,
    };
    const page = protectTables([table], { threshold: 5 });
    expect(cell(page, 0, 1)?.value).toBeNull();
    expect(cell(page, 0, 0)?.value).toBe(6);
  });

  it('refuses inconsistent input instead of guessing', () => {
    const a = oneWay('a', 'gender', [
      ['female', 6],
      ['male', 7],
    ]);
    const b = oneWay('b', 'gender', [
      ['female', 5],
      ['male', 8],
    ]);
    expect(() => protectTables([a, b], { threshold: 5 })).toThrow(/on another table/);
    expect(() => protectTables([{ ...a, counts: [[-1], [7]] }], { threshold: 5 })).toThrow(/whole numbers/);
    expect(() => protectTables([{ ...a, counts: [[6]] }], { threshold: 5 })).toThrow(/rows/);
  });

  it('would be broken if small cells and complements were labelled apart (why every withheld cell looks the same)', () => {
    // One small cell of 1 and its complement of 5 in a line with a shown total: with labels,
    // the complement must be >= 5, so the small cell is pinned to 1.
    const tables = [
      oneWay('t', 'x', [
        ['a', 1],
        ['b', 5],
        ['c', 20],
      ]),
    ];
    const page = protectTables(tables, { threshold: 5 });
    expect(pinned(tables, page, 5, true)).not.toEqual([]);
    expect(pinned(tables, page, 5, false)).toEqual([]);
  });

  it('survives random tables: no small cell can be pinned down by the attacker', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let run = 0; run < 16; run += 1) {
      const counts = [0, 1, 2].map(() => [0, 1, 2].map(() => (random() < 0.3 ? 0 : Math.floor(random() * 12))));
      const tables = [twoWay(`r${run}`, 'a', ['a1', 'a2', 'a3'], 'b', ['b1', 'b2', 'b3'], counts)];
      const page = protectTables(tables, { threshold: 4 });
      expectSafe(tables, page, 4);
    }
  });
});

describe('exact audit', () => {
  it('finds a withheld cell that follows from the shown figures', () => {
    const tables = [
      oneWay('t', 'x', [
        ['a', 2],
        ['b', 9],
      ]),
    ];
    const { lines, keys } = pageSystem(tables);
    const a = keys[0]?.cells[0]?.[0] ?? '';
    expect(determinedCells(lines, new Set([a]))).toEqual([a]);
    const b = keys[0]?.cells[1]?.[0] ?? '';
    expect(determinedCells(lines, new Set([a, b]))).toEqual([]);
  });
});

describe('rounding', () => {
  it('rounds shown counts to the base and leaves withheld cells withheld', () => {
    expect(roundToBase(0, 5)).toBe(0);
    expect(roundToBase(12, 5)).toBe(10);
    expect(roundToBase(13, 5)).toBe(15);
    expect(roundToBase(13, 1)).toBe(13);
    const page = protectTables(
      [
        oneWay('t', 'x', [
          ['a', 12],
          ['b', 2],
          ['c', 23],
        ]),
      ],
      { threshold: 5, roundingBase: 5 },
    );
    expect(cell(page, 0, 0)?.value).toBeNull(); // complement of b
    expect(cell(page, 0, 2)?.value).toBe(25);
    expect(page.tables[0]?.grandTotal.value).toBe(35);
    expect(page.roundingBase).toBe(5);
  });
});
