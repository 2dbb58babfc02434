import { trainingModules } from '@lykt/content/knowledge';
import { overviewContent } from '@lykt/content/overview';
import { lastClosedYear, localDate, STATISTICS_LABELS, statisticsYear, type HtcdsExport, type HtcdsExportQuery, type KomSummary, type KomSummaryQuery, type StatisticsExportQuery, type StatisticsTable } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { renderXlsx } from '../../platform/documents/render';
import { AppError } from '../../platform/errors';
import { HTCDS_FIELDS, kAnonymise, toHtcdsRecord } from './htcds';
import { loadYearFacts, municipalityThreshold, releaseFor, releasePeriod, type Release } from './statistics.service';
import { dateTimeFormat, displayNames } from '../../platform/intl';

export type ExportFile = {
  fileName: string;
  contentType: string;
  body: Buffer;
};

const TEXTS = {
  nb: {
    code: 'Kode',
    category: 'Kategori',
    count: 'Antall',
    total: 'Totalt',
    withheld: (k: number) => `færre enn ${k}`,
    note: (k: number, d: number, release: string) =>
      `${release}. Tallene er publisert med støy (cellenøkkelmetoden): hvert tall kan avvike med opptil ${d} fra det sanne, og summer kan avvike litt fra totalen. Tall under ${k} vises som «Færre enn ${k}», også null.`,
    release: (period: string, number: number, date: string) => `Publisert utgave ${number} for ${period}, ${date}`,
    multi: 'En sak kan telle i flere rader.',
  },
  en: {
    code: 'Code',
    category: 'Category',
    count: 'Count',
    total: 'Total',
    withheld: (k: number) => `fewer than ${k}`,
    note: (k: number, d: number, release: string) =>
      `${release}. Figures are published with noise (cell-key method): each may differ by up to ${d} from the true count, and sums may differ slightly from the total. Counts below ${k} read "Fewer than ${k}", zeros included.`,
    release: (period: string, number: number, date: string) => `Published release ${number} for ${period}, ${date}`,
    multi: 'A case may count in several rows.',
  },
} as const;

/** CSV cell: quoted, and a leading formula character neutralised (CSV injection). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as a CSV file (UTF-8 with BOM, cells quoted and guarded against formula injection). */
export function csv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

type Lang = 'nb' | 'en';

/** The name of a category as the statistics page shows it, in the export's language. */
export function categoryLabel(dimension: string, key: string, lang: Lang): string {
  const labels = STATISTICS_LABELS[lang];
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  if (dimension === 'month' && /^\d{4}-\d{2}$/.test(key)) return dateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));
  if (dimension === 'quarter') return key.slice(-2);
  if (key.startsWith('region:')) return (labels.regions as Record<string, string>)[key.slice(7)] ?? key;
  if (dimension === 'nationality' && /^[A-Z]{2}$/.test(key)) return displayNames([locale], { type: 'region' }).of(key) ?? key;
  if (dimension === 'module') return trainingModules().find((module) => module.key === key)?.title[lang] ?? key;
  return (labels.values as Record<string, string>)[key] ?? key;
}

/**
 * A table as rows of text: header, one row per category, the total, and the note. Categories and columns carry the
 * page's names in the chosen language; the first column keeps the stable code so a file can be read by a machine in any language.
 */
function tableRows(table: StatisticsTable, lang: Lang, release: Release): string[][] {
  const t = TEXTS[lang];
  const threshold = release.parameters.threshold;
  const show = (value: number | null) => (value === null ? t.withheld(threshold) : String(value));
  const twoWay = table.columnDimension !== null;
  const dimension = (STATISTICS_LABELS[lang].dimensions as Record<string, string>)[table.dimension] ?? t.category;
  const columns = table.columns.map((column) => categoryLabel(table.columnDimension ?? '', column, lang));
  const header = [t.code, dimension, ...(twoWay ? [...columns, t.total] : [t.count])];
  const body = table.rows.map((row) => [row.key, categoryLabel(table.dimension, row.key, lang), ...row.values.map(show), ...(twoWay ? [show(row.total)] : [])]);
  const notes = [[releaseNote(release, lang)], ...(table.multiValued ? [[t.multi]] : [])];
  return [[table.id], header, ...body, ['', t.total, show(table.total)], ...notes];
}

/** The note every published file carries: which release, and how its figures were protected. */
function releaseNote(release: Release, lang: Lang): string {
  const t = TEXTS[lang];
  return t.note(release.parameters.threshold, release.parameters.noiseMax, t.release(release.info.periodKey, release.info.number, localDate(new Date(release.info.publishedAt))));
}

/** The release a file is made from: a closed period's latest release; an open period has none to export. */
async function releaseOf(deps: Deps, actor: UserActor, query: { year?: number | undefined; pool?: number | undefined }): Promise<Release> {
  const period = releasePeriod(query.year ?? lastClosedYear(), query.pool ?? 1);
  const release = await releaseFor(deps.db, actor.municipalityId, period);
  if (!release) throw new AppError('PERIOD_OPEN', `The period ${period.key} has not closed yet; its figures are published after it closes.`);
  return release;
}

