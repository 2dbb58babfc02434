import { z } from 'zod';
import { ORGANISATION_KINDS } from './organisations';
import { PLAN_AREA_CODES } from './plans';

/** Groups at risk (domain.md §2, area B). */
export const RISK_GROUP_KINDS = ['unaccompanied_minors', 'asylum_seekers_refugees', 'labour_migrants', 'people_selling_sex', 'homeless', 'addiction', 'other'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const ISIC_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;
export const SERVICE_KINDS = ['shelter', 'interpreter', 'health', 'legal_aid', 'ngo', 'social', 'other'] as const;
export const PATTERN_KINDS = ['recruitment', 'transport', 'housing', 'enablers', 'seasonal_trend', 'online', 'other'] as const;
export const SITE_LINK_KINDS = ['concern', 'tip'] as const;
export const MATURITY_LEVEL_KEYS = ['first_steps', 'early_progress', 'substantial_progress', 'mature_practice'] as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/**
 * A position in WGS 84 degrees. Both or neither: a site without a position is listed, not drawn.
 * Entered by hand (no geocoder is configured in Lykt, so an address is never sent anywhere).
 */
const Position = {
  latitude: z.number().min(-90).max(90).nullable().default(null).describe('Latitude in degrees (WGS 84), -90 to 90'),
  longitude: z.number().min(-180).max(180).nullable().default(null).describe('Longitude in degrees (WGS 84), -180 to 180'),
};
const PositionOut = { latitude: z.number().nullable(), longitude: z.number().nullable() };
const bothOrNeither = (body: { latitude: number | null; longitude: number | null }) => (body.latitude === null) === (body.longitude === null);
const bothOrNeitherMessage = { message: 'Give both latitude and longitude, or neither', path: ['longitude'] };

const Authorship = {
  createdBy: z.string().describe('Name of who added the entry'),
  createdAt: z.iso.datetime(),
  updatedBy: z.string().nullable().describe('Name of who last changed it'),
  updatedAt: z.iso.datetime(),
};

export const RiskGroupBodySchema = z
  .object({
    kind: z.enum(RISK_GROUP_KINDS).describe('Kind of group'),
    title: required(160).describe('Short description of the group, e.g. "Seasonal berry pickers"'),
    sizeLow: z.number().int().min(0).max(1_000_000).nullable().default(null).describe('Lower estimate of the group size'),
    sizeHigh: z.number().int().min(0).max(1_000_000).nullable().default(null).describe('Upper estimate of the group size'),
    sizeSource: text(300).default('').describe('Where the estimate comes from'),
    notes: text(4000).default('').describe('What is known (stored encrypted)'),
  })
  .strict()
  .refine((body) => body.sizeLow === null || body.sizeHigh === null || body.sizeLow <= body.sizeHigh, {
    message: 'The lower estimate must not exceed the upper',
    path: ['sizeHigh'],
  });
export type RiskGroupBody = z.infer<typeof RiskGroupBodySchema>;

export const RiskGroupSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RISK_GROUP_KINDS),
  title: z.string(),
  sizeLow: z.number().int().nullable(),
  sizeHigh: z.number().int().nullable(),
  sizeSource: z.string(),
  notes: z.string(),
  ...Authorship,
});
export type RiskGroup = z.infer<typeof RiskGroupSchema>;

export const SiteBodySchema = z
  .object({
    name: required(160).describe('Name of the site or business'),
    isicSection: z.enum(ISIC_SECTIONS).describe('Sector as an ISIC Rev. 4 section'),
    area: text(160).default('').describe('Area of the municipality'),
    riskLevel: z.enum(RISK_LEVELS).describe('Assessed risk level'),
    riskReason: text(2000).default('').describe('Why this risk level (stored encrypted)'),
    known: text(4000).default('').describe('What is known (stored encrypted)'),
    ...Position,
  })
  .strict()
  .refine(bothOrNeither, bothOrNeitherMessage);
export type SiteBody = z.infer<typeof SiteBodySchema>;

export const InspectionBodySchema = z
  .object({
    inspectedOn: z.iso.date().describe('Day of the inspection'),
    agencies: z.array(z.enum(ORGANISATION_KINDS)).min(1).max(ORGANISATION_KINDS.length).describe('Kinds of agencies that took part'),
    findings: text(4000).default('').describe('Findings (stored encrypted)'),
    followUp: text(2000).default('').describe('Agreed follow-up (stored encrypted)'),
  })
  .strict();
export type InspectionBody = z.infer<typeof InspectionBodySchema>;

export const InspectionSchema = z.object({
  id: z.uuid(),
  inspectedOn: z.iso.date(),
  agencies: z.array(z.enum(ORGANISATION_KINDS)),
  findings: z.string(),
  followUp: z.string(),
  concernId: z.uuid().nullable().describe('The concern this finding started'),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Inspection = z.infer<typeof InspectionSchema>;

export const SiteLinkBodySchema = z
  .object({
    targetKind: z.enum(SITE_LINK_KINDS).describe('concern or tip'),
    targetId: z.uuid().describe('Id of the concern or tip'),
  })
  .strict();
export type SiteLinkBody = z.infer<typeof SiteLinkBodySchema>;

export const SiteSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isicSection: z.enum(ISIC_SECTIONS),
  area: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  lastInspectedOn: z.iso.date().nullable(),
  inspections: z.number().int(),
  links: z.number().int(),
  ...PositionOut,
  ...Authorship,
});
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

