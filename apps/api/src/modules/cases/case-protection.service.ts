import {
  BREAK_GLASS_HOURS,
  CASE_TASK_DUE_DAYS,
  DEFAULT_RETENTION_MONTHS,
  RETENTION_WARNING_DAYS,
  type Case,
  type CaseReminder,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import { runWithContext, type UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { accessCase, assertAbility, cipher, FIELD } from './case.access';
import { addDays, addMonths } from './case.person';
import { localDate, localDayPlus } from '../reports/period';
import { seesAllCases } from './case.policy';
import { presentFullCase } from './case.service';
import {
  erasePersonalData,
  findCaseReads,
  findClosedWithPersonalDataBefore,
  findDueTasks,
  findDuplicates,
  findGrantsOnOwnedCases,
  findMunicipalityIds,
  findOverdueReferrals,
  findReminderSources,
  findRetentionMonths,
  findUsersWithRoles,
  insertGrant,
  updateCaseRow,
  upsertRetentionMonths,
} from './case.repository';
import { notify } from '../notifications/notify';

/** The audit actions that count as reading or exporting a case's data. */
export const CASE_READ_ACTIONS = ['case.viewed', 'case.break_glass', 'case.exported', 'referral.viewed'] as const;

/** Who has read a case (coordinator only): from the audit log, newest first. Viewing it is audited too. */
export async function getCaseReads(deps: Deps, actor: UserActor, caseId: string) {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'viewReadLog', 'Only the coordinator may see who has read a case.');
  const rows = await findCaseReads(deps.db, actor.municipalityId, caseId, [...CASE_READ_ACTIONS]);
  const users = await findUsersWithRoles(deps.db, actor.municipalityId, [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))]);
  await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.reads.viewed', entityType: 'case', entityId: caseId }));
  return {
    items: rows.map((row) => ({
      at: row.occurredAt.toISOString(),
      user: row.actorUserId ? { id: row.actorUserId, name: users.get(row.actorUserId)?.name ?? '' } : null,
      action: row.action,
      breakGlass: row.details.breakGlass === true || row.action === 'case.break_glass',
    })),
  };
}

/** Other cases of the municipality with the same person (keyed hash of normalised name + birth date). Coordinator only. */
export async function getDuplicates(deps: Deps, actor: UserActor, caseId: string) {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'viewDuplicates', 'Only the coordinator sees possible duplicates.');
  const items = access.row.personHash ? await findDuplicates(deps.db, actor.municipalityId, caseId, access.row.personHash) : [];
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.duplicates.viewed', entityType: 'case', entityId: caseId, details: { found: items.length } }),
  );
  return { items: items.map((item) => ({ ...item, status: item.status as Case['status'] })) };
}

/**
 * Break-glass: a coordinator not on the team gets time-limited access to the personal data,
 * with a written reason (encrypted). Flagged in the audit log and shown to the case owner.
 */
export async function breakGlass(deps: Deps, actor: UserActor, caseId: string, reason: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'breakGlass', 'Break-glass is for a coordinator who is not on the case team and has no live access.');
  const reasonEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.grantReason, reason);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  await inTransaction(deps, async (tx) => {
    const grant = await insertGrant(tx, { municipalityId: actor.municipalityId, caseId, userId: actor.userId, reasonEnc, grantedAt: now, expiresAt });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'case.break_glass',
      entityType: 'case',
      entityId: caseId,
      details: { grantId: grant.id, expiresAt: expiresAt.toISOString(), ownerUserId: access.row.ownerUserId, flagged: true },
    });
    await notify(deps, tx, { kind: 'break_glass', municipalityId: actor.municipalityId, caseId });
  });
  return presentFullCase(deps, actor, { ...access, breakGlassUntil: expiresAt });
}

/** Erases the personal data of one case now (a data subject's request). The coded facts stay. */
export async function eraseCase(deps: Deps, actor: UserActor, caseId: string, reason: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'erase', 'Only the coordinator erases personal data, once.');
  // The reason is kept encrypted as the record of the request; the audit holds no free text.
  const erasureReasonEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.erasureReason, reason);
  const now = new Date();
  await inTransaction(deps, async (tx) => {
    await erasePersonalData(tx, actor.municipalityId, caseId, now, erasureReasonEnc);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.personal.erased', entityType: 'case', entityId: caseId, details: { trigger: 'request', reasonGiven: true } });
  });
  return presentFullCase(deps, actor, await accessCase(deps, actor, caseId));
}

export async function retentionMonthsFor(deps: Deps, municipalityId: string): Promise<number> {
  return (await findRetentionMonths(deps.db, municipalityId)) ?? DEFAULT_RETENTION_MONTHS;
}

export async function getCaseSettings(deps: Deps, actor: UserActor) {
  return { retentionMonths: await retentionMonthsFor(deps, actor.municipalityId) };
}

export async function updateCaseSettings(deps: Deps, actor: UserActor, body: { retentionMonths: number }) {
  await inTransaction(deps, async (tx) => {
    await upsertRetentionMonths(tx, actor.municipalityId, body.retentionMonths);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.settings.updated', entityType: 'municipality', entityId: actor.municipalityId, details: { retentionMonths: body.retentionMonths } });
  });
  return getCaseSettings(deps, actor);
}

