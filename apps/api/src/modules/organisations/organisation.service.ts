import type { Organisation, OrganisationBody, OrganisationListQuery } from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { presentOrganisation } from './organisation.presenter';
import {
  countUsersByOrganisation,
  findContacts,
  findOrganisation,
  findOrganisations as findOrganisationRows,
  insertOrganisation,
  replaceContacts,
  updateOrganisationRow,
} from './organisation.repository';

async function present(db: Database, municipalityId: string, organisationId: string): Promise<Organisation> {
  const row = await findOrganisation(db, municipalityId, organisationId);
  if (!row) throw notFound('The organisation');
  const [contacts, counts] = await Promise.all([findContacts(db, municipalityId, [row.id]), countUsersByOrganisation(db, municipalityId)]);
  return presentOrganisation(row, contacts, counts.get(row.id) ?? 0);
}

export async function findOrganisations(deps: Deps, actor: UserActor, includeArchived: boolean, filter: Partial<Pick<OrganisationListQuery, 'q' | 'kind' | 'sort'>> = {}): Promise<{ items: Organisation[] }> {
  const rows = await findOrganisationRows(deps.db, actor.municipalityId, includeArchived, filter);
  const [contacts, counts] = await Promise.all([
    findContacts(deps.db, actor.municipalityId, rows.map((row) => row.id)),
    countUsersByOrganisation(deps.db, actor.municipalityId),
  ]);
  return {
    items: rows.map((row) =>
      presentOrganisation(
        row,
        contacts.filter((contact) => contact.organisationId === row.id),
        counts.get(row.id) ?? 0,
      ),
    ),
  };
}

export async function getOrganisation(deps: Deps, actor: UserActor, organisationId: string): Promise<Organisation> {
  return present(deps.db, actor.municipalityId, organisationId);
}

function organisationValues(body: OrganisationBody) {
  return { name: body.name, kind: body.kind, isInternal: body.isInternal, phone: body.phone, email: body.email, notes: body.notes };
}

export async function createOrganisation(deps: Deps, actor: UserActor, body: OrganisationBody): Promise<Organisation> {
  const id = await inTransaction(deps, async (tx) => {
    const row = await insertOrganisation(tx, actor.municipalityId, organisationValues(body));
    await replaceContacts(tx, actor.municipalityId, row.id, body.contacts);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: row.id,
      details: { kind: body.kind, contacts: body.contacts.length },
    });
    return row.id;
  });
  return present(deps.db, actor.municipalityId, id);
}

/** Replaces an organisation's fields and contact persons. */
export async function updateOrganisation(deps: Deps, actor: UserActor, organisationId: string, body: OrganisationBody): Promise<Organisation> {
  const existing = await findOrganisation(deps.db, actor.municipalityId, organisationId);
  if (!existing) throw notFound('The organisation');
  if (existing.archivedAt) throw new AppError('CONFLICT', 'The organisation is archived and cannot be changed.');
  const values = organisationValues(body);
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((field) => values[field] !== existing[field]);
  await inTransaction(deps, async (tx) => {
    await updateOrganisationRow(tx, actor.municipalityId, organisationId, values);
    await replaceContacts(tx, actor.municipalityId, organisationId, body.contacts);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: organisationId,
      details: { fields: changed, contacts: body.contacts.length },
    });
  });
  return present(deps.db, actor.municipalityId, organisationId);
}

/** Archives an organisation; it stays in history but can no longer be chosen. */
export async function archiveOrganisation(deps: Deps, actor: UserActor, organisationId: string): Promise<Organisation> {
  const existing = await findOrganisation(deps.db, actor.municipalityId, organisationId);
  if (!existing) throw notFound('The organisation');
  const users = (await countUsersByOrganisation(deps.db, actor.municipalityId)).get(organisationId) ?? 0;
  if (users > 0) throw new AppError('CONFLICT', `The organisation still has ${users} active user(s). Move or deactivate them first.`);
  if (!existing.archivedAt) {
    await inTransaction(deps, async (tx) => {
      await updateOrganisationRow(tx, actor.municipalityId, organisationId, { archivedAt: new Date() });
      await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'organisation.archived', entityType: 'organisation', entityId: organisationId });
    });
  }
  return present(deps.db, actor.municipalityId, organisationId);
}
