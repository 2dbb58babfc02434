import { randomInt } from 'node:crypto';
import type {
  TipAssigneeList,
  TipDetail,
  TipList,
  TipListQuery,
  TipMessageBody,
  TipPublicSettings,
  TipStatus,
  TipSubmission,
  TipToConcernBody,
  TipToConcernResult,
  TipUpdateBody,
} from '@lykt/shared';
import { can, codesMatching, normaliseReceipt, TIP_PLACE_LABELS, TIP_STATUS_LABELS, todayInNorway } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import { runWithContext, type UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { containsPattern, decodeCursor } from '../../platform/keyset';
import { createConcern } from '../concerns/concern.service';
import { presentMessage, presentSummary, type StoredContact, type StoredContent } from './tips.presenter';
import { publicContentChanged } from '../../public/version';
import {
  countTipRows,
  deleteTipRow,
  findAssignees,
  findClosedBefore,
  findMessages,
  findMunicipalityIds,
  findSettings,
  findTip,
  findTipByReceiptHash,
  findTips,
  findUserNames,
  insertMessage,
  insertTip,
  updateTipRow,
  upsertSettings,
  tipListSort,
  type TipFilter,
  type TipRow,
  type TipSettingsRow,
} from './tips.repository';
import { notify } from '../notifications/notify';

const RECEIPT_PURPOSE = 'tip.receipt';
const CONTENT_FIELD = 'tip.content';
const CONTACT_FIELD = 'tip.contact';
const MESSAGE_FIELD = 'tip_message.body';

/** A random 16-digit receipt code, grouped in fours for reading. */
export function newReceiptCode(): string {
  const digits = Array.from({ length: 16 }, () => randomInt(0, 10)).join('');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export const isReceiptShape = (value: string): boolean => /^\d{16}$/.test(normaliseReceipt(value));

function receiptHash(deps: Deps, municipalityId: string, code: string): Promise<string> {
  return deps.keyring.keyedHash(deps.db, municipalityId, RECEIPT_PURPOSE, normaliseReceipt(code));
}

/**
 * Stores an anonymous tip and returns its receipt code (shown once, never stored in clear).
 * No audit event is written: an audit event carries an exact timestamp and request id, which
 * would undo the day-precision promise. Staff reads and changes of the tip are audited.
 */
export async function submitTip(deps: Deps, municipalityId: string, submission: TipSubmission): Promise<string> {
  const content: StoredContent = { what: submission.what, area: submission.area, address: submission.address, when: submission.when, peopleCount: submission.peopleCount };
  const contact: StoredContact | null = submission.anonymous
    ? null
    : { name: submission.contactName, phone: submission.contactPhone, email: submission.contactEmail };
  const day = todayInNorway();
  for (let attempt = 0; ; attempt += 1) {
    const code = newReceiptCode();
    const hash = await receiptHash(deps, municipalityId, code);
    if (await findTipByReceiptHash(deps.db, municipalityId, hash)) {
      if (attempt >= 3) throw new AppError('INTERNAL_ERROR', 'Could not make a unique receipt code.');
      continue;
    }
    await inTransaction(deps, async (tx) => {
      const inserted = await insertTip(tx, {
        municipalityId,
        receiptHash: hash,
        status: 'new',
        language: submission.language,
        placeKind: submission.placeKind,
        minor: submission.minor,
        immediateDanger: submission.immediateDanger,
        anonymous: submission.anonymous,
        contentEnc: await deps.keyring.encrypt(tx, municipalityId, CONTENT_FIELD, JSON.stringify(content)),
        contactEnc: contact ? await deps.keyring.encrypt(tx, municipalityId, CONTACT_FIELD, JSON.stringify(contact)) : null,
        contactMayBeShared: contact ? submission.contactMayBeShared : false,
        labels: [],
        unreadByStaff: true,
        submittedOn: day,
        lastActivityOn: day,
      });
      await notify(deps, tx, { kind: 'tip_new', municipalityId, tipId: inserted.id });
    });
    return code;
  }
}

export type TipsterView = {
  submittedOn: string;
  status: TipStatus;
  what: string;
  messages: { kind: 'tipster' | 'reply'; body: string; createdOn: string }[];
};

async function tipByReceipt(deps: Deps, municipalityId: string, code: string): Promise<TipRow | undefined> {
  // The hash is computed even for a malformed code, so every wrong code costs the same work.
  const hash = await receiptHash(deps, municipalityId, code);
  if (!isReceiptShape(code)) return undefined;
  return findTipByReceiptHash(deps.db, municipalityId, hash);
}

/** What the tipster may see with the receipt: their tip and the conversation, never internal notes. */
export async function viewTipAsTipster(deps: Deps, municipalityId: string, code: string): Promise<TipsterView | null> {
  const row = await tipByReceipt(deps, municipalityId, code);
  if (!row) return null;
  const content = JSON.parse(await deps.keyring.decrypt(deps.db, municipalityId, CONTENT_FIELD, row.contentEnc)) as StoredContent;
  const messages = await findMessages(deps.db, municipalityId, row.id);
  const visible: TipsterView['messages'] = [];
  for (const message of messages) {
    if (message.kind !== 'tipster' && message.kind !== 'reply') continue;
    visible.push({ kind: message.kind, body: await deps.keyring.decrypt(deps.db, municipalityId, MESSAGE_FIELD, message.bodyEnc), createdOn: message.createdOn });
  }
  return { submittedOn: row.submittedOn, status: row.status as TipStatus, what: content.what, messages: visible };
}

/** Adds the tipster's message to their tip; false when the code matches no tip. */
export async function addTipsterMessage(deps: Deps, municipalityId: string, code: string, body: string): Promise<boolean> {
  const row = await tipByReceipt(deps, municipalityId, code);
  if (!row) return false;
  const day = todayInNorway();
  await inTransaction(deps, async (tx) => {
    await insertMessage(tx, {
      municipalityId,
      tipId: row.id,
      kind: 'tipster',
      authorUserId: null,
      bodyEnc: await deps.keyring.encrypt(tx, municipalityId, MESSAGE_FIELD, body),
      createdOn: day,
    });
    await updateTipRow(tx, municipalityId, row.id, { unreadByStaff: true, lastActivityOn: day, ...(row.status === 'closed' ? { status: 'in_progress', closedOn: null } : {}) });
    await notify(deps, tx, { kind: 'tip_message', municipalityId, tipId: row.id });
  });
  return true;
}

// ---- Staff ------------------------------------------------------------------------------

/** Coordinators see every tip; a caseworker sees only the tips assigned to them. Others see none. */
function scopeFor(actor: UserActor): { assignedUserId?: string } {
  return can(actor.role, 'tips:manage') ? {} : { assignedUserId: actor.userId };
}

/** The tip if this actor may see it: coordinators every tip, caseworkers those assigned to them; else 404. */
export async function visibleTip(deps: Deps, actor: UserActor, id: string): Promise<TipRow> {
  const row = await findTip(deps.db, actor.municipalityId, id);
  const scope = scopeFor(actor);
  if (!row || (scope.assignedUserId && row.assignedUserId !== scope.assignedUserId)) throw notFound('The tip');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the inbox's free text searches: a receipt code through its keyed hash, a tip id, else the coded fields. */
async function tipSearch(deps: Deps, municipalityId: string, q: string | undefined): Promise<TipFilter['search']> {
  if (!q) return undefined;
  if (isReceiptShape(q)) return { receiptHash: await receiptHash(deps, municipalityId, q) };
  if (UUID.test(q)) return { id: q.toLowerCase() };
  // The place kind and status by code or by their label in nb or en ("byggeplass" finds construction).
  return { pattern: containsPattern(q), placeKinds: codesMatching(q, TIP_PLACE_LABELS), statuses: codesMatching(q, TIP_STATUS_LABELS) };
}

export async function listTips(deps: Deps, actor: UserActor, query: TipListQuery): Promise<TipList> {
  const sort = tipListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const filter: TipFilter = {
    status: query.status,
    unread: query.unread === undefined ? undefined : query.unread === 'true',
    placeKind: query.placeKind,
    danger: query.danger === 'true' ? true : undefined,
    search: await tipSearch(deps, actor.municipalityId, query.q),
    ...scopeFor(actor),
  };
  const { rows, nextCursor, total } = await findTips(deps.db, actor.municipalityId, filter, { sort, cursor, limit: query.limit });
  const names = await findUserNames(deps.db, actor.municipalityId, [...new Set(rows.flatMap((row) => (row.assignedUserId ? [row.assignedUserId] : [])))]);
  return { items: rows.map((row) => presentSummary(row, names)), nextCursor, total };
}

/** How many tips of a status (and read state) this actor would see in the list: the same scope as `listTips`. */
export async function countTips(deps: Deps, actor: UserActor, filter: { status?: TipStatus; unread?: boolean }): Promise<number> {
  return countTipRows(deps.db, actor.municipalityId, { ...filter, ...scopeFor(actor) });
}

/** The tip with its decrypted content and conversation. Every call is audited as a read. */
export async function getTip(deps: Deps, actor: UserActor, id: string): Promise<TipDetail> {
  const existing = await visibleTip(deps, actor, id);
  return inTransaction(deps, async (tx) => {
    if (existing.unreadByStaff) await updateTipRow(tx, actor.municipalityId, id, { unreadByStaff: false });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'tip.viewed', entityType: 'tip', entityId: id });
    const row = { ...existing, unreadByStaff: false };
    const content = JSON.parse(await deps.keyring.decrypt(tx, actor.municipalityId, CONTENT_FIELD, row.contentEnc)) as StoredContent;
    const contact = row.contactEnc ? (JSON.parse(await deps.keyring.decrypt(tx, actor.municipalityId, CONTACT_FIELD, row.contactEnc)) as StoredContact) : null;
    const messages = await findMessages(tx, actor.municipalityId, id);
    const authorIds = messages.flatMap((message) => (message.authorUserId ? [message.authorUserId] : []));
    const names = await findUserNames(tx, actor.municipalityId, [...new Set([...authorIds, ...(row.assignedUserId ? [row.assignedUserId] : [])])]);
    const presented = [];
    for (const message of messages) {
      presented.push(presentMessage(message, await deps.keyring.decrypt(tx, actor.municipalityId, MESSAGE_FIELD, message.bodyEnc), names));
    }
    return {
      ...presentSummary(row, names),
      content,
      contact,
      contactMayBeShared: row.contactMayBeShared,
      messages: presented,
    };
  });
}

export async function updateTip(deps: Deps, actor: UserActor, id: string, body: TipUpdateBody): Promise<TipDetail> {
  const row = await visibleTip(deps, actor, id);
  if (body.assignedUserId !== undefined) {
    if (!can(actor.role, 'tips:manage')) throw new AppError('FORBIDDEN', 'Only a coordinator can assign tips.');
    if (body.assignedUserId !== null) {
      const assignees = await findAssignees(deps.db, actor.municipalityId);
      if (!assignees.some((user) => user.id === body.assignedUserId)) {
        throw new AppError('VALIDATION_ERROR', 'Tips can be assigned to an active coordinator or caseworker only.', [
          { field: 'assignedUserId', message: 'Not a coordinator or caseworker of this municipality' },
        ]);
      }
    }
  }
  const day = todayInNorway();
  const values: Partial<TipRow> = { lastActivityOn: day };
  if (body.status) {
    values.status = body.status;
    values.closedOn = body.status === 'closed' ? (row.status === 'closed' ? row.closedOn : day) : null;
  }
  if (body.labels) values.labels = [...new Set(body.labels)];
  if (body.assignedUserId !== undefined) values.assignedUserId = body.assignedUserId;
  await inTransaction(deps, async (tx) => {
    await updateTipRow(tx, actor.municipalityId, id, values);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'tip.updated',
      entityType: 'tip',
      entityId: id,
      details: { fields: Object.keys(body), ...(body.status ? { status: body.status } : {}), ...(body.assignedUserId !== undefined ? { assignedUserId: body.assignedUserId } : {}) },
    });
  });
  return getTip(deps, actor, id);
}

