import type { TipMessage, TipSummary } from '@lykt/shared';
import type { TIP_PEOPLE_COUNTS } from '@lykt/shared';
import { LANGUAGE_CODES, TIP_MESSAGE_KINDS, TIP_MINOR_ANSWERS, TIP_PLACE_KINDS, TIP_STATUSES } from '@lykt/shared';
import type { TipMessageRow, TipRow } from './tips.repository';

/** The encrypted JSON of a tip's content. */
export type StoredContent = { what: string; area: string; address: string; when: string; peopleCount: (typeof TIP_PEOPLE_COUNTS)[number] };
/** The encrypted JSON of a tip's contact details. */
export type StoredContact = { name: string; phone: string; email: string };

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function presentSummary(row: TipRow, names: Map<string, string>): TipSummary {
  return {
    id: row.id,
    status: oneOf(TIP_STATUSES, row.status, 'new'),
    language: oneOf(LANGUAGE_CODES, row.language, 'nb'),
    placeKind: oneOf(TIP_PLACE_KINDS, row.placeKind, 'unknown'),
    minor: oneOf(TIP_MINOR_ANSWERS, row.minor, 'unknown'),
    immediateDanger: row.immediateDanger,
    anonymous: row.anonymous,
    labels: row.labels,
    assignee: row.assignedUserId ? { id: row.assignedUserId, name: names.get(row.assignedUserId) ?? '' } : null,
    unread: row.unreadByStaff,
    submittedOn: row.submittedOn,
    lastActivityOn: row.lastActivityOn,
    closedOn: row.closedOn,
    concernId: row.concernId,
  };
}

export function presentMessage(row: TipMessageRow, body: string, names: Map<string, string>): TipMessage {
  return {
    id: row.id,
    seq: row.seq,
    kind: oneOf(TIP_MESSAGE_KINDS, row.kind, 'note'),
    author: row.authorUserId ? { id: row.authorUserId, name: names.get(row.authorUserId) ?? '' } : null,
    body,
    createdOn: row.createdOn,
  };
}
