import { z } from 'zod';
import { ROLES } from '../roles';
import { shortText } from './common';

/** How Lykt authenticates to the provider's token endpoint. */
export const OIDC_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type OidcClientAuthMethod = (typeof OIDC_CLIENT_AUTH_METHODS)[number];

/** The claim that carries the user's stable id: `sub`, or `oid` for Entra ID (same in every app of the tenant). */
export const OIDC_SUBJECT_CLAIMS = ['sub', 'oid'] as const;

/** Why a sign-in through a provider did not finish; the sign-in page explains each. */
export const OIDC_SIGN_IN_ERRORS = [
  'state',
  'token',
  'provider',
  'not_linked',
  'no_email',
  'email_taken',
  'no_role',
  'pending',
  'blocked',
  'password_login_disabled',
] as const;
export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];

const claimName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:./-]+$/, 'Letters, digits and _ : . / - only');
const valueList = z.array(z.string().trim().min(1).max(200)).max(50);

export const OidcRoleMappingSchema = z.object({
  value: z.string().trim().min(1).max(200).describe('A group id (Entra ID object id) or a value of the groups claim'),
  role: z.enum(ROLES).describe('The Lykt role this value gives'),
  organisationId: z.uuid().describe('The organisation the user belongs to with this value'),
});
export type OidcRoleMapping = z.infer<typeof OidcRoleMappingSchema>;

const providerFields = {
  name: shortText(80).describe('Shown on the sign-in button, e.g. "Oslo kommune (Entra ID)"'),
  issuer: z.url({ protocol: /^https?$/ }).max(500).describe("The issuer URL; Lykt reads its .well-known/openid-configuration"),
  clientId: shortText(200).describe('The client id the provider gave Lykt'),
  clientAuthMethod: z.enum(OIDC_CLIENT_AUTH_METHODS).describe('client_secret_basic/post (a secret) or private_key_jwt (Lykt makes a key pair and shows the public key)'),
  scopes: z
    .string()
    .trim()
    .max(500)
    .regex(/^openid( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'Space-separated scopes, starting with openid')
    .describe('Scopes to ask for, space-separated, starting with openid'),
  subjectClaim: z.enum(OIDC_SUBJECT_CLAIMS).describe('sub, or oid for Entra ID'),
  emailClaim: claimName.describe('The claim with the e-mail address (for just-in-time creation and display only; never used to link)'),
  nameClaim: claimName.describe('The claim with the display name'),
  groupsClaim: z.union([claimName, z.literal('')]).describe('The claim with group ids or role values; empty: roles are kept in Lykt'),
  roleMappings: z.array(OidcRoleMappingSchema).max(100).describe('In order: the first value the user has gives the role and organisation'),
  mfaAcrValues: valueList.describe('acr values the municipality accepts as multi-factor (Lykt then asks for no TOTP code); also sent as acr_values'),
  mfaAmrValues: valueList.describe('amr values accepted as multi-factor, e.g. mfa'),
  jitEnabled: z.boolean().describe('Create unknown users at their first sign-in (off by default)'),
  jitOrganisationId: z.uuid().nullable().describe('Organisation of users created just in time when roles are kept in Lykt'),
  isEnabled: z.boolean().describe('Offered on the sign-in page'),
};

export const CreateOidcProviderBodySchema = z
  .object({
    ...providerFields,
    scopes: providerFields.scopes.default('openid profile email'),
    subjectClaim: providerFields.subjectClaim.default('sub'),
    emailClaim: providerFields.emailClaim.default('email'),
    nameClaim: providerFields.nameClaim.default('name'),
    groupsClaim: providerFields.groupsClaim.default(''),
    roleMappings: providerFields.roleMappings.default([]),
    mfaAcrValues: providerFields.mfaAcrValues.default([]),
    mfaAmrValues: providerFields.mfaAmrValues.default([]),
    jitEnabled: providerFields.jitEnabled.default(false),
    jitOrganisationId: providerFields.jitOrganisationId.default(null),
    isEnabled: providerFields.isEnabled.default(true),
    clientSecret: z.string().min(1).max(2000).optional().describe('The client secret (stored encrypted, never shown again)'),
  })
  .refine((body) => body.clientAuthMethod === 'private_key_jwt' || body.clientSecret !== undefined, {
    message: 'Give the client secret',
    path: ['clientSecret'],
  });
export type CreateOidcProviderBody = z.infer<typeof CreateOidcProviderBodySchema>;

export const UpdateOidcProviderBodySchema = z
  .object({
    ...Object.fromEntries(Object.entries(providerFields).map(([key, schema]) => [key, schema.optional()])),
    clientSecret: z.string().min(1).max(2000).optional().describe('A new client secret; omit to keep the stored one'),
  } as { [K in keyof typeof providerFields]: z.ZodOptional<(typeof providerFields)[K]> } & { clientSecret: z.ZodOptional<z.ZodString> })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateOidcProviderBody = z.infer<typeof UpdateOidcProviderBodySchema>;

export const OidcProviderSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientAuthMethod: z.enum(OIDC_CLIENT_AUTH_METHODS),
  hasClientSecret: z.boolean().describe('A secret is stored (it is never sent back)'),
  publicJwk: z.record(z.string(), z.unknown()).nullable().describe('For private_key_jwt: the public key to register at the provider'),
  scopes: z.string(),
  subjectClaim: z.enum(OIDC_SUBJECT_CLAIMS),
  emailClaim: z.string(),
  nameClaim: z.string(),
  groupsClaim: z.string(),
  roleMappings: z.array(OidcRoleMappingSchema),
  mfaAcrValues: z.array(z.string()),
  mfaAmrValues: z.array(z.string()),
  jitEnabled: z.boolean(),
  jitOrganisationId: z.uuid().nullable(),
  isEnabled: z.boolean(),
  redirectUri: z.string().describe('Register this exact redirect URI at the provider'),
  postLogoutRedirectUri: z.string().describe('Register this as the post-logout redirect URI'),
  linkedUsers: z.number().int().describe('Users linked to this provider'),
});
export type OidcProvider = z.infer<typeof OidcProviderSchema>;

