import { z } from 'zod';
import { MFA_POLICIES } from '../roles';
import { shortText } from './common';

/** Languages the staff app is offered in. */
export const STAFF_LANGUAGES = ['nb', 'en'] as const;
/** Languages a municipality may offer (the staff languages plus public-page languages). */
export const LANGUAGE_CODES = ['nb', 'nn', 'en', 'ro', 'bg', 'pl', 'lt', 'ru', 'uk', 'ar', 'vi', 'th', 'tl', 'es'] as const;

export const MunicipalitySettingsSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string(),
  defaultLanguage: z.enum(LANGUAGE_CODES),
  languages: z.array(z.enum(LANGUAGE_CODES)),
  mfaPolicy: z.enum(MFA_POLICIES),
  isDemo: z.boolean(),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettingsSchema>;

export const UpdateMunicipalityBodySchema = z
  .object({
    name: shortText(120).optional().describe('Name of the municipality'),
    defaultLanguage: z.enum(LANGUAGE_CODES).optional().describe('Default language'),
    languages: z.array(z.enum(LANGUAGE_CODES)).min(1).max(LANGUAGE_CODES.length).optional().describe('Languages offered'),
    mfaPolicy: z.enum(MFA_POLICIES).optional().describe('privileged: admin, coordinator and caseworker need MFA; all: everyone; off: nobody'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' })
  .refine((body) => !body.languages || !body.defaultLanguage || body.languages.includes(body.defaultLanguage), {
    message: 'The default language must be one of the languages offered',
    path: ['defaultLanguage'],
  });
export type UpdateMunicipalityBody = z.infer<typeof UpdateMunicipalityBodySchema>;
