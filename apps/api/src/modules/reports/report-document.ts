import type { Database } from '@lykt/db';
import { fillText, reportTexts } from '@lykt/content/report-texts';
import { REPORT_QUESTIONS, type ReportCaseFields, type ReportNarrative, type ReportQuestionTexts } from '@lykt/shared';
import type { DocBlock, DocModel } from '../../platform/documents/model';
import { keyFigureBlocks, nationalBlocks } from './key-figures';
import { lastLocalDate, localDate, yearPeriod } from './period';
import { generateQuestionTexts } from './question-narrative';
import { reportSectionProviders } from './sections';
import { trainingCoverageFigure } from './sections/training-coverage';
import type { ReportFigure, ReportSectionProvider } from './report-section';
import { dateTimeFormat } from '../../platform/intl';

export type ReportDocumentInput = {
  municipalityId: string;
  municipalityName: string;
  year: number;
  lang: 'nb' | 'en';
  suppressionThreshold: number;
  roundingBase?: number;
  narrative: ReportNarrative;
  caseFields: ReportCaseFields;
  draft: boolean;
};

export type BuiltReport = {
  document: DocModel;
  /** The text per council question generated from this document's figures (what an empty answer prints). */
  generatedQuestions: ReportQuestionTexts;
};

/** A narrative text as paragraphs (blank lines separate them); the empty text when nothing is written. */
function narrativeBlocks(text: string, empty: string): DocBlock[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return paragraphs.length > 0 ? paragraphs.map((part) => ({ type: 'paragraph', text: part })) : [{ type: 'paragraph', text: empty }];
}

/**
 * The council report as a council case (saksframlegg), generated from live data and laid out as
 * municipalities publish theirs: the case header (case officer, archive code, case number; the
 * committee and meeting date), the chief executive's recommendation, the attachments, the facts of
 * the case (background, summary, key figures, the national picture, an answer per council
 * question), the yearly report itself (every section provider in order), then the assessment and
 * the proposals. The PDF, the DOCX and the web view are all rendered from this model; a final
 * version stores it, case fields included, and is never regenerated.
 */
export async function buildReportDocument(db: Database, input: ReportDocumentInput, providers: readonly ReportSectionProvider[] = reportSectionProviders()): Promise<BuiltReport> {
  const all = reportTexts(input.lang);
  const texts = all.report;
  const caseTexts = all.case;
  const { from, to } = yearPeriod(input.year);
  const dateFormat = dateTimeFormat(input.lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  const day = (value: string) => dateFormat.format(new Date(`${value}T00:00:00Z`));
  const period = { from: day(localDate(from)), to: day(lastLocalDate(to)) };
  const subtitle = `${caseTexts.heading} – ${fillText(texts.subtitle, { municipality: input.municipalityName, ...period })}`;
  const footer = fillText(texts.footer, { municipality: input.municipalityName });

  const sectionInput = { municipalityId: input.municipalityId, from, to, lang: input.lang, suppressionThreshold: input.suppressionThreshold, roundingBase: input.roundingBase ?? 1, releases: new Map() };
  const sections = [];
  for (const provider of providers) sections.push(await provider.build(db, sectionInput));
  const figures: ReportFigure[] = sections.flatMap((section) => section.figures ?? []);
  const coverage = await trainingCoverageFigure(db, sectionInput);
  if (coverage) figures.push(coverage);
  const generatedQuestions = generateQuestionTexts(figures, input.year, input.lang);

  const fields = input.caseFields;
  const orNotSet = (value: string) => (value.trim() === '' ? caseTexts.notSet : value);
  const blocks: DocBlock[] = [
    {
      type: 'keyValue',
      items: [
        { label: caseTexts.caseOfficer, value: orNotSet(fields.caseOfficer) },
        { label: caseTexts.archiveCode, value: orNotSet(fields.archiveCode) },
        { label: caseTexts.caseNumber, value: orNotSet(fields.caseNumber) },
      ],
    },
    { type: 'table', caption: caseTexts.trackCaption, headers: [caseTexts.committee, caseTexts.meetingDate], rows: [[orNotSet(fields.committee), fields.meetingDate ? day(fields.meetingDate) : caseTexts.notSet]] },
    { type: 'heading', level: 1, text: caseTexts.recommendation },
    ...narrativeBlocks(fields.recommendation || fillText(caseTexts.defaultRecommendation, { year: input.year }), ''),
    { type: 'heading', level: 1, text: caseTexts.attachments },
    fields.attachments.length > 0 ? { type: 'list', ordered: true, items: fields.attachments } : { type: 'paragraph', text: caseTexts.noAttachments },
    { type: 'heading', level: 1, text: caseTexts.facts },
    { type: 'heading', level: 2, text: caseTexts.background },
    ...narrativeBlocks(input.narrative.background, texts.narrativeEmpty),
    { type: 'heading', level: 2, text: caseTexts.summary },
    ...narrativeBlocks(input.narrative.summary, texts.narrativeEmpty),
    { type: 'heading', level: 2, text: all.keyFigures.title },
    ...keyFigureBlocks(figures, input.year, input.lang),
    { type: 'heading', level: 2, text: all.national.title },
    ...nationalBlocks(input.lang),
    { type: 'heading', level: 2, text: all.questions.heading },
    { type: 'paragraph', text: all.questions.intro },
  ];
  for (const question of REPORT_QUESTIONS) {
    blocks.push({ type: 'heading', level: 3, text: all.questions.titles[question] });
    const written = input.narrative.questions[question].trim();
    blocks.push(...narrativeBlocks(written === '' ? generatedQuestions[question] : written, texts.narrativeEmpty));
  }
  blocks.push({ type: 'heading', level: 1, text: fillText(caseTexts.reportPart, { year: input.year }) }, { type: 'paragraph', text: fillText(caseTexts.reportIntro, period) });
  for (const section of sections) {
    blocks.push({ type: 'heading', level: 1, text: section.title });
    if (section.hasData) blocks.push(...section.blocks);
    else blocks.push({ type: 'paragraph', text: section.emptyText ?? texts.narrativeEmpty });
  }
  blocks.push({ type: 'heading', level: 1, text: caseTexts.assessment }, ...narrativeBlocks(input.narrative.assessment, texts.narrativeEmpty));
  blocks.push({ type: 'heading', level: 1, text: caseTexts.proposals }, ...narrativeBlocks(input.narrative.proposals, texts.narrativeEmpty));

  return {
    document: {
      title: fillText(caseTexts.title, { year: input.year }),
      subtitle: input.draft ? `${subtitle} – ${texts.draftMark}` : subtitle,
      lang: input.lang,
      footer: input.draft ? `${footer} – ${texts.draftMark}` : footer,
      author: input.municipalityName,
      blocks,
    },
    generatedQuestions,
  };
}
