import { z } from 'zod';
import { COUNCIL_QUESTIONS, ContentSourceSchema, GROUP_ROLES, MEASURE_STATUSES, REPORT_QUESTIONS, RISK_GROUP_KINDS, SERVICE_KINDS } from '@lykt/shared';
import textsV1 from '../reports/texts.v1.json';

const text = z.string().trim().min(1).max(600);
const keyed = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);
const chartBase = { title: text, description: text, categoryLabel: text, valueLabel: text };
/** A text that depends on a count: "one" for exactly 1, "other" for every other count. */
const plural = z.strictObject({ one: text, other: text });
export type PluralText = z.infer<typeof plural>;


/** The fixed texts of the council report in one language; {name} marks a value filled in by the report. */
export const ReportTextsSchema = z.strictObject({
  report: z.strictObject({
    title: text,
    subtitle: text,
    footer: text,
    draftMark: text,
    narrative: keyed(['summary', 'assessment', 'proposals'] as const),
    narrativeEmpty: text,
    questions: keyed(COUNCIL_QUESTIONS),
    withheld: text,
    suppressionNote: text,
    quarters: z.array(text).length(4),
    period: text,
    total: text,
  }),
  plan: z.strictObject({
    title: text,
    empty: text,
    intro: text,
    decisionRef: text,
    counts: plural,
    updates: plural,
    overdue: plural,
    delayedHeading: text,
    delayedCaption: text,
    delayedColumns: keyed(['measure', 'owner', 'due', 'explanation'] as const),
    noExplanation: text,
    figures: keyed(['total', 'done', 'overdue', 'progress'] as const),
    chart: z.strictObject({ ...chartBase, series: text }),
    areaHeading: text,
    areaProgress: text,
    areaNoMeasures: text,
    noAreas: text,
    measuresCaption: text,
    columns: keyed(['measure', 'owner', 'status', 'progress', 'due'] as const),
    noOwner: text,
    noDate: text,
    percent: text,
    statuses: keyed(MEASURE_STATUSES),
  }),
  cooperation: z.strictObject({
    title: text,
    empty: text,
    meetings: plural,
    actions: plural,
    figures: keyed(['meetings', 'organisations'] as const),
    attendanceCaption: text,
    columns: keyed(['organisation', 'attended', 'share'] as const),
    meetingsCaption: text,
    meetingColumns: keyed(['date', 'place', 'present'] as const),
  }),
  identification: z.strictObject({ title: text, empty: text, intro: text, figures: keyed(['screenings', 'concerns', 'possibleMinor'] as const), chart: z.strictObject({ ...chartBase, screenings: text, concerns: text }) }),
  tips: z.strictObject({ title: text, empty: text, intro: text, figures: keyed(['tips', 'danger', 'concerns'] as const), chart: z.strictObject({ ...chartBase, series: text }) }),
  case: keyed([
    'heading',
    'title',
    'caseOfficer',
    'archiveCode',
    'caseNumber',
    'trackCaption',
    'committee',
    'meetingDate',
    'notSet',
    'recommendation',
    'defaultRecommendation',
    'attachments',
    'noAttachments',
    'facts',
    'background',
    'summary',
    'reportPart',
    'reportIntro',
    'assessment',
    'proposals',
  ] as const),
  keyFigures: z.strictObject({
    title: text,
    caption: text,
    columns: keyed(['figure', 'value', 'period'] as const),
    note: text,
    empty: text,
    percent: text,
    range: text,
    atLeast: text,
    fewerThan: text,
  }),
  national: z.strictObject({ title: text, caption: text, columns: keyed(['year', 'measure', 'value', 'source'] as const), below: text, sourcesHeading: text, source: text, comparison: text, few: text, sources: z.array(ContentSourceSchema).min(1) }),
  questions: z.strictObject({
    heading: text,
    intro: text,
    titles: keyed(REPORT_QUESTIONS),
    leads: keyed(REPORT_QUESTIONS),
    figure: text,
    none: text,
    sentences: z.strictObject({ planDone: plural, planOverdue: plural, meetings: plural, organisations: plural, training: text, highRisk: plural, services: plural }),
  }),
  map: z.strictObject({
    title: text,
    empty: text,
    intro: text,
    riskGroupsCaption: text,
    riskGroupColumns: keyed(['kind', 'count', 'estimate'] as const),
    sitesCaption: text,
    siteColumns: keyed(['sector', 'high', 'medium', 'low', 'total'] as const),
    servicesCaption: text,
    serviceColumns: keyed(['kind', 'count', 'capacity'] as const),
    inspections: plural,
    inspectionsNone: text,
    estimate: text,
    noEstimate: text,
    riskGroupKinds: keyed(RISK_GROUP_KINDS),
    serviceKinds: keyed(SERVICE_KINDS),
    figures: keyed(['riskGroups', 'sites', 'highRisk', 'inspections', 'services'] as const),
  }),
  maturity: z.strictObject({
    title: text,
    empty: text,
    intro: text,
    caption: text,
    area: text,
    notRated: text,
    chart: z.strictObject(chartBase),
    figures: keyed(['mature'] as const),
  }),
  training: keyed(['coverage'] as const),
  publicPlan: z.strictObject({
    nav: text,
    heading: text,
    adopted: text,
    total: text,
    areasCaption: text,
    columns: keyed(['area', 'measures', 'done', 'progress'] as const),
    measuresHeading: text,
    measureProgress: text,
    owner: text,
    updated: text,
    noPlan: text,
  }),
  minutes: z.strictObject({
    title: text,
    subtitle: text,
    footer: text,
    date: text,
    place: text,
    noPlace: text,
    present: text,
    absent: text,
    nobody: text,
    memberLine: text,
    items: text,
    itemHeading: text,
    notes: text,
    decision: text,
    noItems: text,
    actions: text,
    actionsCaption: text,
    noActions: text,
    actionColumns: keyed(['text', 'owner', 'due', 'measure', 'done'] as const),
    notDone: text,
    none: text,
    minutes: text,
    noMinutes: text,
    roles: keyed(GROUP_ROLES),
  }),
});

export const ReportTextsDocumentSchema = z.strictObject({ id: z.string().min(1), version: z.number().int().positive(), nb: ReportTextsSchema, en: ReportTextsSchema });
export type ReportTexts = z.infer<typeof ReportTextsSchema>;
export type ReportLanguage = 'nb' | 'en';

/** The raw, versioned documents; the latest is used. */
export const REPORT_TEXT_DOCUMENTS: readonly unknown[] = [textsV1];

let current: z.infer<typeof ReportTextsDocumentSchema> | null = null;

/** The council report's texts in a language, validated once (throws if the data is broken). */
export function reportTexts(lang: ReportLanguage): ReportTexts {
  current ??= ReportTextsDocumentSchema.parse(REPORT_TEXT_DOCUMENTS[REPORT_TEXT_DOCUMENTS.length - 1]);
  return current[lang];
}

/** Fills {name} placeholders; a missing value is an error, not a silent gap. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in "${template}"`);
    return String(value);
  });
}

/** Picks the singular or plural form for a count and fills it ({count} and the other values). */
export function fillPlural(forms: PluralText, count: number, values: Record<string, string | number>): string {
  return fillText(count === 1 ? forms.one : forms.other, values);
}
