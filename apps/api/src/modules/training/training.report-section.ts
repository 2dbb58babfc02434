import { and, eq, lt } from 'drizzle-orm';
import { routineTexts, trainingModules } from '@lykt/content/knowledge';
import { schema, type Database } from '@lykt/db';
import { localDate, ORGANISATION_KINDS, type ChartDefinition } from '@lykt/shared';
import { protectCounts, type OneWayCounts } from '../reports/disclosure';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { countText, suppressionNote } from '../reports/sections/counts';
import { isModuleFor, sharePercent } from './training.logic';
import { findStaff } from './training.repository';

/**
 * The council report's training section: per module, how many people completed it in the period
 * and the share of its target group holding a valid completion at the period's end; and a chart
 * of the people trained by kind of organisation. Every count passes the shared disclosure
 * control; a share is shown only when the count behind it is.
 */
export async function buildTrainingSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = routineTexts().report;
  const { lang } = input;
  const completions = await db
    .select({ userId: schema.trainingCompletion.userId, moduleKey: schema.trainingCompletion.moduleKey, completedAt: schema.trainingCompletion.completedAt, validUntil: schema.trainingCompletion.validUntil, kind: schema.organisation.kind })
    .from(schema.trainingCompletion)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.trainingCompletion.organisationId))
    .where(and(eq(schema.trainingCompletion.municipalityId, input.municipalityId), lt(schema.trainingCompletion.completedAt, input.to)));
  const inPeriod = completions.filter((row) => row.completedAt >= input.from);
  if (inPeriod.length === 0) return { key: 'training', title: texts.title[lang], hasData: false, emptyText: texts.empty[lang], blocks: [] };

  const staff = await findStaff(db, input.municipalityId);
  const periodEnd = localDate(new Date(input.to.getTime() - 1));
  const context = { period: `${localDate(input.from)}/${periodEnd}` };
  const modules = trainingModules();
  // Each person counts once per module, in the kind of organisation of their latest completion in
  // the period, so each module's table adds up to its total and the disclosure control can see it.
  const shownKinds = ORGANISATION_KINDS.filter((kind) => inPeriod.some((row) => row.kind === kind));
  const tables: OneWayCounts[] = [];
  for (const module of modules) {
    const latest = new Map<string, string>();
    for (const row of [...inPeriod].filter((item) => item.moduleKey === module.key).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())) latest.set(row.userId, row.kind);
    const counts = shownKinds.map((kind) => [...latest.values()].filter((value) => value === kind).length);
    tables.push({ id: `kinds-${module.key}`, population: `training_person_${module.key}`, dimension: 'organisation_kind', rows: [...shownKinds], counts, additive: true, context });
    const audience = staff.filter((person) => isModuleFor(module, person.role as never, person.organisationKind));
    const valid = new Set(completions.filter((row) => row.moduleKey === module.key && localDate(row.completedAt) <= periodEnd && row.validUntil >= periodEnd).map((row) => row.userId));
    const trained = audience.filter((person) => valid.has(person.userId)).length;
    tables.push({ id: `coverage-${module.key}`, population: `training_audience_${module.key}`, dimension: 'valid', rows: ['yes', 'no'], counts: [trained, audience.length - trained], additive: true, context });
  }
  const shown = protectCounts(tables, input.suppressionThreshold);
  const text = countText(input);
  const rows = modules.map((module) => {
    const completed = shown.get(`kinds-${module.key}`)?.total ?? null;
    const coverage = shown.get(`coverage-${module.key}`);
    const trained = coverage?.cells[0] ?? null;
    const total = coverage?.total ?? null;
    const share = trained !== null && total !== null ? sharePercent(trained, total) : null;
    return [module.title[lang], text(completed), share === null ? text(null) : `${text(share)} %`];
  });
  const chart: ChartDefinition = {
    id: 'training-by-kind',
    kind: 'stacked_bar',
    title: texts.chartTitle[lang],
    description: texts.chartDescription[lang],
    categoryLabel: texts.chartCategory[lang],
    valueLabel: texts.chartValue[lang],
    categories: shownKinds.map((kind) => texts.kinds[kind][lang]),
    series: modules.map((module) => {
      const cells = shown.get(`kinds-${module.key}`)?.cells ?? shownKinds.map(() => null);
      return { key: module.key, label: module.title[lang], values: cells, display: cells.map((value) => text(value)) };
    }),
    note: suppressionNote(input),
  };
  return {
    key: 'training',
    title: texts.title[lang],
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro[lang] },
      { type: 'table', caption: texts.tableCaption[lang], headers: [texts.module[lang], texts.completed[lang], texts.coverage[lang]], rows, note: suppressionNote(input) },
      { type: 'chart', chart },
    ],
  };
}

export const trainingSection: ReportSectionProvider = { key: 'training', order: 70, build: buildTrainingSection };