/** A reply the tipster sees with the receipt code, or an internal note. */
export async function addStaffMessage(deps: Deps, actor: UserActor, id: string, body: TipMessageBody): Promise<TipDetail> {
  const row = await visibleTip(deps, actor, id);
  const day = todayInNorway();
  await inTransaction(deps, async (tx) => {
    await insertMessage(tx, {
      municipalityId: actor.municipalityId,
      tipId: id,
      kind: body.kind,
      authorUserId: actor.userId,
      bodyEnc: await deps.keyring.encrypt(tx, actor.municipalityId, MESSAGE_FIELD, body.body),
      createdOn: day,
    });
    await updateTipRow(tx, actor.municipalityId, id, { lastActivityOn: day, ...(row.status === 'new' ? { status: 'in_progress' } : {}) });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: body.kind === 'reply' ? 'tip.replied' : 'tip.noted', entityType: 'tip', entityId: id });
  });
  return getTip(deps, actor, id);
}

/** The longest note a concern takes (ConcernBodySchema.note). */
const CONCERN_NOTE_MAX = 2000;

/**
 * Turns a tip into a concern on the identification pathway. The tip's text becomes the concern's
 * (encrypted) note. The tipster's contact details are copied only when the tipster allowed it
 * and the coordinator asks for it; otherwise they stay in the tip alone.
 */
