import type { Database } from '@lykt/db';
import {
  ScreeningFactsSchema,
  type Concern,
  type ConcernBody,
  type ConcernIdentifyingDetails,
  type ConcernList,
  type ConcernListQuery,
  type CloseReason,
  type PersonDetails,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor } from '../../platform/keyset';
import { findScreening } from '../screening/screening.repository';
import { canReadScreening } from '../screening/screening.policy';
import { normaliseFacts } from '../screening/screening.service';
import { canReadConcern, canReadIdentifyingDetails, seesAllConcerns } from './concern.policy';
import { presentConcern, presentConcernSummary, type Names } from './concern.presenter';
import {
  findAssignees,
  findConcern,
  findMessages,
  insertConcern,
  insertMessage,
  concernListSort,
  countConcernRows,
  listConcerns,
  organisationNames,
  updateConcernRow,
  userNames,
  type ConcernRow,
} from './concern.repository';
import { addDays, CHILD_WELFARE_REVIEW_DAYS } from './concern.time';
import { notify } from '../notifications/notify';

/** Encrypted fields and the names their ciphertexts are bound to. */
const FIELD = { person: 'concern.person', reporterContact: 'concern.reporter_contact', note: 'concern.note', message: 'concern_message.text' } as const;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_ERROR', `Check the field "${field}": ${message}`, [{ field, message }]);
}

function hasAnyValue(value: Record<string, unknown> | null): boolean {
  return value !== null && Object.values(value).some((entry) => entry !== null && entry !== '');
}

async function namesFor(db: Database, municipalityId: string, rows: ConcernRow[]): Promise<Names> {
  const userIds = [...new Set(rows.flatMap((row) => [row.reporterUserId, ...(row.assignedUserId ? [row.assignedUserId] : [])]))];
  const organisationIds = [...new Set(rows.map((row) => row.reporterOrganisationId))];
  const [users, organisations] = await Promise.all([userNames(db, municipalityId, userIds), organisationNames(db, municipalityId, organisationIds)]);
  return { users, organisations };
}

/** A concern the actor may see, or 404. */
async function readable(deps: Deps, actor: UserActor, concernId: string): Promise<ConcernRow> {
  const row = await findConcern(deps.db, actor.municipalityId, concernId);
  if (!row || !canReadConcern(actor, row)) throw notFound('The concern');
  return row;
}

async function presentFull(deps: Deps, actor: UserActor, row: ConcernRow): Promise<Concern> {
  const [names, messageRows] = await Promise.all([namesFor(deps.db, actor.municipalityId, [row]), findMessages(deps.db, actor.municipalityId, row.id)]);
  const authors = await userNames(deps.db, actor.municipalityId, [...new Set(messageRows.map((message) => message.authorUserId))]);
  const messages = await Promise.all(
    messageRows.map(async (message) => ({
      id: message.id,
      kind: message.kind as 'question' | 'answer',
      text: await deps.keyring.decrypt(deps.db, actor.municipalityId, FIELD.message, message.textEnc),
      authorName: authors.get(message.authorUserId) ?? null,
      createdAt: message.createdAt.toISOString(),
    })),
  );
  return presentConcern(row, actor.userId, names, messages);
}

export async function createConcern(deps: Deps, actor: UserActor, body: ConcernBody): Promise<Concern> {
  const prepared = await prepareConcern(deps, actor, body);
  const row = await inTransaction(deps, (tx) => writeConcern(deps, tx, actor, prepared));
  return presentFull(deps, actor, row);
}

/** A concern checked and encrypted, ready to be written by writeConcern inside the caller's transaction. */
export interface PreparedConcern {
  values: Omit<Parameters<typeof insertConcern>[2], 'status'>;
  fromScreening: boolean;
}

