import { describe, expect, it } from 'vitest';
import { nationalFigures } from '@lykt/content/national-figures';
import { figureText, keyFigureBlocks, nationalBlocks, orderedFigures } from './key-figures';
import { generateQuestionTexts } from './question-narrative';
import type { ReportFigure } from './report-section';

const figure = (key: string, question: ReportFigure['question'], label: string, value: ReportFigure['value'], extra: Partial<ReportFigure> = {}): ReportFigure => ({ key, question, label, value, ...extra });

// As the statistics sections offer them: protected values, some withheld or a range.
const fromStatistics: ReportFigure[] = [
  figure('cases.new', 'assistance', 'Nye saker', { kind: 'range', low: 0, high: 4 }),
  figure('referrals.sent', 'assistance', 'Henvisninger', { kind: 'exact', value: 12 }),
  figure('concerns.received', 'identification', 'Bekymringer mottatt', { kind: 'exact', value: 23 }),
  figure('tips.received', 'identification', 'Tips mottatt', { kind: 'withheld' }),
  figure('screenings.total', 'identification', 'Kartlegginger', { kind: 'range', low: 10, high: 14 }),
];
const mine: ReportFigure[] = [
  figure('plan.measures.done', 'plan', 'Tiltak fullført', { kind: 'exact', value: 7 }),
  figure('training.coverage', 'knowledge', 'Ansatte med gyldig opplæring', { kind: 'exact', value: 64 }, { unit: 'percent' }),
  figure('cooperation.meetings', 'plan', 'Møter i samarbeidsgruppen', { kind: 'exact', value: 4 }),
];

describe('the key figures', () => {
  it('put activity first: screenings, concerns, tips, training, referrals, measures done', () => {
    expect(orderedFigures([...mine, ...fromStatistics]).map((item) => item.key)).toEqual([
      'screenings.total',
      'concerns.received',
      'tips.received',
      'training.coverage',
      'referrals.sent',
      'plan.measures.done',
      'cooperation.meetings',
      'cases.new',
    ]);
  });

  it('show only figures large enough to print, and say so', () => {
    const [table] = keyFigureBlocks([...mine, ...fromStatistics], 2026, 'nb');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows).toEqual([
      ['Kartlegginger', '10–14'],
      ['Bekymringer mottatt', '23'],
      ['Ansatte med gyldig opplæring', '64 %'],
      ['Henvisninger', '12'],
      ['Tiltak fullført', '7'],
      ['Møter i samarbeidsgruppen', '4'],
    ]);
    expect(table.note).toContain('«færre enn»');
    expect(keyFigureBlocks([], 2026, 'en')).toEqual([{ type: 'paragraph', text: 'Lykt has no key figures for the period.' }]);
  });

  it('write protected values as ranges and never as a number', () => {
    expect(figureText(figure('x', 'plan', 'x', { kind: 'range', low: 0, high: 4 }), 'nb')).toBe('færre enn 5');
    expect(figureText(figure('x', 'plan', 'x', { kind: 'range', low: 20, high: null }), 'en')).toBe('20 or more');
    expect(figureText(figure('x', 'plan', 'x', { kind: 'withheld' }), 'nb')).toBeNull();
  });

  it('generate an answer per council question from the figures, leaving out withheld ones', () => {
    const texts = generateQuestionTexts([...mine, ...fromStatistics], 2026, 'nb');
    expect(texts.identification).toContain('Bekymringer mottatt: 23.');
    expect(texts.identification).toContain('Kartlegginger: 10–14.');
    expect(texts.identification).not.toContain('Tips mottatt');
    expect(texts.assistance).toContain('Nye saker: færre enn 5.');
    expect(texts.knowledge).toContain('64 % av de ansatte som skal ha opplæring, hadde gyldig opplæring ved periodens slutt.');
    expect(texts.plan).toContain('Samarbeidsgruppen hadde 4 møter i perioden.');
    expect(texts.tools).toContain('Lykt har ingen tall om dette for 2026.');
    expect(texts.prevalence).toContain('nasjonalt (KOM, 2023)');
    // Singular and plural are right in the sentences Lykt writes.
    const one = generateQuestionTexts([figure('cooperation.meetings', 'plan', 'Møter', { kind: 'exact', value: 1 }), figure('plan.measures.done', 'plan', 'x', { kind: 'exact', value: 1 }), figure('plan.measures.total', 'plan', 'y', { kind: 'exact', value: 1 })], 2026, 'en');
    expect(one.plan).toContain('The cooperation group met 1 time in the period.');
    expect(one.plan).toContain('1 of 1 measure in the plan is done.');
    expect(generateQuestionTexts([figure('cooperation.meetings', 'plan', 'Møter', { kind: 'exact', value: 1 })], 2026, 'nb').plan).toContain('hadde 1 møte i perioden.');
    // Without any figures (a municipality that has just started) every question still gets a text.
    const empty = generateQuestionTexts([], 2026, 'en');
    for (const value of Object.values(empty)) expect(value.length).toBeGreaterThan(20);
  });

  it('print the national figures with their year and a numbered source for each', () => {
    const blocks = nationalBlocks('nb');
    const table = blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(nationalFigures().figures.length);
    expect(table.rows).toContainEqual(['2016', 'Personer fulgt opp som mulige ofre', '262', '[2]']);
    expect(table.rows).toContainEqual(['2016', 'Identifisert som mulige ofre for første gang', 'under 100', '[2]']);
    const sources = blocks.find((block) => block.type === 'list');
    if (sources?.type !== 'list') throw new Error('no source list');
    expect(sources.items.every((item) => item.includes('kontrollert 2026-12-04') && item.includes('https://'))).toBe(true);
  });
});
