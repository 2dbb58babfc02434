import { z } from 'zod';
import { ContentSourceSchema, LANGUAGE_CODES, TIP_MINOR_ANSWERS, TIP_PEOPLE_COUNTS, TIP_PLACE_KINDS } from '@lykt/shared';
import ar from '../public/ar.json';
import bg from '../public/bg.json';
import en from '../public/en.json';
import es from '../public/es.json';
import lt from '../public/lt.json';
import nb from '../public/nb.json';
import nn from '../public/nn.json';
import numbersNo from '../public/numbers.no.json';
import pl from '../public/pl.json';
import ro from '../public/ro.json';
import ru from '../public/ru.json';
import th from '../public/th.json';
import tl from '../public/tl.json';
import sources from '../public/sources.json';
import uk from '../public/uk.json';
import vi from '../public/vi.json';

export type PublicLanguage = (typeof LANGUAGE_CODES)[number];

const text = z.string().trim().min(1).max(1200);
const list = z.array(text).min(1).max(12);
const keyed = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);

/** The texts of the public pages in one language. Every key is required in every language. */
export const PublicTextsSchema = z.strictObject({
  meta: z.strictObject({
    code: z.enum(LANGUAGE_CODES),
    name: text.describe('The language name in the language itself'),
    dir: z.enum(['ltr', 'rtl']),
    translation: z.strictObject({
      method: z.enum(['original', 'human', 'machine']).describe('original: written in this language; machine: translated by a machine or language model'),
      translatedFrom: z.enum(LANGUAGE_CODES).nullable(),
      reviewedByNativeSpeaker: z.boolean(),
      note: text,
    }),
  }),
  site: z.strictObject({
    title: text,
    skipLink: text,
    quickExit: text,
    quickExitHint: text,
    languages: text,
    staffLink: text,
    privacy: text,
    navHome: text,
    navTip: text,
    navFollowUp: text,
    /** The link beside quick exit to the page on deleting the history and private browsing. */
    historyLink: text,
  }),
  /** The page on deleting the browser history and private browsing (/{lang}/safety). */
  safety: z.strictObject({
    nav: text,
    heading: text,
    intro: text,
    exitHeading: text,
    exit: text,
    privateHeading: text,
    private: text,
    privateLimits: text,
    clearHeading: text,
    safariIphone: text,
    safariMac: text,
    otherBrowsers: text,
    sourcesHeading: text,
    checked: text.refine((value) => value.includes('{date}'), 'must name {date}'),
  }),
  /** The labels of the public action-plan page (the plan's own titles stay in the plan's language). */
  plan: z.strictObject({
    nav: text,
    heading: text,
    adopted: text.refine((value) => ['{plan}', '{version}', '{date}', '{ref}'].every((name) => value.includes(name)), 'must name {plan}, {version}, {date} and {ref}'),
    decisionRef: text.refine((value) => value.includes('{ref}'), 'must name {ref}'),
    total: text.refine((value) => value.includes('{progress}'), 'must name {progress}'),
    areasCaption: text,
    chartDescription: text,
    chartValueLabel: text,
    columns: keyed(['area', 'measures', 'done', 'progress'] as const),
    measuresHeading: text,
    measureProgress: text.refine((value) => value.includes('{status}') && value.includes('{progress}'), 'must name {status} and {progress}'),
    owner: text.refine((value) => value.includes('{owner}'), 'must name {owner}'),
    updated: text.refine((value) => value.includes('{date}'), 'must name {date}'),
    noPlan: text,
    statuses: keyed(['not_started', 'planned', 'in_progress', 'delayed', 'done', 'cancelled'] as const),
  }),
  home: z.strictObject({
    heading: text,
    intro: text.refine((value) => value.includes('{municipality}'), 'must name {municipality}'),
    whatHeading: text,
    what: list,
    signsHeading: text,
    signs: list,
    rightsHeading: text,
    rights: list,
    childrenHeading: text,
    children: text,
    helpHeading: text,
    emergency: text,
    police: text,
    shelter: text,
    municipality: text,
    openingHours: text,
    tipHeading: text,
    tipText: text,
    tipLink: text,
    followUpLink: text,
  }),
  tip: z.strictObject({
    heading: text,
    intro: text,
    dangerNotice: text.refine((value) => value.includes('112'), 'must give 112'),
    optional: text,
    whatLabel: text,
    whatHint: text,
    placeLabel: text,
    places: keyed(TIP_PLACE_KINDS),
    areaLabel: text,
    areaHint: text,
    addressLabel: text,
    whenLabel: text,
    whenHint: text,
    peopleLabel: text,
    people: keyed(TIP_PEOPLE_COUNTS),
    minorLabel: text,
    minor: keyed(TIP_MINOR_ANSWERS),
    dangerLabel: text,
    dangerYes: text,
    anonymityLegend: text,
    anonymous: text,
    giveContact: text,
    contactHint: text,
    nameLabel: text,
    phoneLabel: text,
    emailLabel: text,
    shareLabel: text,
    submit: text,
    errorSummary: text,
    errors: keyed(['what', 'tooLong', 'place', 'people', 'minor', 'anonymity', 'contact'] as const),
    closed: text,
    receiptHeading: text,
    receiptIntro: text,
    receiptKeep: text,
    receiptDanger: text.refine((value) => value.includes('112'), 'must give 112'),
    receiptFollowUp: text,
  }),
  followUp: z.strictObject({
    heading: text,
    intro: text,
    codeLabel: text,
    codeHint: text,
    submit: text,
    notFound: text,
    conversationHeading: text,
    submittedOn: text,
    status: text,
    statuses: keyed(['new', 'in_progress', 'closed'] as const),
    yourTip: text,
    fromYou: text,
    fromMunicipality: text,
    noReplies: text,
    addLabel: text,
    addSubmit: text,
    added: text,
    messageError: text,
  }),
  errors: z.strictObject({
    notFoundHeading: text,
    notFound: text,
    tooLargeHeading: text,
    tooLarge: text,
    rateLimited: text,
    unavailable: text,
    generic: text,
  }),
});
export type PublicTexts = z.infer<typeof PublicTextsSchema>;

