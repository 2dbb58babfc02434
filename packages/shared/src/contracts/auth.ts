import { z } from 'zod';
import { ROLES, MFA_POLICIES } from '../roles';
import { PERMISSIONS } from '../permissions';
import { emailSchema } from './common';

export const LoginBodySchema = z.object({
  email: emailSchema.describe('The account e-mail'),
  password: z.string().min(1).max(1024).describe('The password'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** Where a session stands after a sign-in step. */
export const SESSION_STATES = ['active', 'mfa_challenge', 'mfa_enrolment', 'passkey_enrolment'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const LoginResponseSchema = z.object({
  state: z.enum(SESSION_STATES).describe('active: signed in; mfa_challenge: send a TOTP code; mfa_enrolment: enrol MFA first; passkey_enrolment: register a passkey first'),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MfaCodeBodySchema = z.object({
  code: z.string().trim().regex(/^[0-9]{6}$/, 'The code is six digits').describe('Six-digit TOTP code'),
});
export type MfaCodeBody = z.infer<typeof MfaCodeBodySchema>;

export const MfaEnrolmentResponseSchema = z.object({
  otpauthUrl: z.string().describe('otpauth:// URI to show as a QR code'),
  secret: z.string().describe('The secret in base32, for manual entry'),
});
export type MfaEnrolmentResponse = z.infer<typeof MfaEnrolmentResponseSchema>;

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1024).describe('The current password'),
  newPassword: z.string().min(1).max(1024).describe('The new password'),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const MeResponseSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    language: z.string().nullable(),
    mfaEnabled: z.boolean(),
    mfaRequired: z.boolean(),
    passkeyRequired: z.boolean().describe('The municipality requires a passkey for this role'),
  }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  municipality: z.object({
    id: z.uuid(),
    name: z.string(),
    isDemo: z.boolean(),
    defaultLanguage: z.string(),
    mfaPolicy: z.enum(MFA_POLICIES),
  }),
  permissions: z.array(z.enum(PERMISSIONS)),
  session: z.object({
    state: z.enum(SESSION_STATES),
    idleExpiresAt: z.iso.datetime(),
    absoluteExpiresAt: z.iso.datetime(),
  }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const UpdateMeBodySchema = z.object({
  language: z.enum(['nb', 'en']).nullable().describe('Preferred interface language'),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBodySchema>;