/** Checks the body and encrypts its fields (outside any transaction); writes nothing. */
export async function prepareConcern(deps: Deps, actor: UserActor, body: ConcernBody): Promise<PreparedConcern> {
  let source: Pick<ConcernRow, 'context' | 'suspectedForms' | 'facts' | 'possibleMinor' | 'profile' | 'level'>;
  if (body.screeningId) {
    const screening = await findScreening(deps.db, actor.municipalityId, body.screeningId);
    if (!screening || !canReadScreening(actor, screening)) throw notFound('The screening');
    source = { context: screening.context, suspectedForms: screening.suspectedForms, facts: screening.facts, possibleMinor: screening.possibleMinor, profile: screening.profile, level: screening.level };
  } else {
    if (!body.context) throw invalid('context', 'Required when the concern does not come from a screening');
    if (!body.facts) throw invalid('facts', 'Required when the concern does not come from a screening');
    const facts = normaliseFacts(ScreeningFactsSchema.parse(body.facts));
    source = { context: body.context, suspectedForms: [...new Set(body.suspectedForms)], facts, possibleMinor: facts.possibleMinor, profile: null, level: null };
  }
  const now = new Date();
  const encrypt = (field: string, value: string) => deps.keyring.encrypt(deps.db, actor.municipalityId, field, value);
  const personEnc = hasAnyValue(body.person) ? await encrypt(FIELD.person, JSON.stringify(body.person)) : null;
  const reporterContactEnc = hasAnyValue(body.reporterContact) ? await encrypt(FIELD.reporterContact, JSON.stringify(body.reporterContact)) : null;
  const noteEnc = body.note ? await encrypt(FIELD.note, body.note) : null;
  return {
    fromScreening: body.screeningId !== null,
    values: {
      ...source,
      screeningId: body.screeningId,
      reporterUserId: actor.userId,
      reporterOrganisationId: actor.organisationId,
      childWelfareDueAt: source.possibleMinor ? addDays(now, CHILD_WELFARE_REVIEW_DAYS) : null,
      personEnc,
      reporterContactEnc,
      noteEnc,
    },
  };
}

/** Writes a prepared concern, its audit event and its notification inside the caller's transaction. */
export async function writeConcern(deps: Deps, tx: Database, actor: UserActor, prepared: PreparedConcern): Promise<ConcernRow> {
  const { values } = prepared;
  const inserted = await insertConcern(tx, actor.municipalityId, { ...values, status: 'new' });
  await recordAudit(tx, {
    municipalityId: actor.municipalityId,
    action: 'concern.created',
    entityType: 'concern',
    entityId: inserted.id,
    details: {
      fromScreening: prepared.fromScreening,
      context: values.context,
      possibleMinor: values.possibleMinor,
      personDetails: Boolean(values.personEnc),
      reporterContact: Boolean(values.reporterContactEnc),
      note: Boolean(values.noteEnc),
    },
  });
  await notify(deps, tx, { kind: 'concern_new', municipalityId: actor.municipalityId, concernId: inserted.id });
  return inserted;
}

/** A page of concerns: the coordinator sees all, others those they reported or are assigned; filters only narrow that. */
export async function findConcerns(deps: Deps, actor: UserActor, query: ConcernListQuery): Promise<ConcernList> {
  const sort = concernListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const filter = {
    status: query.status,
    assignedTo: query.assigned === 'none' ? null : query.assigned === 'me' ? actor.userId : undefined,
    context: query.context,
    minor: query.minor === undefined ? undefined : query.minor === 'true',
  };
  const { rows, nextCursor, total } = await listConcerns(deps.db, actor.municipalityId, seesAllConcerns(actor) ? null : actor.userId, filter, { sort, cursor, limit: query.limit });
  const names = await namesFor(deps.db, actor.municipalityId, rows);
  return { items: rows.map((row) => presentConcernSummary(row, actor.userId, names)), nextCursor, total };
}

/** How many concerns the user's list holds with a status: the same scope as findConcerns. */
export async function countConcerns(deps: Deps, actor: UserActor, filter: { status: 'new' | 'in_progress' | 'awaiting_reporter' }): Promise<number> {
  return countConcernRows(deps.db, actor.municipalityId, seesAllConcerns(actor) ? null : actor.userId, { status: filter.status });
}

/** One concern with its messages (decrypted), without the identifying details. The read is audited. */
export async function getConcern(deps: Deps, actor: UserActor, concernId: string): Promise<Concern> {
  const row = await readable(deps, actor, concernId);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.viewed', entityType: 'concern', entityId: row.id }),
  );
  return presentFull(deps, actor, row);
}

/** The person's identifying details, the reporter's contact and the note: coordinator and assigned caseworker only, audited. */
export async function getIdentifyingDetails(deps: Deps, actor: UserActor, concernId: string): Promise<ConcernIdentifyingDetails> {
  const row = await readable(deps, actor, concernId);
  if (!canReadIdentifyingDetails(actor, row)) throw new AppError('FORBIDDEN', 'Only the coordinator and the assigned caseworker may see identifying details.');
  const decrypt = (field: string, value: string | null) => (value === null ? Promise.resolve(null) : deps.keyring.decrypt(deps.db, actor.municipalityId, field, value));
  const [person, reporterContact, note] = await Promise.all([
    decrypt(FIELD.person, row.personEnc),
    decrypt(FIELD.reporterContact, row.reporterContactEnc),
    decrypt(FIELD.note, row.noteEnc),
  ]);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'concern.details.viewed',
      entityType: 'concern',
      entityId: row.id,
      details: { person: person !== null, reporterContact: reporterContact !== null, note: note !== null },
    }),
  );
  return {
    person: person === null ? null : (JSON.parse(person) as PersonDetails),
    reporterContact: reporterContact === null ? null : (JSON.parse(reporterContact) as ConcernIdentifyingDetails['reporterContact']),
    note,
  };
}