export type RetentionOutcome = { erased: number; warned: number };

/**
 * The nightly retention run: in every municipality, erases the personal data of cases closed
 * longer than the retention period and warns (a home-page reminder) 30 days before. Each
 * erasure and warning is audited as the system.
 */
export async function runCaseRetention(deps: Deps, now = new Date()): Promise<RetentionOutcome> {
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'case-retention' } }, async () => {
    const outcome: RetentionOutcome = { erased: 0, warned: 0 };
    for (const municipalityId of await findMunicipalityIds(deps.db)) {
      const months = await retentionMonthsFor(deps, municipalityId);
      const eraseCutoff = addMonths(now, -months);
      for (const row of await findClosedWithPersonalDataBefore(deps.db, municipalityId, eraseCutoff, false)) {
        await inTransaction(deps, async (tx) => {
          await erasePersonalData(tx, municipalityId, row.id, now);
          await recordAudit(tx, { municipalityId, action: 'case.personal.erased', entityType: 'case', entityId: row.id, details: { trigger: 'retention', retentionMonths: months } });
        });
        outcome.erased += 1;
      }
      const warnCutoff = addDays(eraseCutoff, RETENTION_WARNING_DAYS);
      for (const row of await findClosedWithPersonalDataBefore(deps.db, municipalityId, warnCutoff, true)) {
        await inTransaction(deps, async (tx) => {
          await updateCaseRow(tx, municipalityId, row.id, { retentionWarnedAt: now });
          await notify(deps, tx, { kind: 'erasure_coming', municipalityId, caseId: row.id });
          await recordAudit(tx, { municipalityId, action: 'case.retention.warned', entityType: 'case', entityId: row.id, details: { retentionMonths: months } });
        });
        outcome.warned += 1;
      }
    }
    return outcome;
  });
}

const REFLECTION_WARNING_DAYS = 14;
const TASK_WARNING_DAYS = CASE_TASK_DUE_DAYS;

/** Deadlines that matter, for the home page: the actor's cases (all cases for the coordinator). */
export async function getCaseReminders(deps: Deps, actor: UserActor, now = new Date()): Promise<{ items: CaseReminder[] }> {
  const m = actor.municipalityId;
  const all = seesAllCases(actor);
  const items: CaseReminder[] = [];
  // Days are days in Norway: a task due today is not overdue just after midnight there.
  const today = localDate(now);
  const [sources, referrals, tasks, grants] = await Promise.all([
    findReminderSources(deps.db, m, actor.userId, all),
    findOverdueReferrals(deps.db, m, actor.userId, all, now),
    findDueTasks(deps.db, m, actor.userId, localDayPlus(now, TASK_WARNING_DAYS)),
    findGrantsOnOwnedCases(deps.db, m, actor.userId, addDays(now, -7)),
  ]);
  for (const row of sources) {
    if (row.reflectionPeriodEnd && row.reflectionPeriodEnd <= localDayPlus(now, REFLECTION_WARNING_DAYS)) {
      items.push({ kind: 'reflection_period_ending', caseId: row.id, caseNumber: row.caseNumber, dueAt: new Date(`${row.reflectionPeriodEnd}T00:00:00Z`).toISOString(), overdue: row.reflectionPeriodEnd < today });
    }
    if (row.childWelfareReviewDueAt) {
      items.push({ kind: 'child_welfare_review', caseId: row.id, caseNumber: row.caseNumber, dueAt: row.childWelfareReviewDueAt.toISOString(), overdue: row.childWelfareReviewDueAt < now });
    }
  }
  for (const row of referrals) items.push({ kind: 'referral_overdue', caseId: row.caseId, caseNumber: row.caseNumber, dueAt: row.answerDueAt.toISOString(), overdue: true });
  for (const row of tasks) items.push({ kind: 'task_due', caseId: row.caseId, caseNumber: row.caseNumber, dueAt: new Date(`${row.dueOn}T00:00:00Z`).toISOString(), overdue: row.dueOn < today });
  for (const row of grants) items.push({ kind: 'break_glass', caseId: row.caseId, caseNumber: row.caseNumber, dueAt: row.grantedAt.toISOString(), overdue: false });
  if (all) {
    const months = await retentionMonthsFor(deps, m);
    const warnCutoff = addDays(addMonths(now, -months), RETENTION_WARNING_DAYS);
    for (const row of await findClosedWithPersonalDataBefore(deps.db, m, warnCutoff, false)) {
      if (!row.closedAt) continue;
      const erasesAt = addMonths(row.closedAt, months);
      items.push({ kind: 'retention_erasure', caseId: row.id, caseNumber: row.caseNumber, dueAt: erasesAt.toISOString(), overdue: erasesAt < now });
    }
  }
  items.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  return { items };
}

export function assertNotErased(row: { personalDataErasedAt: Date | null }): void {
  if (row.personalDataErasedAt) throw new AppError('CONFLICT', 'The personal data of this case has been erased.');
}