export const SiteSchema = SiteSummarySchema.extend({
  riskReason: z.string(),
  known: z.string(),
  inspectionList: z.array(InspectionSchema),
  linkList: z.array(
    z.object({
      id: z.uuid(),
      targetKind: z.enum(SITE_LINK_KINDS),
      targetId: z.uuid(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type Site = z.infer<typeof SiteSchema>;

export const ServiceBodySchema = z
  .object({
    kind: z.enum(SERVICE_KINDS).describe('Kind of service'),
    name: required(160).describe('Name of the service'),
    organisationId: z.uuid().nullable().default(null).describe('The partner organisation that runs it, if registered'),
    capacity: z.number().int().min(0).max(100_000).nullable().default(null).describe('Capacity, e.g. number of shelter places'),
    capacityUnit: text(60).default('').describe('Unit of the capacity, e.g. "places", "hours a week"'),
    description: text(2000).default('').describe('Opening hours, languages, how to reach it (no personal data)'),
    ...Position,
  })
  .strict()
  .refine(bothOrNeither, bothOrNeitherMessage);
export type ServiceBody = z.infer<typeof ServiceBodySchema>;

export const ServiceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  name: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  capacity: z.number().int().nullable(),
  capacityUnit: z.string(),
  description: z.string(),
  ...PositionOut,
  ...Authorship,
});
export type Service = z.infer<typeof ServiceSchema>;

export const PatternBodySchema = z
  .object({
    kind: z.enum(PATTERN_KINDS).describe('Kind of pattern'),
    title: required(160).describe('Short title'),
    description: text(4000).default('').describe('What is known (stored encrypted)'),
  })
  .strict();
export type PatternBody = z.infer<typeof PatternBodySchema>;

export const PatternSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PATTERN_KINDS),
  title: z.string(),
  description: z.string(),
  ...Authorship,
});
export type Pattern = z.infer<typeof PatternSchema>;

/** Loopback hosts, where plain http is allowed (a tile server on the same machine, e.g. in tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a tile URL template is refused, or null when it is fine: https (http only on loopback), {z}, {x} and {y} each once, nothing else in braces. */
export function tileUrlProblem(template: string): string | null {
  for (const placeholder of ['{z}', '{x}', '{y}']) {
    if (template.split(placeholder).length !== 2) return `The address must contain ${placeholder} exactly once`;
  }
  if (/\{(?!z\}|x\}|y\})[^}]*\}/.test(template)) return 'Only {z}, {x} and {y} may stand in braces';
  let url: URL;
  try {
    url = new URL(template.replaceAll('{z}', '0').replaceAll('{x}', '0').replaceAll('{y}', '0'));
  } catch {
    return 'The address is not a valid URL';
  }
  if (url.username !== '' || url.password !== '') return 'The address must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'The address must start with https://';
}

/** The origin a tile URL template loads from (for the Content-Security-Policy). */
export function tileOrigin(template: string): string {
  return new URL(template.replaceAll('{z}', '0').replaceAll('{x}', '0').replaceAll('{y}', '0')).origin;
}

export const TileSourceSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .superRefine((value, ctx) => {
        const problem = tileUrlProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('Raster tile URL template (256 px tiles, Web Mercator): https, with {z}, {x} and {y} each once'),
    attribution: z.string().trim().min(1).max(300).describe('Attribution the tile provider requires, shown on the map'),
    maxZoom: z.number().int().min(1).max(22).describe('Highest zoom level the tile server serves'),
  })
  .strict();
export type TileSource = z.infer<typeof TileSourceSchema>;

export const TileSourceBodySchema = z
  .object({ tileSource: TileSourceSchema.nullable().describe('null removes the map (list and table only)') })
  .strict();
export type TileSourceBody = z.infer<typeof TileSourceBodySchema>;

export const MapSchema = z.object({
  riskGroups: z.array(RiskGroupSchema),
  sites: z.array(SiteSummarySchema),
  services: z.array(ServiceSchema),
  patterns: z.array(PatternSchema),
  partnersMayRead: z.boolean(),
  tileSource: TileSourceSchema.nullable().describe('The background map set by the administrator; null: list and table only'),
  canWrite: z.boolean().describe('Whether the signed-in user may change the map'),
});
export type LocalMap = z.infer<typeof MapSchema>;

export const MapSettingsBodySchema = z
  .object({
    partnersMayRead: z.boolean().describe('Let partners in the cooperation group read the map'),
  })
  .strict();

export const MaturityBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100).describe('Year of the self-assessment'),
    ratings: z
      .array(
        z.object({
          areaCode: z.enum(PLAN_AREA_CODES),
          level: z.enum(MATURITY_LEVEL_KEYS),
          note: text(1000).default(''),
        }),
      )
      .min(1)
      .max(PLAN_AREA_CODES.length)
      .refine((ratings) => new Set(ratings.map((rating) => rating.areaCode)).size === ratings.length, { message: 'Each area once' })
      .describe('One level per plan area'),
  })
  .strict();
export type MaturityBody = z.infer<typeof MaturityBodySchema>;

export const MaturitySchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      ratings: z.array(
        z.object({
          areaCode: z.enum(PLAN_AREA_CODES),
          level: z.enum(MATURITY_LEVEL_KEYS),
          note: z.string(),
          ratedBy: z.string(),
          ratedAt: z.iso.datetime(),
        }),
      ),
    }),
  ),
});
export type Maturity = z.infer<typeof MaturitySchema>;
