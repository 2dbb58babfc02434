import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { PrevalenceResult } from '@lykt/shared';
import { localDate } from '../reports/period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { numberFormat } from '../../platform/intl';

const TEXTS = {
  nb: {
    title: 'Hvor mange ser vi ikke? Anslag over mørketallet',
    empty: 'Ingen anslag over mørketallet ble gjort endelig for perioden.',
    estimate: 'Anslått antall mulige ofre i alt i perioden {{from}}–{{to}} («{{title}}»): {{estimate}}, med 95 % konfidensintervall fra {{lower}} til {{upper}}. Av dem var {{observed}} kjent for minst én av de {{lists}} tjenestene.',
    refusal: 'For «{{title}}» ({{from}}–{{to}}) kunne dataene ikke bære et anslag: {{reason}}',
    meaning:
      'Tallet er beregnet med multiple-systems estimation: ut fra hvor mye listene fra ulike tjenester overlapper, anslås hvor mange ingen av dem har møtt. Det er et anslag, ikke en telling, og intervallet viser usikkerheten, gitt at den valgte modellen er riktig.',
    assumptions:
      'Forutsetninger: at de samme menneskene er i området hele perioden (lukket populasjon); at det som knytter listene sammen fanges av modellens samspill mellom to og to lister; og at ulik synlighet ikke er større enn modellen tar høyde for, ellers blir anslaget for lavt. Samme person må kunne kjennes igjen på tvers av listene. Overlappstabellen publiseres ikke.',
  },
  en: {
    title: 'How many are we not seeing? An estimate of the hidden number',
    empty: 'No estimate of the hidden number was made final for the period.',
    estimate: 'Estimated number of possible victims in all in the period {{from}}–{{to}} ("{{title}}"): {{estimate}}, with a 95 % confidence interval from {{lower}} to {{upper}}. Of them, {{observed}} were known to at least one of the {{lists}} services.',
    refusal: 'For "{{title}}" ({{from}}–{{to}}) the data could not support an estimate: {{reason}}',
    meaning:
      'The number is computed by multiple-systems estimation: from how much the lists of different services overlap, it estimates how many none of them met. It is an estimate, not a count, and the interval shows the uncertainty, given that the chosen model is right.',
    assumptions:
      'Assumptions: that the same people are in the area all period (a closed population); that what links the lists is captured by the model\'s interactions between pairs of lists; and that unequal visibility is no greater than the model allows for, or the estimate is too low. The same person must be recognisable across the lists. The overlap table is not published.',
  },
} as const;

const REASONS = {
  nb: {
    too_few_lists: 'det trengs minst tre lister.',
    list_without_people: 'en liste har ingen personer.',
    list_with_everyone: 'en liste inneholder alle som er sett.',
    no_overlap: 'ingen står på mer enn én liste.',
    estimate_not_finite: 'overlappene gir ikke noe endelig anslag.',
    not_identifiable: 'modellen kan ikke bestemmes ut fra overlappene.',
    did_not_converge: 'modellen ble ikke stabil.',
  },
  en: {
    too_few_lists: 'at least three lists are needed.',
    list_without_people: 'a list has no one on it.',
    list_with_everyone: 'a list holds everyone seen.',
    no_overlap: 'no one is on more than one list.',
    estimate_not_finite: 'the overlaps give no finite estimate.',
    not_identifiable: 'the model cannot be determined from the overlaps.',
    did_not_converge: 'the model did not settle.',
  },
} as const;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/**
 * The council report's prevalence section: the latest estimate of the newest final study whose
 * period overlaps the report's, as the estimate and interval only (never a cell of the table),
 * with what the number means and its assumptions.
 */
export async function buildPrevalenceSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = TEXTS[input.lang];
  const s = schema.prevalenceStudy;
  const [study] = await db
    .select({ id: s.id, title: s.title, periodFrom: s.periodFrom, periodTo: s.periodTo })
    .from(s)
    .where(and(eq(s.municipalityId, input.municipalityId), eq(s.status, 'final'), lt(s.periodFrom, localDate(input.to)), gte(s.periodTo, localDate(input.from))))
    .orderBy(desc(s.finalisedAt), desc(s.id))
    .limit(1);
  const e = schema.prevalenceEstimate;
  const [latest] = study
    ? await db
        .select({ result: e.result })
        .from(e)
        .where(and(eq(e.municipalityId, input.municipalityId), eq(e.studyId, study.id)))
        .orderBy(desc(e.createdAt), desc(e.id))
        .limit(1)
    : [];
  if (!study || !latest) return { key: 'prevalence', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };
  const result = latest.result as PrevalenceResult;
  const locale = input.lang === 'nb' ? 'nb-NO' : 'en-GB';
  const n = (value: number | null) => numberFormat(locale).format(value ?? 0);
  const base = { title: study.title, from: study.periodFrom, to: study.periodTo };
  const headline =
    result.kind === 'estimate'
      ? fill(texts.estimate, { ...base, estimate: n(result.estimate), lower: n(result.lower), upper: n(result.upper), observed: n(result.observed), lists: String(result.lists.length) })
      : fill(texts.refusal, { ...base, reason: REASONS[input.lang][(result.reason ?? 'estimate_not_finite') as keyof (typeof REASONS)['nb']] ?? '' });
  return {
    key: 'prevalence',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: headline },
      { type: 'paragraph', text: texts.meaning },
      { type: 'paragraph', text: texts.assumptions },
    ],
  };
}

/** After statistics (60), before training (70). */
export const prevalenceSection: ReportSectionProvider = { key: 'prevalence', order: 65, build: buildPrevalenceSection };
