import { fillText, reportTexts } from '@lykt/content/report-texts';
import { REPORT_QUESTIONS, type ReportQuestionTexts } from '@lykt/shared';
import { figureText, figuresByQuestion, nationalComparison } from './key-figures';
import type { ReportFigure } from './report-section';

/**
 * A short text per council question written from the report's figures: a fixed lead saying what
 * the figures can and cannot tell, then each figure for that question as "label: value." A withheld
 * figure is left out (it would only say "withheld"); a question without figures says so plainly.
 * The prevalence answer ends with the latest national figure for comparison. The coordinator
 * reviews and edits these texts; the generated version is only the starting point.
 */
export function generateQuestionTexts(figures: readonly ReportFigure[], year: number, lang: 'nb' | 'en'): ReportQuestionTexts {
  const texts = reportTexts(lang).questions;
  const grouped = figuresByQuestion(figures);
  const result: Record<string, string> = {};
  for (const question of REPORT_QUESTIONS) {
    const sentences = (grouped.get(question) ?? []).flatMap((figure) => {
      const value = figureText(figure, lang);
      return value === null ? [] : [fillText(texts.figure, { label: figure.label, value })];
    });
    const parts = [texts.leads[question], ...(sentences.length > 0 ? sentences : [fillText(texts.none, { year })])];
    if (question === 'prevalence') {
      const comparison = nationalComparison(lang);
      if (comparison) parts.push(comparison);
    }
    result[question] = parts.join(' ');
  }
  return {
    prevalence: result.prevalence ?? '',
    knowledge: result.knowledge ?? '',
    tools: result.tools ?? '',
    identification: result.identification ?? '',
    assistance: result.assistance ?? '',
    plan: result.plan ?? '',
  };
}
