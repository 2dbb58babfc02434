import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@lykt/db';
import { runWithContext } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { can, type Role } from '@lykt/shared';
import { effectiveModules } from '../training/training.service';
import { isModuleFor } from '../training/training.logic';
import { deliver, type Delivery } from './notify';
import { localDate, localDayPlus } from '../reports/period';
import { findCaseTeam, findOrganisationUsers, findUsersByRole } from './notification.repository';

const DAY_MS = 86_400_000;
/** How far ahead a reminder comes. */
export const REMINDER_DAYS = { reflection: 14, childWelfareReview: 3, task: 3, measure: 14, training: 30 } as const;

const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const COORDINATORS = ['coordinator'] as const;
const ORGANISATION_ROLES = ['partner', 'caseworker', 'coordinator'] as const;

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * The scheduled checks: deadlines coming, overdue referrals and child-welfare deadlines, tasks and
 * measures due, training due. Each reminder has a dedupe key (kind, record, date), so running the
 * checks again, or in several processes at once, never notifies twice.
 */
export async function runScheduledChecks(deps: Deps, now = new Date()): Promise<number> {
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'notifications' } }, async () => {
    const db = deps.db;
    // Days are days in Norway, also when the checks run just after midnight there.
    const today = localDate(now);
    const deliveries: (Delivery | ((tx: Database) => Promise<Delivery[]>))[] = [];

    for (const row of await rows<{ id: string; municipality_id: string; case_id: string; organisation_id: string }>(
      db,
      sql`select id, municipality_id, case_id, organisation_id from case_referral where status = 'sent' and answer_due_at < ${now.toISOString()}`,
    )) {
      deliveries.push(async (tx) => [
        { municipalityId: row.municipality_id, kind: 'referral_overdue', recipients: await findOrganisationUsers(tx, row.municipality_id, row.organisation_id, ORGANISATION_ROLES), linkPath: `/app/referrals/${row.id}`, dedupeKey: `referral_overdue:${row.id}` },
        { municipalityId: row.municipality_id, kind: 'referral_overdue', recipients: await findCaseTeam(tx, row.municipality_id, row.case_id), linkPath: `/app/cases/${row.case_id}`, dedupeKey: `referral_overdue:${row.id}` },
      ]);
    }

    for (const row of await rows<{ id: string; municipality_id: string; reflection_period_end: string | null; child_welfare_review_due_at: string | Date | null }>(
      db,
      sql`select id, municipality_id, reflection_period_end::text as reflection_period_end, child_welfare_review_due_at from case_file
          where status in ('open', 'follow_up') and personal_data_erased_at is null
            and (reflection_period_end is not null or child_welfare_review_due_at is not null)`,
    )) {
      const m = row.municipality_id;
      const link = `/app/cases/${row.id}`;
      if (row.reflection_period_end && row.reflection_period_end >= today && row.reflection_period_end <= localDayPlus(now, REMINDER_DAYS.reflection)) {
        deliveries.push(async (tx) => [{ municipalityId: m, kind: 'case_deadline', recipients: await findCaseTeam(tx, m, row.id), linkPath: link, dedupeKey: `reflection:${row.id}:${row.reflection_period_end}` }]);
      }
      if (row.child_welfare_review_due_at) {
        const due = new Date(row.child_welfare_review_due_at);
        if (due < now) {
          deliveries.push(async (tx) => [
            { municipalityId: m, kind: 'child_welfare_overdue', recipients: [...(await findCaseTeam(tx, m, row.id)), ...(await findUsersByRole(tx, m, COORDINATORS))], linkPath: link, dedupeKey: `child_welfare_overdue:${row.id}:${due.toISOString()}` },
          ]);
        } else if (due <= plusDays(now, REMINDER_DAYS.childWelfareReview)) {
          deliveries.push(async (tx) => [{ municipalityId: m, kind: 'case_deadline', recipients: await findCaseTeam(tx, m, row.id), linkPath: link, dedupeKey: `child_welfare_review:${row.id}:${due.toISOString()}` }]);
        }
      }
    }

    for (const row of await rows<{ id: string; municipality_id: string; assigned_user_id: string | null; child_welfare_due_at: string | Date }>(
      db,
      sql`select id, municipality_id, assigned_user_id, child_welfare_due_at from concern where status <> 'closed' and child_welfare_due_at < ${now.toISOString()}`,
    )) {
      const m = row.municipality_id;
      const due = new Date(row.child_welfare_due_at).toISOString();
      deliveries.push(async (tx) => [
        { municipalityId: m, kind: 'child_welfare_overdue', recipients: [...(await findUsersByRole(tx, m, COORDINATORS)), ...(row.assigned_user_id ? [row.assigned_user_id] : [])], linkPath: `/app/concerns/${row.id}`, dedupeKey: `child_welfare_overdue:${row.id}:${due}` },
      ]);
    }

    for (const row of await rows<{ id: string; municipality_id: string; case_id: string; owner_user_id: string; due_on: string }>(
      db,
      sql`select t.id, t.municipality_id, t.case_id, t.owner_user_id, t.due_on::text as due_on from case_task t join case_file c on c.id = t.case_id
          where t.done_at is null and c.status in ('open', 'follow_up') and t.due_on <= ${localDayPlus(now, REMINDER_DAYS.task)}::date`,
    )) {
      deliveries.push({ municipalityId: row.municipality_id, kind: 'task_due', recipients: [row.owner_user_id], linkPath: `/app/cases/${row.case_id}`, dedupeKey: `task_due:${row.id}:${row.due_on}` });
    }

    // Measures of each plan's newest version that are neither done nor cancelled.
    for (const row of await rows<{ id: string; municipality_id: string; lineage_id: string; owner_organisation_id: string | null; due_date: string }>(
      db,
      sql`select pm.id, pm.municipality_id, pm.lineage_id, pm.owner_organisation_id, pm.due_date::text as due_date
          from plan_measure pm join plan_version pv on pv.id = pm.plan_version_id
          where pv.status <> 'superseded' and pm.status not in ('done', 'cancelled') and pm.due_date is not null
            and pm.due_date <= ${localDayPlus(now, REMINDER_DAYS.measure)}::date
            and pv.number = (select max(number) from plan_version latest where latest.plan_id = pv.plan_id)`,
    )) {
      const m = row.municipality_id;
      deliveries.push(async (tx) => [
        {
          municipalityId: m,
          kind: 'measure_due',
          recipients: row.owner_organisation_id ? await findOrganisationUsers(tx, m, row.owner_organisation_id, ['partner', 'coordinator']) : await findUsersByRole(tx, m, COORDINATORS),
          linkPath: `/app/measures/${row.id}`,
          dedupeKey: `measure_due:${row.lineage_id}:${row.due_date}`,
        },
      ]);
    }

    // The newest completion per user and module that runs out soon (or has run out).
    for (const row of await rows<{ municipality_id: string; user_id: string; module_key: string; valid_until: string }>(
      db,
      sql`select distinct on (tc.user_id, tc.module_key) tc.municipality_id, tc.user_id, tc.module_key, tc.valid_until::text as valid_until
          from training_completion tc join app_user u on u.id = tc.user_id and u.deactivated_at is null
          order by tc.user_id, tc.module_key, tc.valid_until desc`,
    )) {
      if (row.valid_until > localDayPlus(now, REMINDER_DAYS.training)) continue;
      deliveries.push({ municipalityId: row.municipality_id, kind: 'training_due', recipients: [row.user_id], linkPath: `/app/training/${row.module_key}`, dedupeKey: `training_due:${row.module_key}:${row.valid_until}` });
    }

    // Modules meant for a user's role and organisation that they have never completed: once each,
    // when the account is older than the reminder window (a new colleague gets time to start).
    const untrained = await rows<{ municipality_id: string; user_id: string; role: Role; kind: string | null; done: string[] | null }>(
      db,
      sql`select u.municipality_id, u.id as user_id, u.role, o.kind,
                 (select array_agg(distinct tc.module_key) from training_completion tc where tc.user_id = u.id) as done
          from app_user u left join organisation o on o.id = u.organisation_id
          where u.deactivated_at is null and u.created_at < ${plusDays(now, -REMINDER_DAYS.training).toISOString()}`,
    );
    const modulesOf = new Map<string, Awaited<ReturnType<typeof effectiveModules>>>();
    for (const row of untrained) {
      if (!can(row.role, 'training:take')) continue;
      let modules = modulesOf.get(row.municipality_id);
      if (!modules) {
        modules = await effectiveModules(deps, row.municipality_id);
        modulesOf.set(row.municipality_id, modules);
      }
      const done = new Set(row.done ?? []);
      for (const module of modules) {
        if (done.has(module.key) || !isModuleFor(module, row.role, row.kind ?? 'other')) continue;
        deliveries.push({ municipalityId: row.municipality_id, kind: 'training_due', recipients: [row.user_id], linkPath: `/app/training/${module.key}`, dedupeKey: `training_due:${module.key}:never` });
      }
    }

    let written = 0;
    for (const item of deliveries) {
      written += await inTransaction(deps, async (tx) => {
        let count = 0;
        for (const delivery of typeof item === 'function' ? await item(tx) : [item]) count += await deliver(deps, tx, delivery);
        return count;
      });
    }
    return written;
  });
}
