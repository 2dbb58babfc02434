import { z } from 'zod';
import type { Role } from '../roles';
import { shortText } from './common';

/** Roles that must use a passkey when the municipality requires phishing-resistant MFA. */
export const PASSKEY_POLICY_ROLES: readonly Role[] = ['admin', 'coordinator'];

/** Whether a user with this role must use a passkey, given the municipality's setting. */
export function isPasskeyRequired(role: Role, requirePasskey: boolean): boolean {
  return requirePasskey && PASSKEY_POLICY_ROLES.includes(role);
}

/** How a sign-in was proven; recorded in the audit log with every sign-in step. */
export const SIGN_IN_METHODS = ['password', 'totp', 'passkey'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'Must be base64url');

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

/** The browser's answer to navigator.credentials.create(), as JSON (base64url fields). */
export const PasskeyRegistrationResponseSchema = z.object({
  id: base64url(1400).min(1).describe('Credential id'),
  rawId: base64url(1400).min(1).describe('Credential id (raw)'),
  response: z.object({
    clientDataJSON: base64url(8192).describe('Client data'),
    attestationObject: base64url(65536).describe('Attestation object (CBOR)'),
    authenticatorData: base64url(65536).optional().describe('Authenticator data'),
    transports: z.array(z.enum(TRANSPORTS)).max(10).optional().describe('Transports the authenticator supports'),
    publicKeyAlgorithm: z.number().int().optional().describe('COSE algorithm of the public key'),
    publicKey: base64url(8192).optional().describe('Public key (SPKI)'),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional().describe('How the authenticator is attached'),
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).describe('Extension results'),
  type: z.literal('public-key').describe('Always public-key'),
});
export type PasskeyRegistrationResponse = z.infer<typeof PasskeyRegistrationResponseSchema>;

/** The browser's answer to navigator.credentials.get(), as JSON (base64url fields). */
export const PasskeyAuthenticationResponseSchema = z.object({
  id: base64url(1400).min(1).describe('Credential id'),
  rawId: base64url(1400).min(1).describe('Credential id (raw)'),
  response: z.object({
    clientDataJSON: base64url(8192).describe('Client data'),
    authenticatorData: base64url(65536).describe('Authenticator data'),
    signature: base64url(2048).describe('Signature over authenticator data and the client data hash'),
    userHandle: base64url(256).optional().describe('User handle of a discoverable credential'),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional().describe('How the authenticator is attached'),
  clientExtensionResults: z.object({}).describe('Extension results'),
  type: z.literal('public-key').describe('Always public-key'),
});
export type PasskeyAuthenticationResponse = z.infer<typeof PasskeyAuthenticationResponseSchema>;

/** Options for navigator.credentials.create()/get(), as produced by the server (passed through to the browser). */
export const PasskeyOptionsSchema = z.looseObject({ challenge: z.string().describe('The single-use challenge, base64url') });
export type PasskeyOptions = z.infer<typeof PasskeyOptionsSchema>;

export const RegisterPasskeyBodySchema = z.object({
  name: shortText(60).describe('A name that tells the user which device this is'),
  response: PasskeyRegistrationResponseSchema,
});
export type RegisterPasskeyBody = z.infer<typeof RegisterPasskeyBodySchema>;

export const PasskeyAuthenticationBodySchema = z.object({ response: PasskeyAuthenticationResponseSchema });
export type PasskeyAuthenticationBody = z.infer<typeof PasskeyAuthenticationBodySchema>;

export const RenamePasskeyBodySchema = z.object({ name: shortText(60).describe('The new name') });
export type RenamePasskeyBody = z.infer<typeof RenamePasskeyBodySchema>;

export const PasskeySchema = z.object({
  id: z.uuid(),
  name: z.string().describe('The name the user gave it'),
  isSynced: z.boolean().describe('A synced (multi-device) passkey'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type Passkey = z.infer<typeof PasskeySchema>;

export const PasskeyListSchema = z.object({
  items: z.array(PasskeySchema),
  /** Whether removing a passkey now needs a fresh sign-in first. */
  canRemove: z.boolean().describe('False when the session is too old to remove a passkey; sign in again first'),
});
export type PasskeyList = z.infer<typeof PasskeyListSchema>;

/** Which second factors the user can finish sign-in with. */
export const MfaMethodsSchema = z.object({
  totp: z.boolean().describe('A TOTP code is accepted'),
  passkey: z.boolean().describe('The user has a passkey to use'),
});
export type MfaMethods = z.infer<typeof MfaMethodsSchema>;
