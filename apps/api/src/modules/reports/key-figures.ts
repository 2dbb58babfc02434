import { nationalFigures, type NationalFigure } from '@lykt/content/national-figures';
import { fillText, reportTexts } from '@lykt/content/report-texts';
import { REPORT_QUESTIONS, type ReportQuestion } from '@lykt/shared';
import type { DocBlock } from '../../platform/documents/model';
import { numberFormatFor } from '../../platform/documents/options';
import type { ReportFigure } from './report-section';

type Lang = 'nb' | 'en';

/**
 * The order of the key-figures table: activity first (screenings, concerns, tips, training,
 * referrals, measures done), then the rest by council question. A key matches the first prefix it
 * starts with.
 */
const KEY_ORDER = ['screening', 'concern', 'tip', 'training', 'referral', 'plan.measures.done', 'plan', 'cooperation', 'case', 'map', 'maturity'];

const rank = (figure: ReportFigure): number => {
  const index = KEY_ORDER.findIndex((prefix) => figure.key === prefix || figure.key.startsWith(`${prefix}.`) || figure.key.startsWith(`${prefix}s.`));
  return index === -1 ? KEY_ORDER.length + REPORT_QUESTIONS.indexOf(figure.question) : index;
};

/** A published value as text: exact (with % for a share), a protected range, or null when withheld. Range ends are inclusive. */
export function figureText(figure: ReportFigure, lang: Lang): string | null {
  const texts = reportTexts(lang).keyFigures;
  const format = numberFormatFor(lang);
  const value = figure.value;
  switch (value.kind) {
    case 'exact':
      return figure.unit === 'percent' ? fillText(texts.percent, { value: format(value.value) }) : format(value.value);
    case 'range':
      if (value.high === null) return fillText(texts.atLeast, { low: format(value.low) });
      if (value.low <= 0) return fillText(texts.fewerThan, { high: format(value.high + 1) });
      return fillText(texts.range, { low: format(value.low), high: format(value.high) });
    case 'withheld':
      return null;
  }
}

/** Large enough for the front table: shown as a number or a range that does not start at zero. */
export function isLargeEnough(figure: ReportFigure): boolean {
  if (figure.value.kind === 'exact') return true;
  return figure.value.kind === 'range' && figure.value.low > 0;
}

/** Figures from every section, one per key (the first section to offer a key wins), in table order. */
export function orderedFigures(figures: readonly ReportFigure[]): ReportFigure[] {
  const seen = new Set<string>();
  const unique = figures.filter((figure) => (seen.has(figure.key) ? false : (seen.add(figure.key), true)));
  return unique.map((figure, index) => ({ figure, index })).sort((a, b) => rank(a.figure) - rank(b.figure) || a.index - b.index).map(({ figure }) => figure);
}

/** The key-figures table at the front of the report, with the note on what is left out. */
export function keyFigureBlocks(figures: readonly ReportFigure[], year: number, lang: Lang): DocBlock[] {
  const texts = reportTexts(lang).keyFigures;
  const shown = orderedFigures(figures).filter(isLargeEnough);
  if (shown.length === 0) return [{ type: 'paragraph', text: texts.empty }];
  const hasPeriod = shown.some((figure) => figure.period);
  return [
    {
      type: 'table',
      caption: fillText(texts.caption, { year }),
      headers: hasPeriod ? [texts.columns.figure, texts.columns.value, texts.columns.period] : [texts.columns.figure, texts.columns.value],
      rows: shown.map((figure) => {
        const row = [figure.label, figureText(figure, lang) ?? ''];
        return hasPeriod ? [...row, figure.period ?? String(year)] : row;
      }),
      note: texts.note,
    },
  ];
}

function nationalValue(figure: NationalFigure, lang: Lang): string {
  const format = numberFormatFor(lang);
  return figure.value.kind === 'exact' ? format(figure.value.value) : fillText(reportTexts(lang).national.below, { value: format(figure.value.value) });
}

/** The national picture: KOM's yearly figures as sourced content data, with every source listed. */
export function nationalBlocks(lang: Lang): DocBlock[] {
  const texts = reportTexts(lang).national;
  const data = nationalFigures();
  const sources = new Map<string, string>();
  const sourceText = (source: NationalFigure['sources'][number]) => fillText(texts.source, { title: source.title, publisher: source.publisher, url: source.url, checked: source.checked });
  const numberOf = (source: NationalFigure['sources'][number]): number => {
    const key = source.url;
    if (!sources.has(key)) sources.set(key, sourceText(source));
    return [...sources.keys()].indexOf(key) + 1;
  };
  const rows = data.figures.map((figure) => [String(figure.year), data.measures[figure.measure][lang], nationalValue(figure, lang), figure.sources.map((source) => `[${numberOf(source)}]`).join(' ')]);
  const notes = data.notes.map((note) => `${note.text[lang]} ${note.sources.map((source) => `[${numberOf(source)}]`).join(' ')}`);
  return [
    { type: 'paragraph', text: data.about[lang] },
    { type: 'table', caption: texts.caption, headers: [texts.columns.year, texts.columns.measure, texts.columns.value, texts.columns.source], rows, note: texts.few },
    ...notes.map((text): DocBlock => ({ type: 'paragraph', text })),
    { type: 'heading', level: 3, text: texts.sourcesHeading },
    { type: 'list', ordered: true, items: [...sources.values()] },
  ];
}

/** The latest national figure of possible victims, or of police reports when none is newer: the narrative's comparison. */
export function nationalComparison(lang: Lang): string | null {
  const figures = nationalFigures().figures;
  const latest = figures.at(-1);
  if (!latest) return null;
  const texts = reportTexts(lang).national;
  return fillText(texts.comparison, { year: latest.year, measure: nationalFigures().measures[latest.measure][lang], value: nationalValue(latest, lang) });
}

/** Figures grouped by the council question they answer. */
export function figuresByQuestion(figures: readonly ReportFigure[]): Map<ReportQuestion, ReportFigure[]> {
  const grouped = new Map<ReportQuestion, ReportFigure[]>(REPORT_QUESTIONS.map((question) => [question, []]));
  for (const figure of orderedFigures(figures)) grouped.get(figure.question)?.push(figure);
  return grouped;
}
