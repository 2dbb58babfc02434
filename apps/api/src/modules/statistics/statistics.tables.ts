import { trainingModules } from '@lykt/content/knowledge';
import { overviewContent, regionOf } from '@lykt/content/overview';
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
  addRecord,
  cellKeyOf,
  perturbTable,
  perturbationTable,
  type CellKeyParameters,
  type KeyedCount,
  type KeyedTable,
  type StatisticsDimension,
  type StatisticsSource,
  type StatisticsTable,
} from '@lykt/shared';
import { procurementTables, type ProcurementFacts } from './statistics.procurement';
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
  /** Contracts, checks and findings (plan area H); absent in older fixtures. */
  procurement?: ProcurementFacts;
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

/** The fixed nationality categories of every published table: the regions, then "unknown". */
export function nationalityCategories(): string[] {
  return [...overviewContent().regions.regions.map((region) => `region:${region.key}`), 'unknown'];
}

/**
 * Nationality as published: always its region ("region:<key>"), "unknown" when not recorded. The
 * categories are fixed, so a listed region says nothing about whether a record from it exists.
 * The internal page (exact=true) keeps the country code.
 */
export function nationalityOf(record: PersonFacts, exact: boolean): string {
  if (!record.nationality) return 'unknown';
  return exact ? record.nationality : `region:${regionOf(record.nationality)}`;
}

function personSpecs<T extends PersonFacts>(
  source: StatisticsSource,
  records: readonly T[],
  forms: readonly string[],
  sectors: readonly string[],
  services: readonly string[],
  exact: boolean,
): Spec[] {
  const nationalities = exact
    ? [...new Set(records.map((record) => nationalityOf(record, true)))].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)))
    : nationalityCategories();
  return [
    spec<T>(`${source}.form`, source, 'form', forms, (r) => r.forms, true),
    spec<T>(`${source}.sector`, source, 'sector', sectors, (r) => r.sectors, source === 'case'),
    spec<T>(`${source}.age_band`, source, 'age_band', AGE_BANDS, (r) => [r.ageBand]),
    spec<T>(`${source}.minor`, source, 'minor', MINOR_GROUPS, (r) => [r.minor]),
    spec<T>(`${source}.gender`, source, 'gender', GENDERS, (r) => [r.gender]),
    spec<T>(`${source}.nationality`, source, 'nationality', nationalities, (r) => [nationalityOf(r, exact)]),
    spec<T>(`${source}.service`, source, 'service', services, (r) => [r.service]),
  ];
}

/** The one-way tables of every source, in page order. Every category list is fixed (the internal page lists the countries it has). */
function specsFor(facts: YearFacts, exact: boolean): Spec[] {
  return [
    ...personSpecs('screening', facts.screening, EXPLOITATION_FORMS, SECTORS, SCREENING_CONTEXTS, exact),
    spec<ScreeningFacts>('screening.level', 'screening', 'level', SIGNAL_LEVELS, (r) => [r.level]),
    ...personSpecs('concern', facts.concern, EXPLOITATION_FORMS, SECTORS, SCREENING_CONTEXTS, exact),
    spec<ConcernFacts>('concern.outcome', 'concern', 'outcome', ['open', ...CLOSE_REASONS], (r) => [r.outcome]),
    spec<TipFacts>('tip.place', 'tip', 'place', TIP_PLACE_KINDS, (r) => [r.place]),
    spec<TipFacts>('tip.minor', 'tip', 'minor', TIP_MINOR_ANSWERS, (r) => [r.minor]),
    spec<TipFacts>('tip.status', 'tip', 'status', TIP_STATUSES, (r) => [r.status]),
    spec<TipFacts>('tip.immediate_danger', 'tip', 'immediate_danger', ['yes', 'no'], (r) => [r.immediateDanger]),
    spec<TipFacts>('tip.became_concern', 'tip', 'became_concern', ['yes', 'no'], (r) => [r.becameConcern]),
    spec<CaseFacts>('case.new_or_continuing', 'case', 'new_or_continuing', ['new', 'continuing'], (r) => [r.isNew ? 'new' : 'continuing']),
    ...personSpecs('case', facts.case, CASE_EXPLOITATION_FORMS, CASE_SECTORS, IDENTIFYING_SERVICES, exact),
    spec<CaseFacts>('case.residence', 'case', 'residence', RESIDENCE_STATUSES, (r) => [r.residence]),
    spec<CaseFacts>('case.outcome', 'case', 'outcome', ['pending', ...CASE_OUTCOMES], (r) => [r.outcome]),
    spec<CaseFacts>('case.assisted_return', 'case', 'assisted_return', YES_NO_UNKNOWN, (r) => [r.assistedReturn]),
    spec<CaseFacts>('case.child_welfare_measure', 'case', 'child_welfare_measure', YES_NO_UNKNOWN, (r) => [r.childWelfareMeasure]),
    spec<CaseFacts>('case.police_report', 'case', 'police_report', YES_NO_UNKNOWN, (r) => [r.policeReport]),
    spec<ReferralFacts>('referral.need', 'referral', 'need', NEED_KINDS, (r) => [r.need]),
    spec<ReferralFacts>('referral.status', 'referral', 'status', REFERRAL_STATUSES, (r) => [r.status]),
    spec<TrainingFacts>('training.module', 'training', 'module', TRAINING_MODULE_KEYS(), (r) => [r.module]),
    spec<TrainingFacts>('training.service', 'training', 'service', ORGANISATION_KINDS, (r) => [r.service]),
  ];
}

