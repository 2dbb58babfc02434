import { z } from 'zod';
import { CASE_EXPLOITATION_FORMS, PLAN_AREA_CODES, SECTORS } from '@lykt/shared';
import isicV1 from '../overview/isic-sectors.v1.json';
import maturityV1 from '../overview/maturity.v1.json';
import regionsV1 from '../overview/nationality-regions.v1.json';
import komV1 from '../overview/kom-categories.v1.json';
import htcdsV1 from '../overview/htcds-mapping.v1.json';
import labelsV1 from '../overview/category-labels.v1.json';

const localised = (max: number) =>
  z.object({
    nb: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });
const ISIC_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;

/** ISIC Rev. 4 sections and the seed sectors mapped to them. */
export const IsicSectorsSchema = z
  .object({
    id: z.literal('isic-sectors'),
    version: z.number().int().positive(),
    source: z.string().min(1),
    sections: z.array(z.object({ code: z.enum(ISIC_CODES), title: localised(160) })).length(ISIC_CODES.length),
    sectorToIsic: z.record(z.enum(SECTORS), z.enum(ISIC_CODES).nullable()),
  })
  .refine((doc) => SECTORS.every((sector) => sector in doc.sectorToIsic), {
    message: 'every sector must be mapped (null when it has no ISIC section)',
  });
export type IsicSectors = z.infer<typeof IsicSectorsSchema>;

export const MATURITY_LEVELS = ['first_steps', 'early_progress', 'substantial_progress', 'mature_practice'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** The four maturity levels and the plan-template areas A-I they are assessed per. */
export const MaturityModelSchema = z
  .object({
    id: z.literal('maturity'),
    version: z.number().int().positive(),
    source: z.string().min(1),
    levels: z.array(
      z.object({
        key: z.enum(MATURITY_LEVELS),
        score: z.number().int().min(1).max(4),
        title: localised(60),
        description: localised(400),
      }),
    ),
    areas: z.array(
      z.object({
        code: z.enum(PLAN_AREA_CODES),
        title: localised(120),
        mature: localised(400),
      }),
    ),
  })
  .refine((doc) => doc.levels.map((level) => level.key).join() === MATURITY_LEVELS.join(), { message: 'the four levels, in order', path: ['levels'] })
  .refine((doc) => doc.areas.map((area) => area.code).join() === PLAN_AREA_CODES.join(), { message: 'areas A-I once each, in order', path: ['areas'] });
export type MaturityModel = z.infer<typeof MaturityModelSchema>;

/** Nationalities grouped into regions, used when a country's count is small. */
export const NationalityRegionsSchema = z
  .object({
    id: z.literal('nationality-regions'),
    version: z.number().int().positive(),
    source: z.string().min(1),
    regions: z.array(z.object({ key: z.string().regex(/^[a-z_]+$/), title: localised(80) })).min(2),
    countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.string()),
  })
  .superRefine((doc, ctx) => {
    const keys = new Set(doc.regions.map((region) => region.key));
    if (!keys.has('other'))
      ctx.addIssue({
        code: 'custom',
        message: 'an "other" region is required',
        path: ['regions'],
      });
    for (const [country, region] of Object.entries(doc.countries))
      if (!keys.has(region))
        ctx.addIssue({
          code: 'custom',
          message: `${country} points to unknown region ${region}`,
          path: ['countries', country],
        });
  });
export type NationalityRegions = z.infer<typeof NationalityRegionsSchema>;

/** The categories of KOM's yearly status report. */
export const KomCategoriesSchema = z.object({
  id: z.literal('kom-categories'),
  version: z.number().int().positive(),
  source: z.string().min(1),
  categories: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z_]+$/),
        field: z.string().min(1),
        title: localised(120),
        values: z.array(z.string()),
      }),
    )
    .min(1),
});
export type KomCategories = z.infer<typeof KomCategoriesSchema>;

/** The documented mapping from Lykt's coded case fields to HTCDS v2.0 field names and values. */
export const HtcdsMappingSchema = z
  .object({
    id: z.literal('htcds-mapping'),
    version: z.number().int().positive(),
    source: z.string().min(1),
    fields: z.array(
      z.object({
        field: z.string().regex(/^(cas|prs|vic|org|lykt)_[A-Za-z]+$/),
        htcds: z.boolean(),
        from: z.string().min(1),
        values: z.record(z.string(), z.string()).optional(),
        note: localised(400).optional(),
      }),
    ),
    quasiIdentifiers: z.array(z.string()).min(1),
    generalisationSteps: z.array(
      z.object({
        key: z.string(),
        nb: z.string().min(1),
        en: z.string().min(1),
      }),
    ),
  })
  .superRefine((doc, ctx) => {
    const names = doc.fields.map((field) => field.field);
    if (new Set(names).size !== names.length)
      ctx.addIssue({
        code: 'custom',
        message: 'duplicate field',
        path: ['fields'],
      });
    for (const qi of doc.quasiIdentifiers)
      if (!names.includes(qi))
        ctx.addIssue({
          code: 'custom',
          message: `quasi-identifier ${qi} is not a field`,
          path: ['quasiIdentifiers'],
        });
    for (const field of doc.fields)
      if (field.htcds === field.field.startsWith('lykt_'))
        ctx.addIssue({
          code: 'custom',
          message: `${field.field}: lykt_ fields are exactly the non-HTCDS ones`,
          path: ['fields'],
        });
  });
export type HtcdsMapping = z.infer<typeof HtcdsMappingSchema>;

/** Labels of statistics dimensions and categories for exports and the council report. */
export const CategoryLabelsSchema = z.object({
  id: z.literal('category-labels'),
  version: z.number().int().positive(),
  source: z.string().min(1),
  dimensions: z.record(z.string(), localised(80)),
  values: z.record(z.string(), localised(80)),
});
export type CategoryLabels = z.infer<typeof CategoryLabelsSchema>;

export const OVERVIEW_DOCUMENTS = {
  isic: isicV1,
  maturity: maturityV1,
  regions: regionsV1,
  kom: komV1,
  htcds: htcdsV1,
  labels: labelsV1,
} as const;

let cache: {
  isic: IsicSectors;
  maturity: MaturityModel;
  regions: NationalityRegions;
  kom: KomCategories;
  htcds: HtcdsMapping;
  labels: CategoryLabels;
} | null = null;

/** The overview module's content, validated once (throws if the data is broken). */
export function overviewContent() {
  cache ??= {
    isic: IsicSectorsSchema.parse(isicV1),
    maturity: MaturityModelSchema.parse(maturityV1),
    regions: NationalityRegionsSchema.parse(regionsV1),
    kom: KomCategoriesSchema.parse(komV1),
    htcds: HtcdsMappingSchema.parse(htcdsV1),
    labels: CategoryLabelsSchema.parse(labelsV1),
  };
  return cache;
}

/** The region of an ISO country code ("other" when not listed). */
export function regionOf(country: string): string {
  return overviewContent().regions.countries[country] ?? 'other';
}

/** KOM's exploitation forms are the case forms; kept here so a test proves the content lists them all. */
export const KOM_FORMS = CASE_EXPLOITATION_FORMS;

/** A category's label in a language: a region's title, a known value's label, or the code itself (a country code). */
export function categoryLabel(key: string, lang: 'nb' | 'en'): string {
  const content = overviewContent();
  if (key.startsWith('region:')) return content.regions.regions.find((region) => `region:${region.key}` === key)?.title[lang] ?? key;
  return content.labels.values[key]?.[lang] ?? key;
}
