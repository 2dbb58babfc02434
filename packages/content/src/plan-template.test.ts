import { describe, expect, it } from 'vitest';
import { PLAN_AREA_CODES } from '@lykt/shared';
import { PLAN_TEMPLATE_DOCUMENTS, PlanTemplateSchema, planTemplate } from './plan-template';

describe('the action-plan template', () => {
  it('validates every stored version against the schema', () => {
    for (const document of PLAN_TEMPLATE_DOCUMENTS) {
      const result = PlanTemplateSchema.safeParse(document);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it('has areas A-I, each with suggested measures in bokmål and English', () => {
    const template = planTemplate();
    expect(template.areas.map((area) => area.code)).toEqual([...PLAN_AREA_CODES]);
    for (const area of template.areas) {
      expect(area.measures.length).toBeGreaterThan(0);
      for (const measure of area.measures) {
        expect(measure.title.nb).not.toEqual(measure.title.en);
        expect(measure.why.nb.length).toBeGreaterThan(10);
      }
    }
  });

  it('maps every area to one of the council questions, and all three of prevent, detect and handle are covered', () => {
    const questions = new Set(planTemplate().areas.map((area) => area.councilQuestion));
    for (const question of ['prevent', 'detect', 'handle']) expect(questions.has(question as never)).toBe(true);
  });

  it('refuses a template with a missing translation, a misplaced key or a missing area', () => {
    const good = structuredClone(PLAN_TEMPLATE_DOCUMENTS[0]) as { areas: { code: string; measures: { key: string; title: { en?: string } }[] }[] };
    const noEnglish = structuredClone(good);
    delete noEnglish.areas[0]!.measures[0]!.title.en;
    expect(PlanTemplateSchema.safeParse(noEnglish).success).toBe(false);
    const misplaced = structuredClone(good);
    misplaced.areas[0]!.measures[0]!.key = 'B9';
    expect(PlanTemplateSchema.safeParse(misplaced).success).toBe(false);
    const missingArea = structuredClone(good);
    missingArea.areas.pop();
    expect(PlanTemplateSchema.safeParse(missingArea).success).toBe(false);
  });
});
