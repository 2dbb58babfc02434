import { z } from 'zod';
import { emailSchema, phoneSchema, shortText } from './common';

/** Kinds of organisation in the partner registry. */
export const ORGANISATION_KINDS = [
  'police',
  'child_welfare',
  'health',
  'social_services',
  'school',
  'immigrant_service',
  'labour_inspection',
  'tax',
  'shelter',
  'ngo',
  'business',
  'municipal_service',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ContactPersonInputSchema = z.object({
  name: shortText(120).describe('Full name of the contact person'),
  roleTitle: z.string().trim().max(120).default('').describe('Their role, e.g. "Duty officer"'),
  phone: phoneSchema.nullable().default(null).describe('Work phone'),
  email: emailSchema.nullable().default(null).describe('Work e-mail'),
});
export type ContactPersonInput = z.infer<typeof ContactPersonInputSchema>;

export const OrganisationBodySchema = z.object({
  name: shortText(200).describe('Name of the organisation'),
  kind: z.enum(ORGANISATION_KINDS).describe('Kind of organisation'),
  isInternal: z.boolean().describe('True when part of the municipality itself'),
  phone: phoneSchema.nullable().default(null).describe('Switchboard or main phone'),
  email: emailSchema.nullable().default(null).describe('Main e-mail'),
  notes: z.string().trim().max(2000).default('').describe('What they do in this work (no personal data)'),
  contacts: z.array(ContactPersonInputSchema).max(50).default([]).describe('Contact persons'),
});
export type OrganisationBody = z.infer<typeof OrganisationBodySchema>;

export const ContactPersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  roleTitle: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const OrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  isInternal: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string(),
  archived: z.boolean(),
  contacts: z.array(ContactPersonSchema),
  userCount: z.number().int(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListQuerySchema = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Include archived organisations'),
  q: z.string().trim().max(100).optional().describe('Search in the organisation’s name'),
  kind: z.enum(ORGANISATION_KINDS).optional().describe('Only this kind of organisation'),
  sort: z.enum(['name', '-name', 'kind']).default('name').describe('Name A–Z (name), Z–A (-name) or by kind, then name (kind)'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema) });
