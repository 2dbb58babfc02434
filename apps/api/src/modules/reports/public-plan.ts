import { and, desc, eq } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { planTemplate } from '@lykt/content/plan-template';
import { PLAN_AREA_CODES, rollUpPlan, type MeasureStatus, type PlanAreaCode } from '@lykt/shared';

export type PublicPlanArea = {
  code: PlanAreaCode;
  title: string;
  measureCount: number;
  doneCount: number;
  progress: number | null;
  measures: Array<{ title: string; status: MeasureStatus; progress: number; owner: string | null; depth: number }>;
};

export type PublicPlan = {
  title: string;
  version: number;
  decisionRef: string | null;
  decisionDate: string | null;
  total: number | null;
  areas: PublicPlanArea[];
};

/** Whether the municipality has switched the public plan page on. */
export async function publicPlanEnabled(db: Database, municipalityId: string): Promise<boolean> {
  const [row] = await db.select({ enabled: schema.publicPlanSetting.enabled }).from(schema.publicPlanSetting).where(eq(schema.publicPlanSetting.municipalityId, municipalityId)).limit(1);
  return row?.enabled ?? false;
}

/**
 * The adopted plan in force, as the public may see it: titles, status, progress and owner
 * organisations of the measures, rolled up per area. No person, no description, no timeline.
 */
export async function loadPublicPlan(db: Database, municipalityId: string, lang: 'nb' | 'en'): Promise<PublicPlan | null> {
  const v = schema.planVersion;
  const [found] = await db
    .select({ version: v, title: schema.plan.title })
    .from(v)
    .innerJoin(schema.plan, eq(schema.plan.id, v.planId))
    .where(and(eq(v.municipalityId, municipalityId), eq(v.status, 'adopted')))
    .orderBy(desc(v.adoptedAt))
    .limit(1);
  if (!found) return null;
  const m = schema.planMeasure;
  const measures = await db
    .select({ id: m.id, parentId: m.parentId, area: m.area, title: m.title, status: m.status, progress: m.progress, weight: m.weight, owner: schema.organisation.name })
    .from(m)
    .leftJoin(schema.organisation, and(eq(schema.organisation.id, m.ownerOrganisationId), eq(schema.organisation.municipalityId, municipalityId)))
    .where(and(eq(m.municipalityId, municipalityId), eq(m.planVersionId, found.version.id)))
    .orderBy(m.area, m.position, m.createdAt);
  const rollup = rollUpPlan(
    measures.map((measure) => ({ id: measure.id, parentId: measure.parentId, area: measure.area as PlanAreaCode, status: measure.status as MeasureStatus, progress: measure.progress, weight: measure.weight })),
    PLAN_AREA_CODES,
  );
  const ids = new Set(measures.map((measure) => measure.id));
  const depthOf = (id: string | null, depth = 0): number => {
    const parent = measures.find((measure) => measure.id === id)?.parentId ?? null;
    return parent !== null && ids.has(parent) && depth < 4 ? depthOf(parent, depth + 1) : depth;
  };
  const children = new Map<string | null, typeof measures>();
  for (const measure of measures) {
    const parent = measure.parentId !== null && ids.has(measure.parentId) ? measure.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), measure]);
  }
  const ordered: typeof measures = [];
  const visit = (parent: string | null): void => {
    for (const measure of children.get(parent) ?? []) {
      ordered.push(measure);
      visit(measure.id);
    }
  };
  visit(null);
  const template = planTemplate();
  const areas = PLAN_AREA_CODES.flatMap((code): PublicPlanArea[] => {
    const inArea = ordered.filter((measure) => measure.area === code && measure.status !== 'cancelled');
    if (inArea.length === 0) return [];
    return [
      {
        code,
        title: template.areas.find((area) => area.code === code)?.title[lang] ?? code,
        measureCount: inArea.length,
        doneCount: inArea.filter((measure) => measure.status === 'done').length,
        progress: rollup.areas.get(code) ?? null,
        measures: inArea.map((measure) => ({ title: measure.title, status: measure.status as MeasureStatus, progress: rollup.measures.get(measure.id) ?? measure.progress, owner: measure.owner, depth: depthOf(measure.id) })),
      },
    ];
  });
  return { title: found.title, version: found.version.number, decisionRef: found.version.decisionRef, decisionDate: found.version.decisionDate, total: rollup.total, areas };
}
