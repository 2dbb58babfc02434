import { z } from 'zod';
import nationalV1 from '../reports/national-figures.v1.json';

const localised = z.strictObject({ nb: z.string().trim().min(1).max(600), en: z.string().trim().min(1).max(600) });

/** Where a national figure was found: the public page's title, its publisher, address and the day it was checked. */
export const FigureSourceSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  publisher: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }),
  checked: z.iso.date(),
});
export type FigureSource = z.infer<typeof FigureSourceSchema>;

export const NATIONAL_MEASURES = ['victims_registered', 'victims_followed_up', 'victims_first_identified', 'police_reports'] as const;
export type NationalMeasure = (typeof NATIONAL_MEASURES)[number];

/** One national yearly figure; "below" is a published "under N" (e.g. "i underkant av 100"). */
export const NationalFigureSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  measure: z.enum(NATIONAL_MEASURES),
  value: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('exact'), value: z.number().int().min(0) }), z.strictObject({ kind: z.literal('below'), value: z.number().int().min(1) })]),
  sources: z.array(FigureSourceSchema).min(1),
});
export type NationalFigure = z.infer<typeof NationalFigureSchema>;

export const NationalFiguresDocumentSchema = z.strictObject({
  id: z.literal('national-figures'),
  version: z.number().int().positive(),
  about: localised,
  /** Sources of what `about` says of KOM (they cover the whole file). */
  sources: z.array(FigureSourceSchema).min(1),
  notes: z.array(z.strictObject({ text: localised, sources: z.array(FigureSourceSchema).min(1) })),
  measures: z.strictObject(Object.fromEntries(NATIONAL_MEASURES.map((key) => [key, localised])) as Record<NationalMeasure, typeof localised>),
  figures: z.array(NationalFigureSchema),
});
export type NationalFigures = z.infer<typeof NationalFiguresDocumentSchema>;

/** The raw, versioned documents; the latest is used. */
export const NATIONAL_FIGURE_DOCUMENTS: readonly unknown[] = [nationalV1];

let current: NationalFigures | null = null;

/** The national figures (KOM), validated once, sorted by year then measure. */
export function nationalFigures(): NationalFigures {
  if (!current) {
    const parsed = NationalFiguresDocumentSchema.parse(NATIONAL_FIGURE_DOCUMENTS[NATIONAL_FIGURE_DOCUMENTS.length - 1]);
    const order = (measure: NationalMeasure) => NATIONAL_MEASURES.indexOf(measure);
    current = { ...parsed, figures: [...parsed.figures].sort((a, b) => a.year - b.year || order(a.measure) - order(b.measure)) };
  }
  return current;
}
