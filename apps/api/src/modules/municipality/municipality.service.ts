import type { MunicipalityLogo, MunicipalitySettings, SetMunicipalityLogoBody, UpdateMunicipalityBody } from '@lykt/shared';
import { cellKeyParameters, effectiveThreshold, LANGUAGE_CODES, LOGO_MAX_BYTES, LOGO_MAX_PIXELS, MFA_POLICIES, maxNoiseVariance } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { readImageInfo } from '../../platform/documents/image';
import type { DocLogo } from '../../platform/documents/model';
import { AppError, notFound } from '../../platform/errors';
import { publicContentChanged } from '../../public/version';
import { startRequiringPasskeys } from '../auth/passkeys/passkey-policy';
import { findUserInMunicipality } from '../users/user.repository';
import { findMunicipality, updateMunicipality as updateMunicipalityRow, type MunicipalityRow } from './municipality.repository';

type Language = (typeof LANGUAGE_CODES)[number];
const isLanguage = (value: string): value is Language => (LANGUAGE_CODES as readonly string[]).includes(value);

export function presentMunicipality(row: MunicipalityRow): MunicipalitySettings {
  const policy = MFA_POLICIES.find((value) => value === row.settings.mfaPolicy) ?? 'privileged';
  const defaultLanguage = isLanguage(row.settings.defaultLanguage) ? row.settings.defaultLanguage : 'nb';
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    defaultLanguage,
    languages: row.settings.languages.filter(isLanguage),
    mfaPolicy: policy,
    requirePasskey: row.settings.requirePasskey === true,
    suppressionThreshold: effectiveThreshold(row.settings.suppressionThreshold),
    roundingBase: row.settings.roundingBase ?? 1,
    ...noiseOf(row.settings),
    isDemo: row.isDemo,
    logo: presentLogo(row),
  };
}

/** D and V as applied (defaults when unset, clamped into their bounds). */
function noiseOf(settings: MunicipalityRow['settings']): { noiseMax: number; noiseVariance: number } {
  const parameters = cellKeyParameters({ threshold: 5, noiseMax: settings.noiseMax, noiseVariance: settings.noiseVariance });
  return { noiseMax: parameters.noiseMax, noiseVariance: parameters.noiseVariance };
}

function presentLogo(row: MunicipalityRow): MunicipalityLogo | null {
  const logo = row.settings.logo;
  if (!logo) return null;
  return { type: logo.type, width: logo.width, height: logo.height, bytes: Buffer.from(logo.data, 'base64').length };
}

/** The municipality's logo for a document's title area, named by the municipality; undefined without one. */
export function documentLogo(row: MunicipalityRow): DocLogo | undefined {
  const logo = row.settings.logo;
  return logo ? { data: Buffer.from(logo.data, 'base64'), type: logo.type, alt: row.name } : undefined;
}

/** The logo's file, for the settings page's preview. */
export async function getMunicipalityLogo(deps: Deps, actor: UserActor): Promise<{ body: Buffer; contentType: string }> {
  const row = await findMunicipality(deps.db, actor.municipalityId);
  const logo = row?.settings.logo;
  if (!logo) throw notFound('The logo');
  return { body: Buffer.from(logo.data, 'base64'), contentType: logo.type === 'png' ? 'image/png' : 'image/jpeg' };
}

const invalidLogo = (message: string) => new AppError('VALIDATION_ERROR', message, [{ field: 'image', message }]);

/**
 * Sets the logo printed on the municipality's documents. The file must be a PNG or JPEG (read
 * from its header, not from what the client says), at most LOGO_MAX_BYTES and LOGO_MAX_PIXELS a
 * side. Kept base64 in the settings document; audited.
 */
export async function setMunicipalityLogo(deps: Deps, actor: UserActor, body: SetMunicipalityLogoBody): Promise<MunicipalitySettings> {
  const data = Buffer.from(body.image, 'base64');
  if (data.length === 0) throw invalidLogo('The image is empty.');
  if (data.length > LOGO_MAX_BYTES) throw invalidLogo(`The image is larger than ${LOGO_MAX_BYTES / 1024} KB.`);
  const info = readImageInfo(data);
  if (!info) throw invalidLogo('The image must be a PNG or JPEG file.');
  if (info.width > LOGO_MAX_PIXELS || info.height > LOGO_MAX_PIXELS) throw invalidLogo(`The image is larger than ${LOGO_MAX_PIXELS} pixels on a side.`);
  return changeLogo(deps, actor, { type: info.type, width: info.width, height: info.height, data: data.toString('base64') });
}

