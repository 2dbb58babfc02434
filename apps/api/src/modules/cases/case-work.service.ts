import type { Case, NeedKind, NeedStatus } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { accessCase, assertEditable, cipher, FIELD, invalid } from './case.access';
import { findMembers, insertJournalEntry, insertTask, setTaskDone, updateCaseRow, upsertNeed } from './case.repository';
import { presentFullCase } from './case.service';

async function reload(deps: Deps, actor: UserActor, caseId: string): Promise<Case> {
  return presentFullCase(deps, actor, await accessCase(deps, actor, caseId));
}

/** Sets the status (and an encrypted note) of one need. Child welfare under way clears the review reminder. */
export async function updateNeed(deps: Deps, actor: UserActor, caseId: string, kind: NeedKind, body: { status: NeedStatus; note: string | null }): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const noteEnc = await cipher(deps, actor.municipalityId).encryptOrNull(FIELD.needNote, body.note);
  const clearsReview = kind === 'child_welfare' && (body.status === 'in_progress' || body.status === 'met');
  await inTransaction(deps, async (tx) => {
    await upsertNeed(tx, actor.municipalityId, caseId, kind, body.status, noteEnc);
    if (clearsReview && access.row.childWelfareReviewDueAt) await updateCaseRow(tx, actor.municipalityId, caseId, { childWelfareReviewDueAt: null });
    else await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.need.updated', entityType: 'case', entityId: caseId, details: { kind, status: body.status, note: noteEnc !== null } });
  });
  return reload(deps, actor, caseId);
}

export async function updateSafetyPlan(deps: Deps, actor: UserActor, caseId: string, text: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const safetyPlanEnc = await cipher(deps, actor.municipalityId).encryptOrNull(FIELD.safetyPlan, text);
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, { safetyPlanEnc });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.safety_plan.updated', entityType: 'case', entityId: caseId, details: { empty: safetyPlanEnc === null } });
  });
  return reload(deps, actor, caseId);
}

/** Adds a task owned by a member of the case team. */
export async function createTask(deps: Deps, actor: UserActor, caseId: string, body: { title: string; ownerUserId: string; dueOn: string }): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const members = await findMembers(deps.db, actor.municipalityId, [caseId]);
  if (!members.some((member) => member.userId === body.ownerUserId)) throw invalid('ownerUserId', 'The task owner must be on the case team');
  const titleEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.taskTitle, body.title);
  await inTransaction(deps, async (tx) => {
    const task = await insertTask(tx, { municipalityId: actor.municipalityId, caseId, titleEnc, ownerUserId: body.ownerUserId, dueOn: body.dueOn });
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.task.created', entityType: 'case', entityId: caseId, details: { taskId: task.id, ownerUserId: body.ownerUserId, dueOn: body.dueOn } });
  });
  return reload(deps, actor, caseId);
}

export async function updateTask(deps: Deps, actor: UserActor, caseId: string, taskId: string, done: boolean): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  await inTransaction(deps, async (tx) => {
    if (!(await setTaskDone(tx, actor.municipalityId, caseId, taskId, done ? new Date() : null))) throw notFound('The task');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.task.updated', entityType: 'case', entityId: caseId, details: { taskId, done } });
  });
  return reload(deps, actor, caseId);
}

/** Adds a dated journal entry (encrypted). */
export async function addJournalEntry(deps: Deps, actor: UserActor, caseId: string, body: { entryDate: string; text: string }): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const textEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.journal, body.text);
  await inTransaction(deps, async (tx) => {
    await insertJournalEntry(tx, { municipalityId: actor.municipalityId, caseId, authorUserId: actor.userId, entryDate: body.entryDate, textEnc });
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.journal.added', entityType: 'case', entityId: caseId, details: { entryDate: body.entryDate } });
  });
  return reload(deps, actor, caseId);
}