export async function convertTipToConcern(deps: Deps, actor: UserActor, id: string, body: TipToConcernBody): Promise<TipToConcernResult> {
  if (!can(actor.role, 'concerns:create')) throw new AppError('FORBIDDEN', 'Your role cannot create concerns.');
  const row = await visibleTip(deps, actor, id);
  if (row.concernId) throw new AppError('CONFLICT', 'This tip has already been turned into a concern.', { concernId: row.concernId });
  if (body.includeContact && (!row.contactEnc || !row.contactMayBeShared)) {
    throw new AppError('CONFLICT', 'The tipster did not allow their contact details to be passed on.');
  }
  const content = JSON.parse(await deps.keyring.decrypt(deps.db, actor.municipalityId, CONTENT_FIELD, row.contentEnc)) as StoredContent;
  const contact = body.includeContact && row.contactEnc ? (JSON.parse(await deps.keyring.decrypt(deps.db, actor.municipalityId, CONTACT_FIELD, row.contactEnc)) as StoredContact) : null;
  const contactLine = contact ? `\n\nTipster contact (shared with consent): ${[contact.name, contact.phone, contact.email].filter(Boolean).join(', ')}` : '';
  const header = `Anonymous tip of ${row.submittedOn}: `;
  const room = CONCERN_NOTE_MAX - header.length - contactLine.length;
  const what = content.what.length > room ? `${content.what.slice(0, room - 1)}…` : content.what;
  const concern = await createConcern(deps, actor, {
    screeningId: null,
    context: body.context,
    suspectedForms: body.suspectedForms,
    facts: body.facts,
    note: `${header}${what}${contactLine}`,
    reporterContact: null,
    person: null,
  });
  await inTransaction(deps, async (tx) => {
    await updateTipRow(tx, actor.municipalityId, id, { concernId: concern.id, lastActivityOn: todayInNorway(), ...(row.status === 'new' ? { status: 'in_progress' } : {}) });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'tip.converted', entityType: 'tip', entityId: id, details: { concernId: concern.id, contactCopied: contact !== null } });
  });
  return { concernId: concern.id, tip: await getTip(deps, actor, id) };
}