/** Removes the logo; documents then have none. Audited. */
export async function removeMunicipalityLogo(deps: Deps, actor: UserActor): Promise<MunicipalitySettings> {
  return changeLogo(deps, actor, null);
}

async function changeLogo(deps: Deps, actor: UserActor, logo: NonNullable<MunicipalityRow['settings']['logo']> | null): Promise<MunicipalitySettings> {
  const row = await findMunicipality(deps.db, actor.municipalityId);
  if (!row) throw notFound('The municipality');
  const { logo: _previous, ...rest } = row.settings;
  const settings = logo ? { ...rest, logo } : rest;
  const updated = await inTransaction(deps, async (tx) => {
    const next = await updateMunicipalityRow(tx, actor.municipalityId, { settings });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: actor.municipalityId,
      details: { fields: ['logo'], logo: logo ? { type: logo.type, width: logo.width, height: logo.height } : null },
    });
    return next;
  });
  return presentMunicipality(updated);
}

export async function getMunicipality(deps: Deps, actor: UserActor): Promise<MunicipalitySettings> {
  const row = await findMunicipality(deps.db, actor.municipalityId);
  if (!row) throw notFound('The municipality');
  return presentMunicipality(row);
}

export async function updateMunicipality(deps: Deps, actor: UserActor, body: UpdateMunicipalityBody): Promise<MunicipalitySettings> {
  const row = await findMunicipality(deps.db, actor.municipalityId);
  if (!row) throw notFound('The municipality');
  const settings = {
    ...row.settings,
    ...(body.mfaPolicy ? { mfaPolicy: body.mfaPolicy } : {}),
    ...(body.requirePasskey !== undefined ? { requirePasskey: body.requirePasskey } : {}),
    ...(body.languages ? { languages: body.languages } : {}),
    ...(body.defaultLanguage ? { defaultLanguage: body.defaultLanguage } : {}),
    ...(body.suppressionThreshold !== undefined ? { suppressionThreshold: body.suppressionThreshold } : {}),
    ...(body.roundingBase !== undefined ? { roundingBase: body.roundingBase } : {}),
    ...(body.noiseMax !== undefined ? { noiseMax: body.noiseMax } : {}),
    ...(body.noiseVariance !== undefined ? { noiseVariance: body.noiseVariance } : {}),
  };
  const noise = noiseOf(settings);
  if ((body.noiseMax !== undefined || body.noiseVariance !== undefined) && (settings.noiseVariance ?? noise.noiseVariance) > maxNoiseVariance(settings.noiseMax ?? noise.noiseMax)) {
    throw new AppError('VALIDATION_ERROR', `The noise variance can be at most D(D+1)/3 = ${maxNoiseVariance(settings.noiseMax ?? noise.noiseMax).toFixed(2)} for D = ${settings.noiseMax ?? noise.noiseMax}.`, [
      { field: 'noiseVariance', message: 'Too high for the largest noise D' },
    ]);
  }
  if (!settings.languages.includes(settings.defaultLanguage)) {
    throw new AppError('VALIDATION_ERROR', 'The default language must be one of the languages offered.', [
      { field: 'defaultLanguage', message: 'Not among the languages offered' },
    ]);
  }
  const fields = Object.keys(body);
  const isStartingPasskeyRule = body.requirePasskey === true && row.settings.requirePasskey !== true;
  const actorIsDemoAccount = isStartingPasskeyRule ? ((await findUserInMunicipality(deps.db, actor.municipalityId, actor.userId))?.isDemoAccount ?? false) : false;
  const updated = await inTransaction(deps, async (tx) => {
    const sessionsEnded = isStartingPasskeyRule ? await startRequiringPasskeys(deps, tx, actor, row, actorIsDemoAccount) : 0;
    const next = await updateMunicipalityRow(tx, actor.municipalityId, { ...(body.name ? { name: body.name } : {}), settings });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: actor.municipalityId,
      details: {
        fields,
        ...(body.mfaPolicy ? { mfaPolicy: body.mfaPolicy } : {}),
        ...(body.requirePasskey !== undefined ? { requirePasskey: body.requirePasskey } : {}),
        ...(isStartingPasskeyRule ? { sessionsEnded } : {}),
        ...(body.suppressionThreshold !== undefined ? { suppressionThreshold: body.suppressionThreshold } : {}),
        ...(body.roundingBase !== undefined ? { roundingBase: body.roundingBase } : {}),
        ...(body.noiseMax !== undefined ? { noiseMax: body.noiseMax } : {}),
        ...(body.noiseVariance !== undefined ? { noiseVariance: body.noiseVariance } : {}),
      },
    });
    return next;
  });
  await publicContentChanged(deps.db);
  return presentMunicipality(updated);
}