const TRAINING_MODULE_KEYS = () => trainingModules().map((module) => module.key);

type Keyed = { key: number };
const empty = (): KeyedCount => ({ count: 0, key: 0 });
const keyedOf = (records: readonly Keyed[]): KeyedCount => ({ count: records.length, key: cellKeyOf(records.map((record) => record.key)) });

function tally(records: readonly Keyed[], categories: readonly string[], of: (record: never) => string[]): KeyedCount[] {
  const index = new Map(categories.map((category, position) => [category, position]));
  const cells = categories.map(empty);
  for (const record of records) {
    for (const category of new Set(of(record as never))) {
      const cell = cells[index.get(category) ?? -1];
      // A value outside the catalogue (older data) is counted nowhere rather than guessed.
      if (cell) addRecord(cell, record.key);
    }
  }
  return cells;
}

/** Quarter × month-of-quarter: the month view and the quarter view come from one table. */
function timeTable(source: StatisticsSource, records: ReadonlyArray<Keyed & { day: string }>): KeyedTable {
  const cells = QUARTERS.map(() => MONTHS_OF_QUARTER.map(empty));
  const rowTotals = QUARTERS.map(empty);
  const columnTotals = MONTHS_OF_QUARTER.map(empty);
  for (const record of records) {
    const month = Number(record.day.slice(5, 7)) - 1;
    const cell = cells[Math.floor(month / 3)]?.[month % 3];
    if (!cell) continue;
    addRecord(cell, record.key);
    addRecord(rowTotals[Math.floor(month / 3)] as KeyedCount, record.key);
    addRecord(columnTotals[month % 3] as KeyedCount, record.key);
  }
  return {
    id: `${source}.time`,
    population: source,
    rowDimension: 'quarter',
    rows: [...QUARTERS],
    columnDimension: 'month_of_quarter',
    columns: [...MONTHS_OF_QUARTER],
    cells,
    rowTotals,
    columnTotals,
    grandTotal: keyedOf(records),
  };
}

/** Exploitation form × minor for cases: the KOM cross-table. */
function formByMinor(cases: readonly CaseFacts[]): KeyedTable {
  return {
    id: 'case.form_by_minor',
    population: 'case',
    rowDimension: 'form',
    rows: [...CASE_EXPLOITATION_FORMS],
    columnDimension: 'minor',
    columns: [...MINOR_GROUPS],
    cells: CASE_EXPLOITATION_FORMS.map((form) => MINOR_GROUPS.map((minor) => keyedOf(cases.filter((c) => c.minor === minor && c.forms.includes(form))))),
    rowTotals: CASE_EXPLOITATION_FORMS.map((form) => keyedOf(cases.filter((c) => c.forms.includes(form)))),
    columnTotals: MINOR_GROUPS.map((minor) => keyedOf(cases.filter((c) => c.minor === minor))),
    grandTotal: keyedOf(cases),
  };
}

/**
 * Every count table of a period with the keyed count of every cell (count and cell key). Month and
 * quarter tables only for a single year (pooled years are published without them).
 */
export function yearTables(facts: YearFacts, exact: boolean, options: { timeTables?: boolean } = {}): { tables: KeyedTable[]; multiValued: Set<string> } {
  const tables: KeyedTable[] = [];
  const multiValued = new Set<string>();
  if (options.timeTables ?? true) {
    for (const source of ['screening', 'concern', 'tip', 'referral', 'training'] as const) tables.push(timeTable(source, facts[source]));
    // New cases by month.
    tables.push(timeTable('case', facts.case.filter((c) => c.isNew)));
  }
  for (const item of specsFor(facts, exact)) {
    const records = facts[item.source] as readonly Keyed[];
    if (item.multiValued) multiValued.add(item.id);
    tables.push({
      id: item.id,
      population: item.source,
      rowDimension: item.dimension,
      rows: [...item.categories],
      cells: tally(records, item.categories, item.of).map((cell) => [cell]),
      grandTotal: keyedOf(records),
    });
  }
  tables.push(formByMinor(facts.case));
  multiValued.add('case.form_by_minor');
  if (facts.procurement) tables.push(...procurementTables(facts.procurement));
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
  const { tables, multiValued } = yearTables(facts, true);
  const exact = (cell: KeyedCount): Cell => ({ value: cell.count });
  return presentTables(
    facts.year,
    tables.map((table) => ({
      id: table.id,
      rows: table.rows,
      ...(table.columns ? { columns: table.columns } : {}),
      cells: table.cells.map((row) => row.map(exact)),
      ...(table.rowTotals ? { rowTotals: table.rowTotals.map(exact) } : {}),
      grandTotal: exact(table.grandTotal),
    })),
    multiValued,
  );
}

/**
 * The published tables of a period: every figure perturbed by the cell-key method and every
 * perturbed count below k published as "fewer than k" (null). Fixed categories throughout.
 */
export function publishedTables(facts: YearFacts, parameters: CellKeyParameters, options: { timeTables?: boolean } = {}): StatisticsTable[] {
  const { tables, multiValued } = yearTables(facts, false, options);
  const perturbation = perturbationTable(parameters.noiseMax, parameters.noiseVariance);
  return presentTables(
    facts.year,
    tables.map((table) => perturbTable(table, parameters, perturbation)),
    multiValued,
  );
}
