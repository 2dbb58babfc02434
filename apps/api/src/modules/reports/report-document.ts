import type { Database } from '@lykt/db';
import { fillText, reportTexts } from '@lykt/content/report-texts';
import type { ReportNarrative } from '@lykt/shared';
import type { DocBlock, DocModel } from '../../platform/documents/model';
import { lastLocalDate, localDate, yearPeriod } from './period';
import { reportSectionProviders } from './sections';
import type { ReportSectionProvider } from './report-section';

export type ReportDocumentInput = {
  municipalityId: string;
  municipalityName: string;
  year: number;
  lang: 'nb' | 'en';
  suppressionThreshold: number;
  roundingBase?: number;
  narrative: ReportNarrative;
  draft: boolean;
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
 * The council report as one document model, generated from live data: the coordinator's summary,
 * then every section provider in order (a section without data says so), then the assessment and
 * the proposals. The PDF, the DOCX and the web view are all rendered from this model; a final
 * version stores it and is never regenerated.
 */
export async function buildReportDocument(db: Database, input: ReportDocumentInput, providers: readonly ReportSectionProvider[] = reportSectionProviders()): Promise<DocModel> {
  const texts = reportTexts(input.lang).report;
  const { from, to } = yearPeriod(input.year);
  const dateFormat = new Intl.DateTimeFormat(input.lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  const day = (value: string) => dateFormat.format(new Date(`${value}T00:00:00Z`));
  const subtitle = fillText(texts.subtitle, { municipality: input.municipalityName, from: day(localDate(from)), to: day(lastLocalDate(to)) });
  const footer = fillText(texts.footer, { municipality: input.municipalityName });

  const sections = [];
  for (const provider of providers) {
    sections.push(await provider.build(db, { municipalityId: input.municipalityId, from, to, lang: input.lang, suppressionThreshold: input.suppressionThreshold, roundingBase: input.roundingBase ?? 1 }));
  }

  const blocks: DocBlock[] = [{ type: 'heading', level: 1, text: texts.narrative.summary }, ...narrativeBlocks(input.narrative.summary, texts.narrativeEmpty)];
  for (const section of sections) {
    blocks.push({ type: 'heading', level: 1, text: section.title });
    if (section.hasData) blocks.push(...section.blocks);
    else blocks.push({ type: 'paragraph', text: section.emptyText ?? texts.narrativeEmpty });
  }
  blocks.push({ type: 'heading', level: 1, text: texts.narrative.assessment }, ...narrativeBlocks(input.narrative.assessment, texts.narrativeEmpty));
  blocks.push({ type: 'heading', level: 1, text: texts.narrative.proposals }, ...narrativeBlocks(input.narrative.proposals, texts.narrativeEmpty));

  return {
    title: fillText(texts.title, { year: input.year }),
    subtitle: input.draft ? `${subtitle} – ${texts.draftMark}` : subtitle,
    lang: input.lang,
    footer: input.draft ? `${footer} – ${texts.draftMark}` : footer,
    author: input.municipalityName,
    blocks,
  };
}
