import { regionOf } from '@lykt/content/overview';
import {
  AGE_BANDS,
  CASE_EXPLOITATION_FORMS,
  CASE_OUTCOMES,
  CASE_SECTORS,
  CLOSE_REASONS,
  EXPLOITATION_FORMS,
  GENDERS,
  IDENTIFYING_SERVICES,
  NEED_KINDS,
  ORGANISATION_KINDS,
  REFERRAL_STATUSES,
  RESIDENCE_STATUSES,
  SCREENING_CONTEXTS,
  SECTORS,
  SIGNAL_LEVELS,
  TIP_MINOR_ANSWERS,
  TIP_PLACE_KINDS,
  TIP_STATUSES,
  protectTables,
  type CountTable,
  type StatisticsDimension,
  type StatisticsSource,
  type StatisticsTable,
} from '@lykt/shared';
import type { CaseFacts, ConcernFacts, PersonFacts, ReferralFacts, ScreeningFacts, TipFacts, TrainingFacts } from './statistics.sources';

/** Everything counted for one municipality and one year. */
export type YearFacts = {
  year: number;
  screening: ScreeningFacts[];
  concern: ConcernFacts[];
  tip: TipFacts[];
  case: CaseFacts[];
  referral: ReferralFacts[];
  training: TrainingFacts[];
};

type Spec = {
  id: string;
  source: StatisticsSource;
  dimension: StatisticsDimension;
  /** The categories in order; every one is shown, zeros included. */
  categories: readonly string[];
  /** The categories a record falls in (several for a multi-valued dimension). */
  of: (record: never) => string[];
  multiValued: boolean;
  /** Records counted (default: the source's records). */
  subset?: 'new_cases';
};

const MINOR_GROUPS = ['minor', 'adult', 'unknown'] as const;
const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const MONTHS_OF_QUARTER = ['1', '2', '3'] as const;

function spec<T>(id: string, source: StatisticsSource, dimension: StatisticsDimension, categories: readonly string[], of: (record: T) => string[], multiValued = false): Spec {
  return { id, source, dimension, categories, of: of, multiValued };
}

/**
 * Nationality as shown: a country code when at least k records of the population share it, its
 * region ("region:<key>") otherwise, "unknown" when not recorded. Internal pages keep countries.
 */
export function nationalityGrouping(records: readonly PersonFacts[], threshold: number | null): (record: PersonFacts) => string {
  const counts = new Map<string, number>();
  for (const record of records) if (record.nationality) counts.set(record.nationality, (counts.get(record.nationality) ?? 0) + 1);
  return (record) => {
    if (!record.nationality) return 'unknown';
    if (threshold === null || (counts.get(record.nationality) ?? 0) >= threshold) return record.nationality;
    return `region:${regionOf(record.nationality)}`;
  };
}

function personSpecs<T extends PersonFacts>(
  source: StatisticsSource,
  records: readonly T[],
  forms: readonly string[],
  sectors: readonly string[],
  services: readonly string[],
  threshold: number | null,
): Spec[] {
  const nationality = nationalityGrouping(records, threshold);
  const nationalities = [...new Set(records.map(nationality))].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)));
  return [
    spec<T>(`${source}.form`, source, 'form', forms, (r) => r.forms, true),
    spec<T>(`${source}.sector`, source, 'sector', sectors, (r) => r.sectors, source === 'case'),
    spec<T>(`${source}.age_band`, source, 'age_band', AGE_BANDS, (r) => [r.ageBand]),
    spec<T>(`${source}.minor`, source, 'minor', MINOR_GROUPS, (r) => [r.minor]),
    spec<T>(`${source}.gender`, source, 'gender', GENDERS, (r) => [r.gender]),
    spec<T>(`${source}.nationality`, source, 'nationality', nationalities, (r) => [nationality(r)]),
    spec<T>(`${source}.service`, source, 'service', services, (r) => [r.service]),
  ];
}

