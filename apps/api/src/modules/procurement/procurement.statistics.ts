import { procurementReportTexts } from '@lykt/content/procurement';
import { lastClosedYear } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { csv } from '../statistics/statistics.export';
import { municipalityThreshold } from '../statistics/statistics.service';
import { countFigures, FIGURE_KEYS, protectFigures } from './procurement.figures';

/**
 * Procurement counts for a closed calendar year with small counts withheld: what the statistics page and
 * its export show. An open year is refused, as for the other published figures.
 */
export async function figuresForYear(deps: Deps, actor: UserActor, year: number) {
  if (year > lastClosedYear()) throw new AppError('PERIOD_OPEN', `The year ${year} has not closed yet; its figures are shown after it closes.`);
  const threshold = await municipalityThreshold(deps.db, actor.municipalityId);
  const figures = protectFigures(await countFigures(deps.db, actor.municipalityId, `${year}-01-01`, `${year}-12-31`), threshold);
  return { year, threshold, figures };
}

/** The same counts as a CSV file; the export is audited like the other statistics exports. */
export async function figuresCsv(deps: Deps, actor: UserActor, year: number, lang: 'nb' | 'en'): Promise<{ fileName: string; body: Buffer }> {
  const { threshold, figures } = await figuresForYear(deps, actor, year);
  const texts = procurementReportTexts[lang];
  const withheld = lang === 'nb' ? `færre enn ${threshold}` : `fewer than ${threshold}`;
  const rows = [[texts.tableCaption, String(year)], ['code', texts.columns.figure, texts.columns.count], ...FIGURE_KEYS.map((key) => [key, texts.rows[key], figures[key] === null ? withheld : String(figures[key])])];
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'statistics.exported', entityType: 'statistics', entityId: null, details: { period: String(year), table: 'procurement', format: 'csv' } }),
  );
  return { fileName: `anskaffelser-${year}.csv`, body: csv(rows) };
}
