import {
  can,
  ROUTING_SITUATIONS,
  type ActionItem,
  type GroupRole,
  type Meeting,
  type MeetingBody,
  type Member,
  type MemberBody,
  type RoutingCard,
  type RoutingCardBody,
  localDate,
  todayInNorway,
} from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { organisationNames, userNames } from '../plans/plans.repository';
import { recordActionCompletion } from '../plans/plans.service';
import * as repo from './cooperation.repository';
import type { MemberRow } from './cooperation.repository';
import { publicContentChanged } from '../../public/version';
import { renderDocx, renderPdf } from '../../platform/documents/render';
import { findMunicipality } from '../municipality/municipality.repository';
import { documentLogo } from '../municipality/municipality.service';
import { buildMinutesDocument } from './minutes-document';
import { notify } from '../notifications/notify';

const fieldError = (field: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ field, message }]);
type Names = Awaited<ReturnType<typeof organisationNames>>;
const orgRef = (names: Names, id: string) => ({ id, name: names.get(id)?.name ?? '' });
const usable = (names: Names, id: string) => names.has(id) && !names.get(id)?.archived;

function presentMember(row: MemberRow, names: Names): Member {
  return { id: row.id, organisation: orgRef(names, row.organisationId), name: row.name, groupRole: row.groupRole as GroupRole, title: row.title, phone: row.phone, email: row.email };
}

// ---------------------------------------------------------------- members

export async function listMembers(deps: Deps, actor: UserActor): Promise<{ items: Member[] }> {
  const [rows, names] = await Promise.all([repo.findMembers(deps.db, actor.municipalityId, false), organisationNames(deps.db, actor.municipalityId)]);
  return { items: rows.map((row) => presentMember(row, names)) };
}

function memberValues(body: MemberBody) {
  return { organisationId: body.organisationId, name: body.name, groupRole: body.groupRole, title: body.title, phone: body.phone, email: body.email };
}

export async function createMember(deps: Deps, actor: UserActor, body: MemberBody): Promise<Member> {
  const names = await organisationNames(deps.db, actor.municipalityId);
  if (!usable(names, body.organisationId)) throw fieldError('organisationId', 'Choose an organisation from the partner registry.');
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertMember(tx, actor.municipalityId, memberValues(body));
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.member.created', entityType: 'coop_member', entityId: created.id, details: { organisationId: body.organisationId, groupRole: body.groupRole } });
    return created;
  });
  return presentMember(row, names);
}

export async function updateMember(deps: Deps, actor: UserActor, memberId: string, body: MemberBody): Promise<Member> {
  const existing = await repo.findMember(deps.db, actor.municipalityId, memberId);
  if (!existing) throw notFound('The member');
  const names = await organisationNames(deps.db, actor.municipalityId);
  if (body.organisationId !== existing.organisationId && !usable(names, body.organisationId)) throw fieldError('organisationId', 'Choose an organisation from the partner registry.');
  const values = memberValues(body);
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((field) => values[field] !== existing[field]);
  await inTransaction(deps, async (tx) => {
    await repo.updateMemberRow(tx, actor.municipalityId, memberId, values);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.member.updated', entityType: 'coop_member', entityId: memberId, details: { fields: changed } });
  });
  const row = await repo.findMember(deps.db, actor.municipalityId, memberId);
  if (!row) throw notFound('The member');
  return presentMember(row, names);
}

/** Removes a member from the group; attendance history keeps the row. */
export async function removeMember(deps: Deps, actor: UserActor, memberId: string): Promise<{ ok: true }> {
  const existing = await repo.findMember(deps.db, actor.municipalityId, memberId);
  if (!existing) throw notFound('The member');
  await inTransaction(deps, async (tx) => {
    await repo.updateMemberRow(tx, actor.municipalityId, memberId, { removedAt: new Date() });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.member.removed', entityType: 'coop_member', entityId: memberId });
  });
  return { ok: true };
}

// ---------------------------------------------------------------- routing card

export async function getRoutingCard(deps: Deps, actor: UserActor): Promise<RoutingCard> {
  const [rows, names] = await Promise.all([repo.findRouting(deps.db, actor.municipalityId), organisationNames(deps.db, actor.municipalityId)]);
  const latest = rows.reduce<repo.RoutingRow | null>((best, row) => (!best || row.updatedAt > best.updatedAt ? row : best), null);
  const who = latest?.updatedByUserId ? (await userNames(deps.db, actor.municipalityId, [latest.updatedByUserId])).get(latest.updatedByUserId) : undefined;
  return {
    entries: ROUTING_SITUATIONS.map((situation) => {
      const row = rows.find((candidate) => candidate.situation === situation);
      return {
        situation,
        contact: row?.contact ?? null,
        organisation: row?.organisationId ? orgRef(names, row.organisationId) : null,
        phone: row?.phone ?? null,
        whatToTell: row?.whatToTell ?? null,
      };
    }),
    updatedAt: latest?.updatedAt.toISOString() ?? null,
    updatedBy: who ?? null,
  };
}