export const OidcProviderListSchema = z.object({ items: z.array(OidcProviderSchema) });

/** The providers offered on the sign-in page (no secrets, no configuration). */
export const OidcSignInOptionsSchema = z.object({
  providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  passwordSignIn: z
    .enum(['offered', 'break_glass_only'])
    .describe('break_glass_only: every municipality here has turned password sign-in off, so only the break-glass administrators made by the CLI may use it'),
});
export type OidcSignInOptions = z.infer<typeof OidcSignInOptionsSchema>;

export const OidcProviderParamsSchema = z.object({ providerId: z.uuid().describe('The provider id') });

export const OidcCallbackQuerySchema = z
  .object({
    code: z.string().max(4000).optional(),
    state: z.string().max(500).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    iss: z.string().max(500).optional(),
  })
  .loose();

export const LinkOidcIdentityBodySchema = z.object({
  userId: z.uuid().describe('The Lykt user'),
  subject: z.string().trim().min(1).max(300).describe("The user's stable id at the provider (sub, or oid for Entra ID)"),
});
export type LinkOidcIdentityBody = z.infer<typeof LinkOidcIdentityBodySchema>;

export const OidcIdentitySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  subject: z.string(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export const OidcIdentityListSchema = z.object({ items: z.array(OidcIdentitySchema) });

export const SignInPolicySchema = z.object({
  passwordLoginEnabled: z.boolean().describe('false: staff sign in only through a provider; break-glass administrators made by the CLI still may'),
});
export type SignInPolicy = z.infer<typeof SignInPolicySchema>;

export const LogoutResponseSchema = z.object({
  ok: z.literal(true),
  endSessionUrl: z.string().nullable().describe("Where to send the browser to end the provider's session too (RP-initiated logout), if it signed in there"),
});
export type LogoutResponse = z.infer<typeof LogoutResponseSchema>;