/** The one-way tables of every source, in page order. */
function specsFor(facts: YearFacts, threshold: number | null): Spec[] {
  return [
    ...personSpecs('screening', facts.screening, EXPLOITATION_FORMS, SECTORS, SCREENING_CONTEXTS, threshold),
    spec<ScreeningFacts>('screening.level', 'screening', 'level', SIGNAL_LEVELS, (r) => [r.level]),
    ...personSpecs('concern', facts.concern, EXPLOITATION_FORMS, SECTORS, SCREENING_CONTEXTS, threshold),
    spec<ConcernFacts>('concern.outcome', 'concern', 'outcome', ['open', ...CLOSE_REASONS], (r) => [r.outcome]),
    spec<TipFacts>('tip.place', 'tip', 'place', TIP_PLACE_KINDS, (r) => [r.place]),
    spec<TipFacts>('tip.minor', 'tip', 'minor', TIP_MINOR_ANSWERS, (r) => [r.minor]),
    spec<TipFacts>('tip.status', 'tip', 'status', TIP_STATUSES, (r) => [r.status]),
    spec<CaseFacts>('case.new_or_continuing', 'case', 'new_or_continuing', ['new', 'continuing'], (r) => [r.isNew ? 'new' : 'continuing']),
    ...personSpecs('case', facts.case, CASE_EXPLOITATION_FORMS, CASE_SECTORS, IDENTIFYING_SERVICES, threshold),
    spec<CaseFacts>('case.residence', 'case', 'residence', RESIDENCE_STATUSES, (r) => [r.residence]),
    spec<CaseFacts>('case.outcome', 'case', 'outcome', ['pending', ...CASE_OUTCOMES], (r) => [r.outcome]),
    spec<CaseFacts>('case.assisted_return', 'case', 'assisted_return', YES_NO_UNKNOWN, (r) => [r.assistedReturn]),
    spec<CaseFacts>('case.child_welfare_measure', 'case', 'child_welfare_measure', YES_NO_UNKNOWN, (r) => [r.childWelfareMeasure]),
    spec<CaseFacts>('case.police_report', 'case', 'police_report', YES_NO_UNKNOWN, (r) => [r.policeReport]),
    spec<ReferralFacts>('referral.need', 'referral', 'need', NEED_KINDS, (r) => [r.need]),
    spec<ReferralFacts>('referral.status', 'referral', 'status', REFERRAL_STATUSES, (r) => [r.status]),
    spec<TrainingFacts>('training.module', 'training', 'module', [...new Set(facts.training.map((r) => r.module))].sort(), (r) => [r.module]),
    spec<TrainingFacts>('training.service', 'training', 'service', ORGANISATION_KINDS, (r) => [r.service]),
  ];
}

function tally(records: readonly unknown[], categories: readonly string[], of: (record: never) => string[]): number[] {
  const index = new Map(categories.map((category, position) => [category, position]));
  const counts = categories.map(() => 0);
  for (const record of records) {
    for (const category of of(record as never)) {
      const position = index.get(category);
      // A value outside the catalogue (older data) is counted nowhere rather than guessed.
      if (position !== undefined) counts[position] = (counts[position] ?? 0) + 1;
    }
  }
  return counts;
}

/** Quarter × month-of-quarter: the month view and the quarter view come from one protected table. */
function timeTable(source: StatisticsSource, days: readonly string[], context: Record<string, string>): CountTable {
  const counts = QUARTERS.map(() => MONTHS_OF_QUARTER.map(() => 0));
  for (const day of days) {
    const month = Number(day.slice(5, 7)) - 1;
    const row = counts[Math.floor(month / 3)];
    if (row) row[month % 3] = (row[month % 3] ?? 0) + 1;
  }
  return {
    id: `${source}.time`,
    population: source,
    rowDimension: 'quarter',
    rows: [...QUARTERS],
    columnDimension: 'month_of_quarter',
    columns: [...MONTHS_OF_QUARTER],
    counts,
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: MONTHS_OF_QUARTER.map((_, column) => counts.reduce((sum, row) => sum + (row[column] ?? 0), 0)),
    grandTotal: days.length,
    rowsAdditive: true,
    columnsAdditive: true,
    context,
  };
}

/** Exploitation form × minor for cases: the KOM cross-table. */
function formByMinor(cases: readonly CaseFacts[], context: Record<string, string>): CountTable {
  const counts = CASE_EXPLOITATION_FORMS.map((form) => MINOR_GROUPS.map((minor) => cases.filter((c) => c.minor === minor && c.forms.includes(form)).length));
  return {
    id: 'case.form_by_minor',
    population: 'case',
    rowDimension: 'form',
    rows: [...CASE_EXPLOITATION_FORMS],
    columnDimension: 'minor',
    columns: [...MINOR_GROUPS],
    counts,
    rowTotals: CASE_EXPLOITATION_FORMS.map((form) => cases.filter((c) => c.forms.includes(form)).length),
    columnTotals: MINOR_GROUPS.map((minor) => cases.filter((c) => c.minor === minor).length),
    grandTotal: cases.length,
    rowsAdditive: false,
    columnsAdditive: true,
    context,
  };
}

