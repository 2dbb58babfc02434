import type { Organisation, OrganisationKind } from '@lykt/shared';
import type { ContactPersonRow, OrganisationRow } from './organisation.repository';

export function presentOrganisation(row: OrganisationRow, contacts: ContactPersonRow[], userCount: number): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    isInternal: row.isInternal,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    archived: row.archivedAt !== null,
    contacts: contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      roleTitle: contact.roleTitle,
      phone: contact.phone,
      email: contact.email,
    })),
    userCount,
  };
}