export async function replaceRoutingCard(deps: Deps, actor: UserActor, body: RoutingCardBody): Promise<RoutingCard> {
  const names = await organisationNames(deps.db, actor.municipalityId);
  const bad = body.entries.findIndex((entry) => entry.organisationId !== null && !usable(names, entry.organisationId));
  if (bad >= 0) throw fieldError(`entries.${bad}.organisationId`, 'Choose an organisation from the partner registry.');
  await inTransaction(deps, async (tx) => {
    await repo.replaceRouting(tx, actor.municipalityId, actor.userId, body.entries);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.routing.updated', entityType: 'routing_card', entityId: null, details: { situations: body.entries.map((entry) => entry.situation) } });
  });
  await publicContentChanged(deps.db);
  return getRoutingCard(deps, actor);
}

// ---------------------------------------------------------------- meetings

/** Coordinators see every meeting; other readers only when their organisation is in the group. */
async function seesMeetings(db: Database, actor: UserActor): Promise<boolean> {
  if (can(actor.role, 'cooperation:write')) return true;
  return repo.organisationIsInGroup(db, actor.municipalityId, actor.organisationId);
}

export async function listMeetings(deps: Deps, actor: UserActor) {
  if (!(await seesMeetings(deps.db, actor))) return { items: [] };
  const meetings = await repo.findMeetings(deps.db, actor.municipalityId);
  const parts = await repo.findMeetingParts(deps.db, actor.municipalityId, meetings.map((meeting) => meeting.id));
  return {
    items: meetings.map((meeting) => ({
      id: meeting.id,
      startsAt: meeting.startsAt.toISOString(),
      place: meeting.place,
      itemCount: parts.items.filter((item) => item.meetingId === meeting.id).length,
      present: parts.attendance.filter((row) => row.meetingId === meeting.id && row.present).length,
      openActions: parts.actions.filter((action) => action.meetingId === meeting.id && !action.completedOn).length,
    })),
  };
}

const decryptOrEmpty = (deps: Deps, municipalityId: string, field: string, value: string) => (value === '' ? Promise.resolve('') : deps.keyring.decrypt(deps.db, municipalityId, field, value));
const encryptOrEmpty = (deps: Deps, tx: Database, municipalityId: string, field: string, value: string) => (value === '' ? Promise.resolve('') : deps.keyring.encrypt(tx, municipalityId, field, value));

async function presentMeeting(deps: Deps, actor: UserActor, meetingId: string): Promise<Meeting> {
  const meeting = await repo.findMeeting(deps.db, actor.municipalityId, meetingId);
  if (!meeting) throw notFound('The meeting');
  const [parts, members, names] = await Promise.all([
    repo.findMeetingParts(deps.db, actor.municipalityId, [meeting.id]),
    repo.findMembers(deps.db, actor.municipalityId, true),
    organisationNames(deps.db, actor.municipalityId),
  ]);
  const measures = await repo.measureTitles(deps.db, actor.municipalityId, parts.actions.flatMap((action) => (action.measureId ? [action.measureId] : [])));
  const memberById = new Map(members.map((row) => [row.id, row]));
  const actions: ActionItem[] = parts.actions.map((action) => ({
    id: action.id,
    text: action.text,
    ownerOrganisation: action.ownerOrganisationId ? orgRef(names, action.ownerOrganisationId) : null,
    dueDate: action.dueDate,
    measure: action.measureId ? { id: action.measureId, title: measures.get(action.measureId)?.title ?? '' } : null,
    completedOn: action.completedOn,
  }));
  return {
    id: meeting.id,
    startsAt: meeting.startsAt.toISOString(),
    place: meeting.place,
    minutes: await decryptOrEmpty(deps, actor.municipalityId, 'coop_meeting.minutes', meeting.minutesEnc),
    attendance: parts.attendance.flatMap((row) => {
      const found = memberById.get(row.memberId);
      return found ? [{ member: presentMember(found, names), present: row.present }] : [];
    }),
    items: await Promise.all(
      parts.items.map(async (item) => ({
        id: item.id,
        title: item.title,
        notes: await decryptOrEmpty(deps, actor.municipalityId, 'coop_meeting_item.notes', item.notesEnc),
        decision: await decryptOrEmpty(deps, actor.municipalityId, 'coop_meeting_item.decision', item.decisionEnc),
      })),
    ),
    actions,
    editable: can(actor.role, 'cooperation:write'),
  };
}

