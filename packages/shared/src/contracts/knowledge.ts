import { z } from 'zod';
import { KNOWLEDGE_SERVICES } from '../catalogues/knowledge';
import { ContentSourceSchema } from './content-sources';
import { shortText } from './common';
import { STAFF_LANGUAGES } from './municipality';
import { EXPLOITATION_FORMS } from './screening';

/** The frontline services articles, posters and training are aimed at. */
export { KNOWLEDGE_SERVICES };
export type KnowledgeService = (typeof KNOWLEDGE_SERVICES)[number];

/** What an article is about; 'routine' is the generated local routine, 'local' an article the municipality wrote. */
export const ARTICLE_KINDS = ['basics', 'signs', 'conversation', 'law', 'rights', 'routine', 'local'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** Where the text a reader sees comes from. */
export const ARTICLE_SOURCES = ['content', 'override', 'municipal', 'generated'] as const;
export type ArticleSource = (typeof ARTICLE_SOURCES)[number];

/** The slug of the generated "the municipality's own routine" article. */
export const OWN_ROUTINE_SLUG = 'own-routine';

export const ArticleLangSchema = z.enum(STAFF_LANGUAGES).describe('Language of the text: nb (bokmål) or en');
export type ArticleLang = z.infer<typeof ArticleLangSchema>;
export const ArticleSlugSchema = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens')
  .describe('Stable address of the article, e.g. "signs-school"');

/** The front matter of a content article (packages/content/knowledge/articles/<slug>.<lang>.md). */
export const ArticleFrontMatterSchema = z.strictObject({
  slug: ArticleSlugSchema,
  lang: ArticleLangSchema,
  version: z.number().int().positive(),
  kind: z.enum(ARTICLE_KINDS).exclude(['routine', 'local']),
  title: shortText(160),
  summary: shortText(400),
  services: z.array(z.enum(KNOWLEDGE_SERVICES)).min(1),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  sources: z.array(ContentSourceSchema).min(1).describe('Law sections and public pages the facts come from'),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>;

/** How the article list may be sorted (the default is relevance when searched, else kind then title). */
export const ARTICLE_SORTS = ['title', '-title', 'updated', '-updated'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const ArticleListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Search words; results are ranked by relevance in the chosen language'),
  lang: ArticleLangSchema.default('nb'),
  service: z.enum(KNOWLEDGE_SERVICES).optional().describe('Only articles for this service'),
  form: z.enum(EXPLOITATION_FORMS).optional().describe('Only articles about this exploitation form'),
  kind: z.enum(ARTICLE_KINDS).optional().describe('Only articles of this kind (topic)'),
  sort: z.enum(ARTICLE_SORTS).optional().describe('title or updated, "-" first for descending; without it: by relevance when searched, else by kind and title'),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;

export const ArticleSummarySchema = z.object({
  slug: z.string().describe('Stable address of the article'),
  lang: ArticleLangSchema,
  kind: z.enum(ARTICLE_KINDS),
  source: z.enum(ARTICLE_SOURCES).describe('content: shipped with Lykt; override: the municipality changed a shipped text; municipal: written by the municipality; generated: built from live data'),
  title: z.string(),
  summary: z.string(),
  services: z.array(z.enum(KNOWLEDGE_SERVICES)),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  version: z.number().int().describe('Version of the text shown'),
  /** Present for searches: a relevance score (higher is better). */
  rank: z.number().nullable().describe('Relevance when a search was made, else null'),
  updatedAt: z.iso.datetime().nullable().describe('When the municipality last changed it (null for shipped and generated texts)'),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export const ArticleListSchema = z.object({ items: z.array(ArticleSummarySchema) });
export type ArticleList = z.infer<typeof ArticleListSchema>;

export const ArticleSchema = ArticleSummarySchema.extend({
  body: z.string().describe('The text in the Markdown subset of packages/shared/src/knowledge/markdown.ts'),
  sources: z.array(z.string()).describe('Where the facts come from'),
  updatedAt: z.iso.datetime().nullable().describe('When the municipality last changed it (null for shipped texts)'),
  contentVersion: z.number().int().nullable().describe('Version of the shipped text this overrides or is (null for municipal and generated)'),
  /** True when the shipped text has a newer version than the one the override was made from. */
  contentUpdated: z.boolean().describe('The shipped text changed after the municipality overrode it'),
  can: z.object({ edit: z.boolean(), revert: z.boolean() }).describe("What the actor may do with it"),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleParamsSchema = z.object({ slug: ArticleSlugSchema });
export const ArticleLangQuerySchema = z.object({ lang: ArticleLangSchema.default('nb') });

/** Body of a new municipal article, or of a change to one or an override of a shipped article. */
export const ArticleBodySchema = z.object({
  lang: ArticleLangSchema,
  title: shortText(160).describe('Title'),
  summary: shortText(400).describe('One or two sentences shown in lists and search results'),
  body: z.string().trim().min(1).max(40_000).describe('Text in the article Markdown subset'),
  services: z.array(z.enum(KNOWLEDGE_SERVICES)).max(KNOWLEDGE_SERVICES.length).describe('Services it is for (empty: all)'),
  forms: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length).describe('Exploitation forms it is about'),
  /** The version the editor started from; a stale one answers 409 so nobody overwrites another's change. */
  baseVersion: z.number().int().min(0).nullable().default(null).describe('Version the change was made from (null for a new text)'),
});
export type ArticleBody = z.infer<typeof ArticleBodySchema>;
export const CreateArticleBodySchema = ArticleBodySchema.extend({ slug: ArticleSlugSchema });
export type CreateArticleBody = z.infer<typeof CreateArticleBodySchema>;

export const ArticleVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  changedAt: z.iso.datetime(),
  changedBy: z.string().nullable().describe('Name of the staff member who made the change'),
  change: z.enum(['created', 'updated', 'reverted']),
});
export const ArticleVersionListSchema = z.object({ items: z.array(ArticleVersionSchema) });
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

export const PosterParamsSchema = z.object({ service: z.enum(KNOWLEDGE_SERVICES).describe('The service the poster is for') });
