import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema, buildMunicipality, buildOrganisation, type Database } from '@lykt/db';
import { recordAudit } from '../platform/audit';
import { runWithContext } from '../platform/context';
import { inTransaction, type Deps } from '../platform/deps';
import { AppError } from '../platform/errors';
import { assertStrongPassword, hashPassword } from '../platform/passwords';
import { seedCapabilities } from '../platform/seed-capabilities';
import { isEmailTaken } from '../modules/users/user.repository';
import { LANGUAGE_CODES } from '@lykt/shared';

export type CreateAdminInput = {
  email: string;
  name: string;
  municipality?: string;
  password?: string;
  /** A break-glass administrator keeps password sign-in when the municipality has turned it off for single sign-on. */
  breakGlass?: boolean;
};

/** A random password of 24 characters from a readable alphabet (about 140 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

async function resolveMunicipality(deps: Deps, tx: Database, name: string | undefined): Promise<{ id: string; created: boolean }> {
  const all = await tx.select({ id: schema.municipality.id, name: schema.municipality.name }).from(schema.municipality);
  if (name) {
    const match = all.find((row) => row.name.toLowerCase() === name.toLowerCase());
    if (match) return { id: match.id, created: false };
    const created = await buildMunicipality(tx, seedCapabilities(deps.keyring), {
      name,
      settings: { mfaPolicy: 'privileged', languages: [...LANGUAGE_CODES], defaultLanguage: 'nb', suppressionThreshold: 5 },
    });
    return { id: created.id, created: true };
  }
  if (all.length === 1 && all[0]) return { id: all[0].id, created: false };
  throw new AppError(
    'VALIDATION_ERROR',
    all.length === 0 ? 'Name the municipality with --municipality "Name".' : 'Several municipalities exist: name one with --municipality.',
  );
}

/** `lykt user create-admin`: the first administrator of a (new) municipality. */
export async function createAdmin(
  deps: Deps,
  input: CreateAdminInput,
): Promise<{ userId: string; municipalityId: string; password: string; generated: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new AppError('VALIDATION_ERROR', 'Give a valid e-mail address with --email.');
  if (!input.name.trim()) throw new AppError('VALIDATION_ERROR', 'Give the name with --name.');
  if (await isEmailTaken(deps.db, email)) throw new AppError('EMAIL_TAKEN', 'A user with this e-mail already exists.');
  const password = input.password ?? generatePassword();
  assertStrongPassword(password, [email, input.name]);
  const passwordHash = await hashPassword(password);
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'cli' } }, () =>
    inTransaction(deps, async (tx) => {
      const municipality = await resolveMunicipality(deps, tx, input.municipality);
      if (municipality.created) {
        await recordAudit(tx, { municipalityId: municipality.id, action: 'municipality.created', entityType: 'municipality', entityId: municipality.id });
      }
      const [existingOrg] = await tx
        .select({ id: schema.organisation.id })
        .from(schema.organisation)
        .where(eq(schema.organisation.municipalityId, municipality.id))
        .limit(1);
      const organisationId =
        existingOrg?.id ?? (await buildOrganisation(tx, municipality.id, { name: 'Kommunen', kind: 'municipal_service', isInternal: true })).id;
      const [user] = await tx
        .insert(schema.appUser)
        .values({ municipalityId: municipality.id, organisationId, email, name: input.name.trim(), role: 'admin', passwordHash, isBreakGlass: input.breakGlass ?? false })
        .returning({ id: schema.appUser.id });
      if (!user) throw new Error('user insert returned nothing');
      await recordAudit(tx, {
        municipalityId: municipality.id,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        details: { role: 'admin', via: 'cli', breakGlass: input.breakGlass ?? false },
      });
      return { userId: user.id, municipalityId: municipality.id, password, generated: input.password === undefined };
    }),
  );
}