/**
 * A meeting's minutes as PDF or DOCX, for whoever may read the meeting. The export is a read of
 * the minutes and is audited as such.
 */
export async function exportMinutes(deps: Deps, actor: UserActor, meetingId: string, format: 'pdf' | 'docx', lang: 'nb' | 'en'): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  if (!(await seesMeetings(deps.db, actor))) throw notFound('The meeting');
  const meeting = await presentMeeting(deps, actor, meetingId);
  const municipality = await findMunicipality(deps.db, actor.municipalityId);
  const logo = municipality ? documentLogo(municipality) : undefined;
  const document = { ...buildMinutesDocument(meeting, lang, municipality?.name ?? ''), ...(logo ? { logo } : {}) };
  const body = format === 'pdf' ? await renderPdf(document, { createdAt: new Date(meeting.startsAt) }) : await renderDocx(document);
  await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.minutes.exported', entityType: 'coop_meeting', entityId: meetingId, details: { format, lang } }));
  const prefix = lang === 'en' ? 'minutes' : 'referat';
  return {
    body,
    contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${prefix}-${localDate(new Date(meeting.startsAt))}.${format}`,
  };
}

/** One meeting with its minutes (decrypted); the read is audited. */
export async function getMeeting(deps: Deps, actor: UserActor, meetingId: string): Promise<Meeting> {
  if (!(await seesMeetings(deps.db, actor))) throw notFound('The meeting');
  const meeting = await presentMeeting(deps, actor, meetingId);
  await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.meeting.viewed', entityType: 'coop_meeting', entityId: meetingId }));
  return meeting;
}

async function validateMeeting(deps: Deps, actor: UserActor, body: MeetingBody, existingActions: repo.ActionRow[]): Promise<void> {
  const [members, names] = await Promise.all([repo.findMembers(deps.db, actor.municipalityId, true), organisationNames(deps.db, actor.municipalityId)]);
  const memberIds = new Set(members.map((row) => row.id));
  const seen = new Set<string>();
  body.attendance.forEach((row, index) => {
    if (!memberIds.has(row.memberId)) throw fieldError(`attendance.${index}.memberId`, 'Choose a member of the cooperation group.');
    if (seen.has(row.memberId)) throw fieldError(`attendance.${index}.memberId`, 'Each member may be listed once.');
    seen.add(row.memberId);
  });
  const measures = await repo.measureTitles(deps.db, actor.municipalityId, body.actions.flatMap((action) => (action.measureId ? [action.measureId] : [])));
  body.actions.forEach((action, index) => {
    if (action.id !== undefined && !existingActions.some((existing) => existing.id === action.id)) throw fieldError(`actions.${index}.id`, 'No such action item in this meeting.');
    if (action.ownerOrganisationId && !usable(names, action.ownerOrganisationId)) throw fieldError(`actions.${index}.ownerOrganisationId`, 'Choose an organisation from the partner registry.');
    if (action.measureId && measures.get(action.measureId)?.versionStatus !== 'adopted') throw fieldError(`actions.${index}.measureId`, 'Link to a measure of the adopted plan in force.');
  });
}

async function writeMeetingParts(deps: Deps, tx: Database, actor: UserActor, meetingId: string, body: MeetingBody, existingActions: repo.ActionRow[]): Promise<void> {
  const items = await Promise.all(
    body.items.map(async (item) => ({
      title: item.title,
      notesEnc: await encryptOrEmpty(deps, tx, actor.municipalityId, 'coop_meeting_item.notes', item.notes),
      decisionEnc: await encryptOrEmpty(deps, tx, actor.municipalityId, 'coop_meeting_item.decision', item.decision),
    })),
  );
  await repo.replaceAttendanceAndItems(tx, actor.municipalityId, meetingId, body.attendance, items);
  // Completed action items are history: they are kept unchanged whatever the body says.
  const completed = new Set(existingActions.filter((action) => action.completedOn).map((action) => action.id));
  const kept = new Set(body.actions.flatMap((action) => (action.id ? [action.id] : [])));
  await repo.deleteActions(tx, actor.municipalityId, existingActions.filter((action) => !kept.has(action.id) && !completed.has(action.id)).map((action) => action.id));
  for (const [position, action] of body.actions.entries()) {
    if (action.id && completed.has(action.id)) continue;
    await repo.upsertAction(tx, actor.municipalityId, meetingId, { id: action.id, position, text: action.text, ownerOrganisationId: action.ownerOrganisationId, dueDate: action.dueDate, measureId: action.measureId });
  }
}

export async function createMeeting(deps: Deps, actor: UserActor, body: MeetingBody): Promise<Meeting> {
  await validateMeeting(deps, actor, body, []);
  const id = await inTransaction(deps, async (tx) => {
    const meeting = await repo.insertMeeting(tx, actor.municipalityId, {
      startsAt: new Date(body.startsAt),
      place: body.place,
      minutesEnc: await encryptOrEmpty(deps, tx, actor.municipalityId, 'coop_meeting.minutes', body.minutes),
    });
    await writeMeetingParts(deps, tx, actor, meeting.id, body, []);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'cooperation.meeting.created',
      entityType: 'coop_meeting',
      entityId: meeting.id,
      details: { items: body.items.length, attendance: body.attendance.length, actions: body.actions.length },
    });
    if (new Date(body.startsAt) > new Date()) await notify(deps, tx, { kind: 'meeting_invitation', municipalityId: actor.municipalityId, meetingId: meeting.id });
    return meeting.id;
  });
  return presentMeeting(deps, actor, id);
}

export async function updateMeeting(deps: Deps, actor: UserActor, meetingId: string, body: MeetingBody): Promise<Meeting> {
  const meeting = await repo.findMeeting(deps.db, actor.municipalityId, meetingId);
  if (!meeting) throw notFound('The meeting');
  const existing = (await repo.findMeetingParts(deps.db, actor.municipalityId, [meetingId])).actions;
  await validateMeeting(deps, actor, body, existing);
  await inTransaction(deps, async (tx) => {
    await repo.updateMeetingRow(tx, actor.municipalityId, meetingId, {
      startsAt: new Date(body.startsAt),
      place: body.place,
      minutesEnc: await encryptOrEmpty(deps, tx, actor.municipalityId, 'coop_meeting.minutes', body.minutes),
    });
    await writeMeetingParts(deps, tx, actor, meetingId, body, existing);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'cooperation.meeting.updated',
      entityType: 'coop_meeting',
      entityId: meetingId,
      details: { items: body.items.length, attendance: body.attendance.length, actions: body.actions.length },
    });
    if (meeting.minutesEnc === '' && body.minutes.trim() !== '') await notify(deps, tx, { kind: 'meeting_minutes', municipalityId: actor.municipalityId, meetingId });
  });
  return presentMeeting(deps, actor, meetingId);
}

export async function deleteMeeting(deps: Deps, actor: UserActor, meetingId: string): Promise<{ ok: true }> {
  const meeting = await repo.findMeeting(deps.db, actor.municipalityId, meetingId);
  if (!meeting) throw notFound('The meeting');
  const parts = await repo.findMeetingParts(deps.db, actor.municipalityId, [meetingId]);
  if (parts.actions.some((action) => action.completedOn)) throw new AppError('CONFLICT', 'The meeting has completed action items on plan timelines and cannot be deleted.');
  await inTransaction(deps, async (tx) => {
    await repo.deleteMeetingRow(tx, actor.municipalityId, meetingId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.meeting.deleted', entityType: 'coop_meeting', entityId: meetingId });
  });
  return { ok: true };
}

/** Marks an action item done; when it is linked to a measure the completion joins the measure's timeline. */
export async function completeAction(deps: Deps, actor: UserActor, meetingId: string, actionId: string, completedOn: string | undefined): Promise<Meeting> {
  const meeting = await repo.findMeeting(deps.db, actor.municipalityId, meetingId);
  if (!meeting) throw notFound('The meeting');
  const action = (await repo.findMeetingParts(deps.db, actor.municipalityId, [meetingId])).actions.find((candidate) => candidate.id === actionId);
  if (!action) throw notFound('The action item');
  const day = completedOn ?? todayInNorway();
  if (day > todayInNorway()) throw fieldError('completedOn', 'The date cannot be in the future.');
  if (action.completedOn) throw new AppError('CONFLICT', 'The action item is already completed.');
  await inTransaction(deps, async (tx) => {
    await repo.completeActionRow(tx, actor.municipalityId, actionId, day, actor.userId);
    if (action.measureId) {
      await recordActionCompletion(tx, actor.municipalityId, { measureId: action.measureId, actionItemId: action.id, text: action.text, completedOn: day, userId: actor.userId });
    }
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'cooperation.action.completed', entityType: 'coop_action_item', entityId: actionId, details: { meetingId, measureId: action.measureId } });
  });
  return presentMeeting(deps, actor, meetingId);
}
