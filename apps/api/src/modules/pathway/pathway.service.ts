import { DEFAULT_PATHWAY_NO } from '@lykt/content/indicators';
import type { Database } from '@lykt/db';
import { PathwayRulesSchema, type Pathway, type PathwayBody, type PathwayContact, type PathwayRule } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findActiveOrganisations, findContactPeople, findPathwayRow, upsertPathwayRow, type OrganisationRow } from './pathway.repository';

type LoadedPathway = { rules: PathwayRule[]; isDefault: boolean; version: number; updatedAt: Date | null };

/** The municipality's rules, or the national default until the coordinator saves its own. */
export async function loadPathwayRules(db: Database, municipalityId: string): Promise<LoadedPathway> {
  const row = await findPathwayRow(db, municipalityId);
  if (!row) return { rules: DEFAULT_PATHWAY_NO.rules, isDefault: true, version: 0, updatedAt: null };
  return { rules: PathwayRulesSchema.parse(row.rules), isDefault: false, version: row.version, updatedAt: row.updatedAt };
}

function organisationFor(rule: PathwayRule, organisations: OrganisationRow[]): OrganisationRow | undefined {
  if (rule.step.organisationId) return organisations.find((organisation) => organisation.id === rule.step.organisationId);
  if (rule.step.organisationKind) return organisations.find((organisation) => organisation.kind === rule.step.organisationKind);
  return undefined;
}

export async function getPathway(deps: Deps, actor: UserActor): Promise<Pathway> {
  const loaded = await loadPathwayRules(deps.db, actor.municipalityId);
  const organisations = await findActiveOrganisations(deps.db, actor.municipalityId);
  const resolved = loaded.rules.map((rule) => [rule.id, organisationFor(rule, organisations)] as const);
  const people = await findContactPeople(
    deps.db,
    actor.municipalityId,
    resolved.flatMap(([, organisation]) => (organisation ? [organisation.id] : [])),
  );
  const contacts: Record<string, PathwayContact> = {};
  for (const [ruleId, organisation] of resolved) {
    if (!organisation) continue;
    contacts[ruleId] = {
      organisationId: organisation.id,
      name: organisation.name,
      phone: organisation.phone,
      email: organisation.email,
      people: people
        .filter((person) => person.organisationId === organisation.id)
        .map((person) => ({ name: person.name, roleTitle: person.roleTitle, phone: person.phone, email: person.email })),
    };
  }
  return { rules: loaded.rules, isDefault: loaded.isDefault, version: loaded.version, updatedAt: loaded.updatedAt?.toISOString() ?? null, contacts };
}

/** Replaces the municipality's pathway. Every organisation named must be an active one of this municipality. */
export async function savePathway(deps: Deps, actor: UserActor, body: PathwayBody): Promise<Pathway> {
  const organisations = await findActiveOrganisations(deps.db, actor.municipalityId);
  const known = new Set(organisations.map((organisation) => organisation.id));
  const unknown = body.rules.flatMap((rule, index) =>
    rule.step.organisationId && !known.has(rule.step.organisationId) ? [{ field: `rules.${index}.step.organisationId`, message: 'No active organisation with this id' }] : [],
  );
  if (unknown.length > 0) throw new AppError('VALIDATION_ERROR', `Check the field "${unknown[0]?.field}": no active organisation with this id.`, unknown);
  await inTransaction(deps, async (tx) => {
    const row = await upsertPathwayRow(tx, actor.municipalityId, body.rules, actor.userId);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'pathway.updated',
      entityType: 'referral_pathway',
      entityId: row.id,
      details: { rules: body.rules.length, version: row.version },
    });
  });
  return getPathway(deps, actor);
}
