import type { MeasureStatus, PlanAreaCode } from './contracts/plans';

export type RollupInput = {
  id: string;
  parentId: string | null;
  area: PlanAreaCode;
  status: MeasureStatus;
  progress: number;
  weight: number | null;
};

export type Rollup = {
  /** Each measure's rolled progress (its own when it has no counted children). */
  measures: Map<string, number>;
  /** Each area's progress, null when it has no counted measures. */
  areas: Map<PlanAreaCode, number | null>;
  /** The plan's total: the average of the areas that have counted measures. */
  total: number | null;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The weighted average (weight null counts as 1) of the counted items; null when none. */
export function weightedAverage(items: readonly { value: number; weight: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    const weight = item.weight ?? 1;
    sum += item.value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

/**
 * Rolls progress up a plan: a parent's progress is the weighted average of its children
 * (plain average when no weights are set); an area's is that of its top-level measures; the
 * plan's total is the average of its areas. Cancelled measures count nowhere. A parent whose
 * children are all cancelled keeps its own progress. Pure; results rounded to one decimal.
 */
export function rollUpPlan(measures: readonly RollupInput[], areaCodes: readonly PlanAreaCode[]): Rollup {
  const children = new Map<string, RollupInput[]>();
  for (const measure of measures) {
    if (measure.parentId === null) continue;
    const list = children.get(measure.parentId) ?? [];
    list.push(measure);
    children.set(measure.parentId, list);
  }
  const rolled = new Map<string, number>();
  const visiting = new Set<string>();
  const progressOf = (measure: RollupInput): number => {
    const known = rolled.get(measure.id);
    if (known !== undefined) return known;
    if (visiting.has(measure.id)) throw new Error(`measure ${measure.id} is its own ancestor`);
    visiting.add(measure.id);
    const counted = (children.get(measure.id) ?? []).filter((child) => child.status !== 'cancelled');
    const average = weightedAverage(counted.map((child) => ({ value: progressOf(child), weight: child.weight })));
    const value = average ?? measure.progress;
    visiting.delete(measure.id);
    rolled.set(measure.id, value);
    return value;
  };
  for (const measure of measures) progressOf(measure);

  const areas = new Map<PlanAreaCode, number | null>();
  const known = new Set(measures.map((measure) => measure.id));
  for (const code of areaCodes) {
    const top = measures.filter((measure) => measure.area === code && (measure.parentId === null || !known.has(measure.parentId)) && measure.status !== 'cancelled');
    const value = weightedAverage(top.map((measure) => ({ value: rolled.get(measure.id) ?? measure.progress, weight: measure.weight })));
    areas.set(code, value === null ? null : round1(value));
  }
  const areaValues = [...areas.values()].filter((value): value is number => value !== null);
  const total = areaValues.length === 0 ? null : round1(areaValues.reduce((sum, value) => sum + value, 0) / areaValues.length);
  return { measures: new Map([...rolled].map(([id, value]) => [id, round1(value)])), areas, total };
}
