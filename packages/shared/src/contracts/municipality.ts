import { z } from 'zod';
import { MFA_POLICIES } from '../roles';
import { MIN_SUPPRESSION_THRESHOLD } from '../disclosure/protect';
import { MAX_NOISE_MAX, MIN_NOISE_MAX, MIN_NOISE_VARIANCE, maxNoiseVariance } from '../disclosure/cellkey';
import { shortText } from './common';

/** Highest k a municipality may set; a larger k would hide most figures of a small municipality. */
export const MAX_SUPPRESSION_THRESHOLD = 20;
/** Bases a municipality may round its shown counts to. */
export const ROUNDING_BASES = [1, 2, 3, 5, 10] as const;

/** Languages the staff app is offered in. */
export const STAFF_LANGUAGES = ['nb', 'en'] as const;
/** Languages a municipality may offer (the staff languages plus public-page languages). */
export const LANGUAGE_CODES = ['nb', 'nn', 'en', 'ro', 'bg', 'pl', 'lt', 'ru', 'uk', 'ar', 'vi', 'th', 'tl', 'es'] as const;

/** Largest logo file the municipality may upload (PNG or JPEG); it is kept in the settings. */
export const LOGO_MAX_BYTES = 200 * 1024;
/** Largest logo in pixels, each side; documents print it at most 150 × 42 pt. */
export const LOGO_MAX_PIXELS = 2000;

export const MunicipalityLogoSchema = z.object({
  type: z.enum(['png', 'jpg']).describe('Image format'),
  width: z.number().int().describe('Width in pixels'),
  height: z.number().int().describe('Height in pixels'),
  bytes: z.number().int().describe('File size in bytes'),
});
export type MunicipalityLogo = z.infer<typeof MunicipalityLogoSchema>;

export const SetMunicipalityLogoBodySchema = z.object({
  image: z
    .string()
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 8)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Base64')
    .describe(`The PNG or JPEG file, base64-encoded; at most ${LOGO_MAX_BYTES / 1024} KB and ${LOGO_MAX_PIXELS} pixels each side`),
});
export type SetMunicipalityLogoBody = z.infer<typeof SetMunicipalityLogoBodySchema>;

export const MunicipalitySettingsSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string(),
  defaultLanguage: z.enum(LANGUAGE_CODES),
  languages: z.array(z.enum(LANGUAGE_CODES)),
  mfaPolicy: z.enum(MFA_POLICIES),
  requirePasskey: z.boolean().describe('Administrators and coordinators must use a passkey (phishing-resistant MFA)'),
  suppressionThreshold: z.number().int().describe('k: counts 0 < n < k are withheld in every statistic that leaves the case team'),
  roundingBase: z.number().int().describe('Shown counts are rounded to a multiple of this (1: no rounding)'),
  noiseMax: z.number().int().describe('D: the largest absolute noise the cell-key method adds to a published count'),
  noiseVariance: z.number().describe('V: the variance of that noise'),
  isDemo: z.boolean(),
  logo: MunicipalityLogoSchema.nullable().describe("The logo printed on the municipality's documents; the image itself is at /municipality/logo"),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettingsSchema>;

export const UpdateMunicipalityBodySchema = z
  .object({
    name: shortText(120).optional().describe('Name of the municipality'),
    defaultLanguage: z.enum(LANGUAGE_CODES).optional().describe('Default language'),
    languages: z.array(z.enum(LANGUAGE_CODES)).min(1).max(LANGUAGE_CODES.length).optional().describe('Languages offered'),
    mfaPolicy: z.enum(MFA_POLICIES).optional().describe('privileged: admin, coordinator and caseworker need MFA; all: everyone; off: nobody'),
    requirePasskey: z.boolean().optional().describe('Require a passkey (phishing-resistant MFA) for administrators and coordinators'),
    suppressionThreshold: z
      .number()
      .int()
      .min(MIN_SUPPRESSION_THRESHOLD)
      .max(MAX_SUPPRESSION_THRESHOLD)
      .optional()
      .describe(`k for disclosure control: counts 0 < n < k are withheld (${MIN_SUPPRESSION_THRESHOLD}–${MAX_SUPPRESSION_THRESHOLD})`),
    roundingBase: z
      .union(ROUNDING_BASES.map((base) => z.literal(base)))
      .optional()
      .describe(`Round shown counts to a multiple of this: ${ROUNDING_BASES.join(', ')} (1: no rounding)`),
    noiseMax: z
      .number()
      .int()
      .min(MIN_NOISE_MAX)
      .max(MAX_NOISE_MAX)
      .optional()
      .describe(`D for the cell-key method: the largest absolute noise on a published count (${MIN_NOISE_MAX}–${MAX_NOISE_MAX})`),
    noiseVariance: z
      .number()
      .min(MIN_NOISE_VARIANCE)
      .max(maxNoiseVariance(MAX_NOISE_MAX))
      .optional()
      .describe(`V for the cell-key method: the variance of the noise (at least ${MIN_NOISE_VARIANCE}, at most D(D+1)/3 for the D in use)`),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' })
  .refine((body) => !body.languages || !body.defaultLanguage || body.languages.includes(body.defaultLanguage), {
    message: 'The default language must be one of the languages offered',
    path: ['defaultLanguage'],
  });
export type UpdateMunicipalityBody = z.infer<typeof UpdateMunicipalityBodySchema>;
