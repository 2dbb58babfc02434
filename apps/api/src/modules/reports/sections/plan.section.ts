import { and, desc, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { planTemplate } from '@lykt/content/plan-template';
import { fillPlural, fillText, reportTexts } from '@lykt/content/report-texts';
import { COUNCIL_QUESTIONS, PLAN_AREA_CODES, rollUpPlan, type ChartDefinition, type MeasureStatus, type PlanAreaCode } from '@lykt/shared';
import type { DocBlock } from '../../../platform/documents/model';
import { numberFormatFor } from '../../../platform/documents/options';
import { localDate, lastLocalDate } from '../period';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { dateTimeFormat } from '../../../platform/intl';

type MeasureRow = typeof schema.planMeasure.$inferSelect;

/**
 * The plan whose period overlaps the report's and its version in force at the end of the period:
 * the latest version adopted before the period ended. Null when there is none.
 */
async function versionInForce(db: Database, input: ReportSectionInput) {
  const p = schema.plan;
  const v = schema.planVersion;
  const first = localDate(input.from);
  const last = lastLocalDate(input.to);
  const [row] = await db
    .select({ plan: p, version: v })
    .from(v)
    .innerJoin(p, eq(p.id, v.planId))
    .where(and(eq(v.municipalityId, input.municipalityId), eq(p.municipalityId, input.municipalityId), isNotNull(v.adoptedAt), lt(v.adoptedAt, input.to), lte(p.periodStart, last), gte(p.periodEnd, first)))
    .orderBy(desc(p.periodStart), desc(v.number))
    .limit(1);
  return row ?? null;
}

/** Measures in reading order: each top-level measure followed by its sub-measures. */
function ordered(measures: MeasureRow[]): Array<{ measure: MeasureRow; depth: number }> {
  const byParent = new Map<string | null, MeasureRow[]>();
  const ids = new Set(measures.map((measure) => measure.id));
  for (const measure of measures) {
    const parent = measure.parentId !== null && ids.has(measure.parentId) ? measure.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(measure);
    byParent.set(parent, list);
  }
  const out: Array<{ measure: MeasureRow; depth: number }> = [];
  const visit = (parent: string | null, depth: number): void => {
    for (const measure of byParent.get(parent) ?? []) {
      out.push({ measure, depth });
      if (depth < 4) visit(measure.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function buildPlanSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).plan;
  const found = await versionInForce(db, input);
  if (!found) return { key: 'plan', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };
  const { plan, version } = found;

  const measures = await db
    .select()
    .from(schema.planMeasure)
    .where(and(eq(schema.planMeasure.municipalityId, input.municipalityId), eq(schema.planMeasure.planVersionId, version.id)))
    .orderBy(schema.planMeasure.area, schema.planMeasure.position, schema.planMeasure.createdAt);
  const organisations = new Map(
    (await db.select({ id: schema.organisation.id, name: schema.organisation.name }).from(schema.organisation).where(eq(schema.organisation.municipalityId, input.municipalityId))).map((row) => [row.id, row.name]),
  );
  const u = schema.planMeasureUpdate;
  const [updates] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(u)
    .where(and(eq(u.municipalityId, input.municipalityId), eq(u.planId, plan.id), gte(u.occurredOn, localDate(input.from)), lte(u.occurredOn, lastLocalDate(input.to))));

  const rollup = rollUpPlan(
    measures.map((measure) => ({ id: measure.id, parentId: measure.parentId, area: measure.area as PlanAreaCode, status: measure.status as MeasureStatus, progress: measure.progress, weight: measure.weight })),
    PLAN_AREA_CODES,
  );
  const format = numberFormatFor(input.lang);
  const template = planTemplate();
  const areaTitle = (code: PlanAreaCode): string => template.areas.find((area) => area.code === code)?.title[input.lang] ?? code;
  const statusText = (status: string): string => texts.statuses[status as MeasureStatus] ?? status;
  const dateText = (value: string | null): string => (value ? dateTimeFormat(input.lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : texts.noDate);

  const counted = measures.filter((measure) => measure.status !== 'cancelled');
  const countOf = (...statuses: string[]): number => counted.filter((measure) => statuses.includes(measure.status)).length;
  // Past due: the due date has passed by the end of the period (or today, for a report of the running year).
  const cutoff = [lastLocalDate(input.to), localDate(new Date())].sort()[0] ?? lastLocalDate(input.to);
  const overdue = counted.filter((measure) => measure.status !== 'done' && measure.dueDate !== null && measure.dueDate < cutoff);
  const lagging = counted.filter((measure) => measure.status === 'delayed' || overdue.includes(measure));
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      text: fillText(texts.intro, {
        plan: plan.title,
        version: version.number,
        date: dateText(version.decisionDate ?? (version.adoptedAt ? localDate(version.adoptedAt) : null)),
        ref: version.decisionRef ? ` ${fillText(texts.decisionRef, { ref: version.decisionRef })}` : '',
        total: rollup.total === null ? texts.noDate : format(rollup.total),
      }),
    },
    {
      type: 'paragraph',
      text: [
        fillPlural(texts.counts, counted.length, { done: countOf('done'), count: counted.length, inProgress: countOf('in_progress'), delayed: countOf('delayed'), notStarted: countOf('not_started', 'planned') }),
        overdue.length > 0 ? fillPlural(texts.overdue, overdue.length, { overdue: overdue.length }) : '',
        fillPlural(texts.updates, updates?.count ?? 0, { updates: updates?.count ?? 0 }),
      ]
        .filter(Boolean)
        .join(' '),
    },
  ];

  const areasWithMeasures = PLAN_AREA_CODES.filter((code) => rollup.areas.get(code) !== null && rollup.areas.get(code) !== undefined);
  if (areasWithMeasures.length > 0) {
    const chart: ChartDefinition = {
      id: 'plan-progress-by-area',
      kind: 'bar',
      title: texts.chart.title,
      description: texts.chart.description,
      categoryLabel: texts.chart.categoryLabel,
      valueLabel: texts.chart.valueLabel,
      categories: areasWithMeasures.map((code) => fillText(texts.areaHeading, { code, title: areaTitle(code) })),
      series: [{ key: 'progress', label: texts.chart.series, values: areasWithMeasures.map((code) => rollup.areas.get(code) ?? 0), display: areasWithMeasures.map((code) => fillText(texts.percent, { value: format(rollup.areas.get(code) ?? 0) })) }],
      max: 100,
    };
    blocks.push({ type: 'chart', chart });
  }
  blocks.push(...(await delayedBlocks(db, input, plan.id, lagging, organisations, dateText)));

  const questions = reportTexts(input.lang).report.questions;
  for (const question of COUNCIL_QUESTIONS) {
    blocks.push({ type: 'heading', level: 2, text: questions[question] });
    const codes = template.areas.filter((area) => area.councilQuestion === question).map((area) => area.code);
    const withMeasures = codes.filter((code) => measures.some((measure) => measure.area === code));
    if (withMeasures.length === 0) {
      blocks.push({ type: 'paragraph', text: texts.noAreas });
      continue;
    }
    for (const code of withMeasures) {
      blocks.push({ type: 'heading', level: 3, text: fillText(texts.areaHeading, { code, title: areaTitle(code) }) });
      const progress = rollup.areas.get(code);
      blocks.push({ type: 'paragraph', text: progress === null || progress === undefined ? texts.areaNoMeasures : fillText(texts.areaProgress, { progress: format(progress) }) });
      const rows = ordered(measures.filter((measure) => measure.area === code)).map(({ measure, depth }) => [
        `${'– '.repeat(depth)}${measure.title}`,
        measure.ownerOrganisationId ? (organisations.get(measure.ownerOrganisationId) ?? texts.noOwner) : texts.noOwner,
        statusText(measure.status),
        fillText(texts.percent, { value: format(rollup.measures.get(measure.id) ?? measure.progress) }),
        dateText(measure.dueDate),
      ]);
      blocks.push({ type: 'table', caption: fillText(texts.measuresCaption, { code }), headers: [texts.columns.measure, texts.columns.owner, texts.columns.status, texts.columns.progress, texts.columns.due], rows });
    }
  }
  const figures: ReportFigure[] = [
    { key: 'plan.measures.done', question: 'plan', label: texts.figures.done, value: { kind: 'exact', value: countOf('done') } },
    { key: 'plan.measures.total', question: 'plan', label: texts.figures.total, value: { kind: 'exact', value: counted.length } },
    { key: 'plan.measures.overdue', question: 'plan', label: texts.figures.overdue, value: { kind: 'exact', value: overdue.length } },
  ];
  if (rollup.total !== null) figures.push({ key: 'plan.progress', question: 'plan', label: texts.figures.progress, value: { kind: 'exact', value: rollup.total }, unit: 'percent' });
  return { key: 'plan', title: texts.title, hasData: true, blocks, figures };
}

/**
 * Delayed or overdue measures with the latest update posted on each in the period: the plan's own
 * account of why a measure lags (updates are the coordinator's notes on the plan, not about people).
 */
async function delayedBlocks(db: Database, input: ReportSectionInput, planId: string, lagging: MeasureRow[], organisations: Map<string, string>, dateText: (value: string | null) => string): Promise<DocBlock[]> {
  if (lagging.length === 0) return [];
  const texts = reportTexts(input.lang).plan;
  const u = schema.planMeasureUpdate;
  const rows = await db
    .select({ lineageId: u.lineageId, text: u.text, occurredOn: u.occurredOn, createdAt: u.createdAt })
    .from(u)
    .where(and(eq(u.municipalityId, input.municipalityId), eq(u.planId, planId), inArray(u.lineageId, lagging.map((measure) => measure.lineageId)), lte(u.occurredOn, lastLocalDate(input.to))))
    .orderBy(desc(u.occurredOn), desc(u.createdAt));
  const latest = new Map<string, string>();
  for (const row of rows) if (!latest.has(row.lineageId)) latest.set(row.lineageId, row.text);
  return [
    { type: 'heading', level: 2, text: texts.delayedHeading },
    {
      type: 'table',
      caption: texts.delayedCaption,
      headers: [texts.delayedColumns.measure, texts.delayedColumns.owner, texts.delayedColumns.due, texts.delayedColumns.explanation],
      rows: lagging.map((measure) => [
        measure.title,
        measure.ownerOrganisationId ? (organisations.get(measure.ownerOrganisationId) ?? texts.noOwner) : texts.noOwner,
        dateText(measure.dueDate),
        latest.get(measure.lineageId) ?? texts.noExplanation,
      ]),
    },
  ];
}

export const planSection: ReportSectionProvider = { key: 'plan', order: 10, build: buildPlanSection };
