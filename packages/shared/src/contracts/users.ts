import { z } from 'zod';
import { ROLES } from '../roles';
import { KeysetQuerySchema, emailSchema, keysetPageSchema, shortText, sortValues } from './common';

export const CreateUserBodySchema = z.object({
  email: emailSchema.describe('Work e-mail, used to sign in'),
  name: shortText(120).describe('Full name'),
  role: z.enum(ROLES).describe('Role'),
  organisationId: z.uuid().describe('The organisation the user works for'),
  password: z.string().min(1).max(1024).describe('Initial password; the user should change it'),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .object({
    name: shortText(120).optional().describe('Full name'),
    role: z.enum(ROLES).optional().describe('Role'),
    organisationId: z.uuid().optional().describe('Organisation'),
    active: z.boolean().optional().describe('False deactivates the user and ends their sessions'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

/** The columns the user list sorts by. */
export const USER_SORT_KEYS = ['name', 'createdAt'] as const;

export const UserListQuerySchema = KeysetQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Search in name and e-mail'),
  role: z.enum(ROLES).optional().describe('Only this role'),
  organisationId: z.uuid().optional().describe('Only this organisation'),
  active: z.enum(['true', 'false']).optional().describe('Only active or only deactivated users'),
  sort: z.enum(sortValues(USER_SORT_KEYS)).default('name').describe('Sort column; a leading "-" sorts descending'),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserListSchema = keysetPageSchema(UserSchema);
export type UserList = z.infer<typeof UserListSchema>;

export const SessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  absoluteExpiresAt: z.iso.datetime(),
  isCurrent: z.boolean(),
});
export const SessionListSchema = z.object({ items: z.array(SessionSchema) });
export const EndSessionsResponseSchema = z.object({ ended: z.number().int() });
