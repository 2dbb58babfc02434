import { z } from 'zod';
import { COUNCIL_QUESTIONS, PLAN_AREA_CODES } from '@lykt/shared';
import templateV1 from '../plan-template/template.v1.json';

const localised = (max: number) =>
  z.object({
    nb: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });

export const TemplateMeasureSchema = z.object({
  key: z.string().regex(/^[A-I][0-9]{1,2}$/),
  title: localised(200),
  description: localised(2000),
  why: localised(1000),
});

export const TemplateAreaSchema = z.object({
  code: z.enum(PLAN_AREA_CODES),
  councilQuestion: z.enum(COUNCIL_QUESTIONS),
  title: localised(120),
  description: localised(1000),
  measures: z.array(TemplateMeasureSchema).min(1),
});

export const PlanTemplateSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    source: z.string().min(1),
    areas: z.array(TemplateAreaSchema),
  })
  .superRefine((template, ctx) => {
    const codes = template.areas.map((area) => area.code);
    if (codes.join('') !== PLAN_AREA_CODES.join('')) ctx.addIssue({ code: 'custom', message: 'the template must have areas A-I once each, in order', path: ['areas'] });
    const keys = new Set<string>();
    template.areas.forEach((area, areaIndex) =>
      area.measures.forEach((measure, measureIndex) => {
        if (!measure.key.startsWith(area.code)) ctx.addIssue({ code: 'custom', message: `measure ${measure.key} is not in area ${area.code}`, path: ['areas', areaIndex, 'measures', measureIndex, 'key'] });
        if (keys.has(measure.key)) ctx.addIssue({ code: 'custom', message: `duplicate measure key ${measure.key}`, path: ['areas', areaIndex, 'measures', measureIndex, 'key'] });
        keys.add(measure.key);
      }),
    );
  });
export type PlanTemplate = z.infer<typeof PlanTemplateSchema>;
export type TemplateArea = z.infer<typeof TemplateAreaSchema>;
export type TemplateMeasure = z.infer<typeof TemplateMeasureSchema>;

/** The raw, versioned template documents; the latest is the one offered to new plans. */
export const PLAN_TEMPLATE_DOCUMENTS: readonly unknown[] = [templateV1];

let current: PlanTemplate | null = null;

/** The current action-plan template, validated once (throws if the data is broken). */
export function planTemplate(): PlanTemplate {
  current ??= PlanTemplateSchema.parse(PLAN_TEMPLATE_DOCUMENTS[PLAN_TEMPLATE_DOCUMENTS.length - 1]);
  return current;
}
