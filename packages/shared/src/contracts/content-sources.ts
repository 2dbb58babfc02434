import { z } from 'zod';

const checkedDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'a real date')
  .describe('The day someone read the source and compared the text with it');

/** A law and section, with its Lovdata short name: `straffeloven § 196`, `utlendingsforskriften § 8-3`. */
export const LawSourceSchema = z.strictObject({
  law: z
    .string()
    .trim()
    // A section may carry a letter, written with or without a space as Lovdata does: "forvaltningsloven § 13 a".
    // An EU regulation is cited by article as Lovdata does: "personvernforordningen art. 15 nr. 1 bokstav f".
    .regex(
      /^[a-zæøå-]+ (?:§§? \d+(?:-\d+)?(?: ?[a-z])?(?:(?:, | og )\d+(?:-\d+)?(?: ?[a-z])?)*(?: (?:første|andre|annet|tredje|fjerde) ledd)?|art\. \d+(?: nr\. \d+)?(?: bokstav [a-z])?)$/,
      'Lovdata short name and section, e.g. "straffeloven § 196" or "personvernforordningen art. 15"',
    )
    .describe('Lovdata short name and section'),
  checked: checkedDate,
});

/** A public body's page: its title, the body that publishes it, the address and the day it was checked. */
export const PageSourceSchema = z.strictObject({
  title: z.string().trim().min(3).max(200).describe("The page's own title"),
  publisher: z.string().trim().min(2).max(120).describe('The public body (or organisation) behind the page'),
  url: z.url().startsWith('https://').describe('Where the page is'),
  checked: checkedDate,
});

/** One source of a fact in shipped content: a law section or a public page. */
export const ContentSourceSchema = z.union([LawSourceSchema, PageSourceSchema]);
export type ContentSource = z.infer<typeof ContentSourceSchema>;
export type LawSource = z.infer<typeof LawSourceSchema>;
export type PageSource = z.infer<typeof PageSourceSchema>;

/** A short label for a source, as shown under an article. */
export function formatContentSource(source: ContentSource): string {
  return 'law' in source ? `${source.law} (Lovdata, checked ${source.checked})` : `${source.publisher}: ${source.title} (checked ${source.checked})`;
}

/** One source entry and where it sits in the shipped content, with its review date (admin "due for review" list). */
export const ContentSourceReviewItemSchema = z.object({
  file: z.string().describe('Content file, relative to packages/content'),
  location: z.string().describe('Where in the file the source entry sits (a JSON path or "front matter")'),
  label: z.string().describe('The law and section, or the page title and publisher'),
  url: z.string().nullable().describe('Address of a page source; null for a law source'),
  checked: z.string().describe('Day the source was last checked (YYYY-MM-DD)'),
  reviewDue: z.string().describe('Day the next review is due (YYYY-MM-DD)'),
  isDue: z.boolean().describe('True when the review day has come'),
});
export type ContentSourceReviewItem = z.infer<typeof ContentSourceReviewItemSchema>;

export const ContentSourceReviewSchema = z.object({
  reviewIntervalMonths: z.number().int().positive().describe('How long a checked source stays current'),
  sourcedClaims: z.number().int().nonnegative().describe('Claims in the content (law sections, phone numbers, public bodies) covered by a source'),
  total: z.number().int().nonnegative().describe('Source entries in the shipped content'),
  due: z.number().int().nonnegative().describe('Source entries due for review'),
  items: z.array(ContentSourceReviewItemSchema).describe('Source entries, the ones due first, then by review day'),
});
export type ContentSourceReview = z.infer<typeof ContentSourceReviewSchema>;
