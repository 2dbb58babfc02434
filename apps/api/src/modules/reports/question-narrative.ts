import { fillPlural, fillText, reportTexts } from '@lykt/content/report-texts';
import { REPORT_QUESTIONS, type ReportQuestion, type ReportQuestionTexts } from '@lykt/shared';
import { numberFormatFor } from '../../platform/documents/options';
import { figureText, figuresByQuestion, nationalComparison } from './key-figures';
import type { ReportFigure } from './report-section';

type Lang = 'nb' | 'en';

/** An exact value of a figure among the given ones, or null (absent, protected or withheld). */
function exactOf(figures: readonly ReportFigure[], key: string): number | null {
  const found = figures.find((figure) => figure.key === key);
  return found?.value.kind === 'exact' ? found.value.value : null;
}

/**
 * Sentences for the figures Lykt computes itself (plan, cooperation, training, map), written out
 * with singular and plural right; returns the keys it used so they are not repeated as "label: value".
 */
function knownSentences(figures: readonly ReportFigure[], lang: Lang): { sentences: string[]; used: Set<string> } {
  const texts = reportTexts(lang).questions.sentences;
  const format = numberFormatFor(lang);
  const sentences: string[] = [];
  const used = new Set<string>();
  const done = exactOf(figures, 'plan.measures.done');
  const total = exactOf(figures, 'plan.measures.total');
  if (done !== null && total !== null) {
    sentences.push(fillPlural(texts.planDone, total, { done: format(done), total: format(total) }));
    used.add('plan.measures.done').add('plan.measures.total');
  }
  const counted = (key: string, forms: Parameters<typeof fillPlural>[0], skipZero = false) => {
    const value = exactOf(figures, key);
    if (value === null) return;
    used.add(key);
    if (!(skipZero && value === 0)) sentences.push(fillPlural(forms, value, { count: format(value) }));
  };
  counted('plan.measures.overdue', texts.planOverdue, true);
  counted('cooperation.meetings', texts.meetings);
  counted('cooperation.organisations', texts.organisations, true);
  counted('map.sites.high', texts.highRisk);
  counted('map.services', texts.services);
  const coverage = exactOf(figures, 'training.coverage');
  if (coverage !== null) {
    sentences.push(fillText(texts.training, { value: format(coverage) }));
    used.add('training.coverage');
  }
  return { sentences, used };
}

/**
 * A short text per council question written from the report's figures: a fixed lead saying what
 * the figures can and cannot tell, sentences for the figures Lykt computes itself, then every other
 * figure for that question as "label: value." A withheld figure is left out (it would only say
 * "withheld"); a question without figures says so plainly. The prevalence answer ends with the
 * latest national figure for comparison. The coordinator reviews and edits these texts; the
 * generated version is only the starting point.
 */
export function generateQuestionTexts(figures: readonly ReportFigure[], year: number, lang: Lang): ReportQuestionTexts {
  const texts = reportTexts(lang).questions;
  const grouped = figuresByQuestion(figures);
  const answer = (question: ReportQuestion): string => {
    const own = grouped.get(question) ?? [];
    const known = knownSentences(own, lang);
    const others = own
      .filter((figure) => !known.used.has(figure.key))
      .flatMap((figure) => {
        const value = figureText(figure, lang);
        return value === null ? [] : [fillText(texts.figure, { label: figure.label, value })];
      });
    const sentences = [...known.sentences, ...others];
    const parts = [texts.leads[question], ...(sentences.length > 0 ? sentences : [fillText(texts.none, { year })])];
    if (question === 'prevalence') {
      const comparison = nationalComparison(lang);
      if (comparison) parts.push(comparison);
    }
    return parts.join(' ');
  };
  const [prevalence, knowledge, tools, identification, assistance, plan] = REPORT_QUESTIONS.map(answer);
  return { prevalence: prevalence ?? '', knowledge: knowledge ?? '', tools: tools ?? '', identification: identification ?? '', assistance: assistance ?? '', plan: plan ?? '' };
}