function assertOpen(row: ConcernRow): void {
  if (row.status === 'closed') throw new AppError('CONFLICT', 'The concern is closed.');
}

export async function assignConcern(deps: Deps, actor: UserActor, concernId: string, caseworkerId: string): Promise<Concern> {
  const row = await readable(deps, actor, concernId);
  assertOpen(row);
  const assignees = await findAssignees(deps.db, actor.municipalityId);
  if (!assignees.some((assignee) => assignee.id === caseworkerId)) throw invalid('caseworkerId', 'Not an active caseworker or coordinator of this municipality');
  await inTransaction(deps, async (tx) => {
    await updateConcernRow(tx, actor.municipalityId, row.id, { assignedUserId: caseworkerId, status: row.status === 'awaiting_reporter' ? row.status : 'in_progress' });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.assigned', entityType: 'concern', entityId: row.id, details: { assignedUserId: caseworkerId } });
    await notify(deps, tx, { kind: 'concern_assigned', municipalityId: actor.municipalityId, concernId: row.id, userId: caseworkerId });
  });
  return presentFull(deps, actor, (await findConcern(deps.db, actor.municipalityId, row.id)) ?? row);
}

export async function askReporter(deps: Deps, actor: UserActor, concernId: string, text: string): Promise<Concern> {
  const row = await readable(deps, actor, concernId);
  assertOpen(row);
  const textEnc = await deps.keyring.encrypt(deps.db, actor.municipalityId, FIELD.message, text);
  await inTransaction(deps, async (tx) => {
    await insertMessage(tx, actor.municipalityId, { concernId: row.id, authorUserId: actor.userId, kind: 'question', textEnc });
    await updateConcernRow(tx, actor.municipalityId, row.id, { status: 'awaiting_reporter' });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.question.asked', entityType: 'concern', entityId: row.id });
    await notify(deps, tx, { kind: 'concern_question', municipalityId: actor.municipalityId, concernId: row.id });
  });
  return presentFull(deps, actor, (await findConcern(deps.db, actor.municipalityId, row.id)) ?? row);
}

/** The reporter answers the coordinator's question. */
export async function answerQuestion(deps: Deps, actor: UserActor, concernId: string, text: string): Promise<Concern> {
  const row = await readable(deps, actor, concernId);
  if (row.reporterUserId !== actor.userId) throw new AppError('FORBIDDEN', 'Only the reporter answers questions about a concern.');
  if (row.status !== 'awaiting_reporter') throw new AppError('CONFLICT', 'There is no open question on this concern.');
  const textEnc = await deps.keyring.encrypt(deps.db, actor.municipalityId, FIELD.message, text);
  await inTransaction(deps, async (tx) => {
    await insertMessage(tx, actor.municipalityId, { concernId: row.id, authorUserId: actor.userId, kind: 'answer', textEnc });
    await updateConcernRow(tx, actor.municipalityId, row.id, { status: 'in_progress' });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.question.answered', entityType: 'concern', entityId: row.id });
  });
  return presentFull(deps, actor, (await findConcern(deps.db, actor.municipalityId, row.id)) ?? row);
}

export async function closeConcern(deps: Deps, actor: UserActor, concernId: string, reason: CloseReason): Promise<Concern> {
  const row = await readable(deps, actor, concernId);
  assertOpen(row);
  await inTransaction(deps, async (tx) => {
    await updateConcernRow(tx, actor.municipalityId, row.id, { status: 'closed', closeReason: reason, closedAt: new Date() });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.closed', entityType: 'concern', entityId: row.id, details: { reason } });
  });
  return presentFull(deps, actor, (await findConcern(deps.db, actor.municipalityId, row.id)) ?? row);
}

export async function listAssignees(deps: Deps, actor: UserActor) {
  const rows = await findAssignees(deps.db, actor.municipalityId);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, role: row.role as 'coordinator' | 'caseworker' })) };
}
