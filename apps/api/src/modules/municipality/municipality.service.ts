import type { MunicipalitySettings, UpdateMunicipalityBody } from '@lykt/shared';
import { cellKeyParameters, effectiveThreshold, LANGUAGE_CODES, MFA_POLICIES, maxNoiseVariance } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { publicContentChanged } from '../../public/version';
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
    suppressionThreshold: effectiveThreshold(row.settings.suppressionThreshold),
    roundingBase: row.settings.roundingBase ?? 1,
    ...noiseOf(row.settings),
    isDemo: row.isDemo,
  };
}

/** D and V as applied (defaults when unset, clamped into their bounds). */
function noiseOf(settings: MunicipalityRow['settings']): { noiseMax: number; noiseVariance: number } {
  const parameters = cellKeyParameters({ threshold: 5, noiseMax: settings.noiseMax, noiseVariance: settings.noiseVariance });
  return { noiseMax: parameters.noiseMax, noiseVariance: parameters.noiseVariance };
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
  const updated = await inTransaction(deps, async (tx) => {
    const next = await updateMunicipalityRow(tx, actor.municipalityId, { ...(body.name ? { name: body.name } : {}), settings });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: actor.municipalityId,
      details: {
        fields,
        ...(body.mfaPolicy ? { mfaPolicy: body.mfaPolicy } : {}),
        ...(body.suppressionThreshold !== undefined ? { suppressionThreshold: body.suppressionThreshold } : {}),
        ...(body.roundingBase !== undefined ? { roundingBase: body.roundingBase } : {}),
        ...(body.noiseMax !== undefined ? { noiseMax: body.noiseMax } : {}),
        ...(body.noiseVariance !== undefined ? { noiseVariance: body.noiseVariance } : {}),
      },
    });
    return next;
  });
  publicContentChanged();
  return presentMunicipality(updated);
}
