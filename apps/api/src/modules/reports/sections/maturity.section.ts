import { and, asc, eq, lte } from 'drizzle-orm';
import { overviewContent } from '@lykt/content/overview';
import { reportTexts } from '@lykt/content/report-texts';
import { schema, type Database } from '@lykt/db';
import type { ChartDefinition } from '@lykt/shared';
import { localDate } from '../period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';

/** How many years of self-assessment the report shows (the report's year and the ones before). */
const YEARS_SHOWN = 4;

/**
 * The maturity self-assessment over time: each area's level in the report's year and up to three
 * years before it, as a table and a chart of the level (1–4). The ratings are the municipality's
 * own judgement of its practice, not figures about people.
 */
export async function buildMaturitySection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).maturity;
  const year = Number(localDate(input.from).slice(0, 4));
  const m = schema.maturityRating;
  const ratings = await db
    .select({ year: m.year, areaCode: m.areaCode, level: m.level })
    .from(m)
    .where(and(eq(m.municipalityId, input.municipalityId), lte(m.year, year)))
    .orderBy(asc(m.year));
  const years = [...new Set(ratings.map((rating) => rating.year))].filter((value) => value > year - YEARS_SHOWN);
  if (years.length === 0) return { key: 'maturity', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };

  const model = overviewContent().maturity;
  const levelOf = (areaCode: string, ofYear: number) => model.levels.find((level) => level.key === ratings.find((rating) => rating.year === ofYear && rating.areaCode === areaCode)?.level) ?? null;
  const areas = model.areas.filter((area) => years.some((ofYear) => levelOf(area.code, ofYear) !== null));
  const chart: ChartDefinition = {
    id: 'maturity-by-area',
    kind: 'bar',
    title: texts.chart.title,
    description: texts.chart.description,
    categoryLabel: texts.chart.categoryLabel,
    valueLabel: texts.chart.valueLabel,
    categories: areas.map((area) => `${area.code} ${area.title[input.lang]}`),
    series: years.map((ofYear) => ({
      key: String(ofYear),
      label: String(ofYear),
      values: areas.map((area) => levelOf(area.code, ofYear)?.score ?? null),
      display: areas.map((area) => levelOf(area.code, ofYear)?.title[input.lang] ?? texts.notRated),
    })),
    max: 4,
  };
  const latest = years.at(-1) ?? year;
  const mature = areas.filter((area) => (levelOf(area.code, latest)?.score ?? 0) >= 3).length;
  return {
    key: 'maturity',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro },
      {
        type: 'table',
        caption: texts.caption,
        headers: [texts.area, ...years.map(String)],
        rows: areas.map((area) => [`${area.code} ${area.title[input.lang]}`, ...years.map((ofYear) => levelOf(area.code, ofYear)?.title[input.lang] ?? texts.notRated)]),
      },
      { type: 'chart', chart },
    ],
    figures: [{ key: 'maturity.mature', question: 'plan', label: texts.figures.mature, value: { kind: 'exact', value: mature }, ...(latest === year ? {} : { period: String(latest) }) }],
  };
}

export const maturitySection: ReportSectionProvider = { key: 'maturity', order: 26, build: buildMaturitySection };