export async function listAssignees(deps: Deps, actor: UserActor): Promise<TipAssigneeList> {
  return { items: await findAssignees(deps.db, actor.municipalityId) };
}

// ---- Public settings --------------------------------------------------------------------

export const DEFAULT_SETTINGS: Omit<TipPublicSettings, never> = {
  publicPagesEnabled: true,
  tipFormEnabled: true,
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  openingHours: '',
  retentionMonths: 12,
};

export function presentSettings(row: TipSettingsRow | undefined): TipPublicSettings {
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    publicPagesEnabled: row.publicPagesEnabled,
    tipFormEnabled: row.tipFormEnabled,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    openingHours: row.openingHours,
    retentionMonths: row.retentionMonths,
  };
}

export async function getPublicSettings(deps: Deps, municipalityId: string): Promise<TipPublicSettings> {
  return presentSettings(await findSettings(deps.db, municipalityId));
}

export async function updatePublicSettings(deps: Deps, actor: UserActor, body: TipPublicSettings): Promise<TipPublicSettings> {
  const before = await getPublicSettings(deps, actor.municipalityId);
  const changed = (Object.keys(body) as (keyof TipPublicSettings)[]).filter((field) => body[field] !== before[field]);
  const row = await inTransaction(deps, async (tx) => {
    const saved = await upsertSettings(tx, { municipalityId: actor.municipalityId, ...body });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'tip.settings.updated',
      entityType: 'municipality',
      entityId: actor.municipalityId,
      details: { fields: changed, publicPagesEnabled: body.publicPagesEnabled, tipFormEnabled: body.tipFormEnabled },
    });
    return saved;
  });
  await publicContentChanged(deps.db);
  return presentSettings(row);
}

// ---- Retention --------------------------------------------------------------------------

/** The day `months` months before `day` (YYYY-MM-DD). */
export function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/**
 * Deletes tips closed longer ago than each municipality's retention period, with their
 * messages. Each deletion is audited without content. Returns how many were deleted.
 */
export async function purgeExpiredTips(deps: Deps, now: Date = new Date()): Promise<number> {
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'retention' } }, async () => {
    let deleted = 0;
    for (const municipalityId of await findMunicipalityIds(deps.db)) {
      const { retentionMonths } = await getPublicSettings(deps, municipalityId);
      const expired = await findClosedBefore(deps.db, municipalityId, monthsBefore(todayInNorway(now), retentionMonths));
      for (const { id } of expired) {
        const gone = await inTransaction(deps, async (tx) => {
          if (!(await deleteTipRow(tx, municipalityId, id))) return false;
          await recordAudit(tx, { municipalityId, action: 'tip.deleted', entityType: 'tip', entityId: id, details: { reason: 'retention', retentionMonths } });
          return true;
        });
        if (gone) deleted += 1;
      }
    }
    return deleted;
  });
}
