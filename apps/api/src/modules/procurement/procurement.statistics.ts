import { procurementReportTexts } from '@lykt/content/procurement';
import { lastClosedYear, localDate, type StatisticsReleaseInfo, type StatisticsTable } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { csv } from '../statistics/statistics.export';
import { releaseFor, releasePeriod } from '../statistics/statistics.service';
import { FIGURE_KEYS, type FigureKey } from './procurement.figures';

/** The seven procurement figures read from a statistics release's procurement tables (null: fewer than k, or not in that release). */
export function figuresFromRelease(tables: readonly StatisticsTable[]): Record<FigureKey, number | null> {
  const table = (id: string) => tables.find((entry) => entry.id === id);
  const row = (id: string, key: string) => table(id)?.rows.find((entry) => entry.key === key)?.total ?? null;
  return {
    contracts: table('procurement.contract_risk')?.total ?? null,
    highRiskContracts: row('procurement.contract_risk', 'high_risk'),
    checksPlanned: table('procurement.check_done')?.total ?? null,
    checksDone: row('procurement.check_done', 'done'),
    findings: table('procurement.sanction')?.total ?? null,
    findingsWithSanction: row('procurement.sanction', 'with_sanction'),
    concernsStarted: row('procurement.finding_concern', 'yes'),
  };
}

/**
 * Procurement figures for a closed calendar year, as the statistics page shows them: read from the year's
 * stored statistics release (cell-key noise, counts below k withheld), never counted live. Two readings
 * therefore give the same figures until a new release is published, and a new release perturbs every
 * figure again from its records' keys: the difference between two readings does not reveal one record.
 */
export async function figuresForYear(
  deps: Deps,
  actor: UserActor,
  year: number,
): Promise<{ year: number; threshold: number; noiseMax: number; release: StatisticsReleaseInfo | null; inRelease: boolean; figures: Record<FigureKey, number | null> }> {
  if (year > lastClosedYear()) throw new AppError('PERIOD_OPEN', `The year ${year} has not closed yet; its figures are shown after it closes.`);
  const release = await releaseFor(deps.db, actor.municipalityId, releasePeriod(year));
  if (!release) throw new AppError('PERIOD_OPEN', `The year ${year} has not closed yet; its figures are shown after it closes.`);
  const inRelease = release.tables.some((table) => table.source === 'procurement');
  return { year, threshold: release.parameters.threshold, noiseMax: release.parameters.noiseMax, release: release.info, inRelease, figures: figuresFromRelease(release.tables) };
}

/** The same figures as a CSV file, with the release they come from; the export is audited like the other statistics exports. */
export async function figuresCsv(deps: Deps, actor: UserActor, year: number, lang: 'nb' | 'en'): Promise<{ fileName: string; body: Buffer }> {
  const { threshold, figures, release } = await figuresForYear(deps, actor, year);
  const texts = procurementReportTexts[lang];
  const withheld = lang === 'nb' ? `færre enn ${threshold}` : `fewer than ${threshold}`;
  const releaseNote =
    lang === 'nb'
      ? `Statistikkutgivelse ${release?.periodKey ?? year} nr. ${release?.number ?? 0}, publisert ${release ? localDate(new Date(release.publishedAt)) : ''}. Tallene har støy og tall under ${threshold} er holdt tilbake.`
      : `Statistics release ${release?.periodKey ?? year} no. ${release?.number ?? 0}, published ${release ? localDate(new Date(release.publishedAt)) : ''}. The figures carry noise and figures below ${threshold} are withheld.`;
  const rows = [
    [texts.tableCaption, String(year)],
    ['code', texts.columns.figure, texts.columns.count],
    ...FIGURE_KEYS.map((key) => [key, texts.rows[key], figures[key] === null ? withheld : String(figures[key])]),
    [releaseNote],
  ];
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'statistics.exported', entityType: 'statistics', entityId: null, details: { period: String(year), table: 'procurement', format: 'csv' } }),
  );
  return { fileName: `anskaffelser-${year}.csv`, body: csv(rows) };
}