/** National numbers shown on the public pages (per country). */
export const PublicNumbersSchema = z.strictObject({
  country: z.string().length(2),
  note: text,
  emergency: z.string().regex(/^[0-9 ]+$/),
  police: z.string().regex(/^[0-9 ]+$/),
  shelter: z.strictObject({ name: text, phone: z.string().regex(/^[0-9 +]+$/), url: z.url() }),
  quickExitUrl: z.url(),
  sources: z.array(ContentSourceSchema).min(1).describe('Where the numbers were checked'),
});
export type PublicNumbers = z.infer<typeof PublicNumbersSchema>;

/** The raw files, one per public language, keyed by code. Validate with PublicTextsSchema before use. */
export const PUBLIC_TEXT_FILES: Record<PublicLanguage, unknown> = { nb, nn, en, ro, bg, pl, lt, ru, uk, ar, vi, th, tl, es };

export const PUBLIC_NUMBER_FILES: Record<string, unknown> = { NO: numbersNo };

/** Every public language's texts, validated (throws naming the language and key on a bad file). */
export function loadPublicTexts(): Record<PublicLanguage, PublicTexts> {
  return Object.fromEntries(
    LANGUAGE_CODES.map((code) => {
      const parsed = PublicTextsSchema.safeParse(PUBLIC_TEXT_FILES[code]);
      if (!parsed.success) throw new Error(`packages/content/public/${code}.json: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      if (parsed.data.meta.code !== code) throw new Error(`packages/content/public/${code}.json: meta.code is ${parsed.data.meta.code}`);
      return [code, parsed.data];
    }),
  ) as Record<PublicLanguage, PublicTexts>;
}

export type PublicPageSource = { title: string; publisher: string; url: string; checked: string };

/** The web pages behind the texts whose JSON path starts with `prefix` (e.g. "safety."), in file order. */
export function publicPageSources(prefix: string): PublicPageSource[] {
  return Object.entries(sources as Record<string, unknown>).flatMap(([key, value]) =>
    key.startsWith(prefix) && Array.isArray(value) ? value.flatMap((entry) => (ContentSourceSchema.safeParse(entry).data ?? null) ?? []).flatMap((entry) => ('url' in entry ? [entry] : [])) : [],
  );
}

export function loadPublicNumbers(country: string): PublicNumbers {
  return PublicNumbersSchema.parse(PUBLIC_NUMBER_FILES[country] ?? numbersNo);
}