/** Every count table of a year, as computed (exact). */
export function yearTables(facts: YearFacts, threshold: number | null): { tables: CountTable[]; multiValued: Set<string> } {
  const context = { year: String(facts.year) };
  const recordsOf = (source: StatisticsSource): readonly unknown[] => facts[source];
  const tables: CountTable[] = [];
  const multiValued = new Set<string>();
  for (const source of ['screening', 'concern', 'tip', 'referral', 'training'] as const)
    tables.push(
      timeTable(
        source,
        facts[source].map((r) => r.day),
        context,
      ),
    );
  // New cases by month are the "new" row of the case population, linked through their context.
  tables.push({
    ...timeTable(
      'case',
      facts.case.filter((c) => c.isNew).map((c) => c.day),
      { ...context, new_or_continuing: 'new' },
    ),
    id: 'case.time',
  });
  for (const item of specsFor(facts, threshold)) {
    const records = recordsOf(item.source);
    const counts = tally(records, item.categories, item.of);
    if (item.multiValued) multiValued.add(item.id);
    tables.push({
      id: item.id,
      population: item.source,
      rowDimension: item.dimension,
      rows: [...item.categories],
      counts: counts.map((count) => [count]),
      grandTotal: records.length,
      rowsAdditive: !item.multiValued,
      context,
    });
  }
  tables.push(formByMinor(facts.case, context));
  multiValued.add('case.form_by_minor');
  return { tables, multiValued };
}

type Cell = { value: number | null };
type Shaped = {
  id: string;
  rows: string[];
  columns?: string[];
  cells: Cell[][];
  rowTotals?: Cell[];
  grandTotal: Cell;
};

/** Turns protected (or exact) tables into the page's tables; the time table becomes a month and a quarter table. */
export function presentTables(year: number, tables: readonly Shaped[], multiValued: ReadonlySet<string>): StatisticsTable[] {
  const out: StatisticsTable[] = [];
  for (const table of tables) {
    const [source, dimension] = table.id.split('.') as [StatisticsSource, string];
    if (dimension === 'time') {
      const months: StatisticsTable['rows'] = [];
      table.cells.forEach((row, quarter) =>
        row.forEach((cell, month) =>
          months.push({
            key: `${year}-${String(quarter * 3 + month + 1).padStart(2, '0')}`,
            values: [cell.value],
            total: cell.value,
          }),
        ),
      );
      out.push({
        id: `${source}.month`,
        source,
        dimension: 'month',
        columnDimension: null,
        columns: ['count'],
        rows: months,
        total: table.grandTotal.value,
        multiValued: false,
      });
      out.push({
        id: `${source}.quarter`,
        source,
        dimension: 'quarter',
        columnDimension: null,
        columns: ['count'],
        rows: (table.rowTotals ?? []).map((cell, quarter) => ({
          key: `${year}-Q${quarter + 1}`,
          values: [cell.value],
          total: cell.value,
        })),
        total: table.grandTotal.value,
        multiValued: false,
      });
      continue;
    }
    const twoWay = table.columns !== undefined;
    out.push({
      id: table.id,
      source,
      dimension: (twoWay ? dimension.split('_by_')[0] : dimension) as StatisticsDimension,
      columnDimension: twoWay ? ((dimension.split('_by_')[1] ?? null) as StatisticsDimension | null) : null,
      columns: table.columns ?? ['count'],
      rows: table.rows.map((key, index) => ({
        key,
        values: (table.cells[index] ?? []).map((cell) => cell.value),
        total: twoWay ? (table.rowTotals?.[index]?.value ?? null) : (table.cells[index]?.[0]?.value ?? null),
      })),
      total: table.grandTotal.value,
      multiValued: multiValued.has(table.id),
    });
  }
  return out;
}

/** The exact tables (internal page): counts as computed, countries never grouped. */
export function exactTables(facts: YearFacts): StatisticsTable[] {
  const { tables, multiValued } = yearTables(facts, null);
  const exact = (value: number): Cell => ({ value });
  return presentTables(
    facts.year,
    tables.map((table) => ({
      id: table.id,
      rows: table.rows,
      ...(table.columns ? { columns: table.columns } : {}),
      cells: table.counts.map((row) => row.map(exact)),
      ...(table.rowTotals ? { rowTotals: table.rowTotals.map(exact) } : {}),
      grandTotal: exact(table.grandTotal),
    })),
    multiValued,
  );
}

/** The disclosure-controlled tables: every table of the year protected together. */
export function protectedTables(
  facts: YearFacts,
  threshold: number,
  roundingBase = 1,
): {
  tables: StatisticsTable[];
  withheld: number;
  threshold: number;
  roundingBase: number;
} {
  const { tables, multiValued } = yearTables(facts, threshold);
  const page = protectTables(tables, { threshold, roundingBase });
  return {
    tables: presentTables(facts.year, page.tables, multiValued),
    withheld: page.withheld,
    threshold: page.threshold,
    roundingBase: page.roundingBase,
  };
}