/** CSV or XLSX of one table (or all) of the protected page: the same figures the page shows. */
/** `onStep` reports progress to a background download (modules/downloads): 'rendering' once the figures are protected. */
export async function exportStatistics(deps: Deps, actor: UserActor, query: StatisticsExportQuery, onStep?: (step: 'rendering') => Promise<void>): Promise<ExportFile> {
  const release = await releaseOf(deps, actor, query);
  await onStep?.('rendering');
  const year = release.info.periodKey;
  const tables = query.table ? release.tables.filter((table) => table.id === query.table) : release.tables;
  if (tables.length === 0) throw new AppError('NOT_FOUND', `There is no statistics table "${query.table ?? ''}".`);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'statistics.exported',
      entityType: 'statistics',
      entityId: null,
      details: { period: year, release: release.info.number, table: query.table ?? 'all', format: query.format },
    }),
  );
  const base = `statistikk-${year}-${query.table ?? 'alle'}`.replace(/[^a-z0-9.-]/gi, '-');
  if (query.format === 'csv') {
    const rows = tables.flatMap((table, index) => [...(index > 0 ? [[]] : []), ...tableRows(table, query.lang, release)]);
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: csv(rows),
    };
  }
  const body = await renderXlsx(
    tables.map((table) => ({
      name: table.id,
      rows: tableRows(table, query.lang, release),
    })),
  );
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

/** KOM's category of each statistics table of cases. */
const KOM_TABLES: Record<string, string> = {
  new_or_continuing: 'case.new_or_continuing',
  gender: 'case.gender',
  minor: 'case.minor',
  nationality: 'case.nationality',
  exploitation_form: 'case.form',
  identifying_service: 'case.service',
  residence_status: 'case.residence',
  assisted_return: 'case.assisted_return',
  child_welfare_measure: 'case.child_welfare_measure',
  police_report: 'case.police_report',
  outcome: 'case.outcome',
};

/** The yearly summary in KOM's categories, from the same protected page. */
export async function komSummary(deps: Deps, actor: UserActor, query: KomSummaryQuery): Promise<KomSummary> {
  const release = await releaseOf(deps, actor, query);
  const regions = overviewContent().regions.regions;
  const label = (dimension: string, key: string) =>
    key.startsWith('region:') ? (regions.find((region) => `region:${region.key}` === key)?.title[query.lang] ?? key) : categoryLabel(dimension, key, query.lang);
  return {
    year: Number(release.info.periodKey.slice(-4)),
    suppressionThreshold: release.parameters.threshold,
    categories: overviewContent().kom.categories.map((category) => {
      const table = release.tables.find((candidate) => candidate.id === KOM_TABLES[category.key]);
      return {
        key: category.key,
        title: category.title[query.lang],
        rows: (table?.rows ?? []).map((row) => ({
          key: row.key,
          label: label(table?.dimension ?? '', row.key),
          count: row.total,
        })),
        total: table?.total ?? null,
        multiValued: table?.multiValued ?? false,
      };
    }),
  };
}

export async function komSummaryFile(deps: Deps, actor: UserActor, query: KomSummaryQuery): Promise<ExportFile> {
  const summary = await komSummary(deps, actor, query);
  const release = await releaseOf(deps, actor, query);
  const t = TEXTS[query.lang];
  const show = (value: number | null) => (value === null ? t.withheld(summary.suppressionThreshold) : String(value));
  const rows = summary.categories.flatMap((category) => [[category.title], [t.category, t.count], ...category.rows.map((row) => [row.label, show(row.count)]), [t.total, show(category.total)], []]);
  rows.push([releaseNote(release, query.lang)]);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'statistics.exported',
      entityType: 'statistics',
      entityId: null,
      details: { year: summary.year, table: 'kom', format: query.format },
    }),
  );
  const base = `kom-arsrapport-${release.info.periodKey}`;
  if (query.format === 'xlsx')
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await renderXlsx([{ name: 'KOM', rows }]),
    };
  return {
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: csv(rows),
  };
}

/** The HTCDS-shaped export of one year's cases: coded fields only; k-anonymised by default. Audited. */
export async function htcdsExport(deps: Deps, actor: UserActor, query: HtcdsExportQuery, lang: Lang = 'en'): Promise<HtcdsExport> {
  const year = statisticsYear(query);
  const [facts, threshold] = await Promise.all([loadYearFacts(deps.db, actor.municipalityId, year), municipalityThreshold(deps.db, actor.municipalityId)]);
  const records = facts.case.map((record, index) => toHtcdsRecord(record, index + 1));
  const k = query.variant === 'k_anonymised' ? Math.max(threshold, query.k ?? threshold) : null;
  const result =
    k === null
      ? {
          records,
          report: {
            casesInPeriod: records.length,
            exported: records.length,
            dropped: 0,
            steps: [],
          },
        }
      : kAnonymise(records, k, lang);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'statistics.htcds.exported',
      entityType: 'statistics',
      entityId: null,
      details: {
        year,
        variant: query.variant,
        k,
        exported: result.report.exported,
        dropped: result.report.dropped,
      },
    }),
  );
  return {
    year,
    variant: query.variant,
    k,
    fields: HTCDS_FIELDS,
    records: result.records,
    report: result.report,
  };
}

export function htcdsCsv(data: HtcdsExport): ExportFile {
  const rows = [data.fields, ...data.records.map((record) => data.fields.map((field) => record[field] ?? ''))];
  return {
    fileName: `htcds-${data.year}-${data.variant}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: csv(rows),
  };
}
