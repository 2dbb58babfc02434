import { can, type HomeCount, type HomeCountKey, type HomeGroup, type HomeQueue, type Permission } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { countConcerns } from '../concerns/concern.service';
import { getCaseReminders } from '../cases/case-protection.service';
import { countDueTasks } from '../cases/case.service';
import { countPartnerReferrals } from '../cases/referral.service';
import { findDeadlines, getVersion, listPlans } from '../plans/plans.service';
import { listReports } from '../reports/reports.service';
import { countTips } from '../tips/tips.service';
import { findModules } from '../training/training.service';

/** Measures due within this many days count as "due soon" on the home page. */
export const MEASURES_DUE_DAYS = 30;

type CounterName = 'concerns' | 'tips' | 'referrals' | 'cases' | 'measures' | 'training';

type CountSource = {
  key: HomeCountKey;
  /** The module service that computes it. */
  counter: CounterName;
  group: HomeGroup;
  urgent: boolean;
  link: HomeCount['link'];
  /** The count is shown only to those holding this permission (and, where given, only to these roles). */
  permission: Permission;
  roles?: readonly UserActor['role'][];
};

/**
 * Every count the home page knows, in display order. The links name the filtered list each
 * count stands for, with the filters that list page has (URL search parameters); where the list
 * has no filter for the count (tasks and referrals overdue from the case side: both are case
 * reminders, listed on the home page itself), the link opens the list itself. Plan measures link
 * to the plans page's deadline list (`due=overdue|soon`) and training to `due=me`: the same
 * service answers the count and the list.
 */
const SOURCES: readonly CountSource[] = [
  { key: 'concerns_new', counter: 'concerns', group: 'identify', urgent: true, permission: 'concerns:triage', link: { to: '/concerns', search: { status: 'new', assigned: 'none' } } },
  { key: 'concerns_awaiting_reporter', counter: 'concerns', group: 'identify', urgent: false, permission: 'concerns:read', roles: ['coordinator', 'caseworker'], link: { to: '/concerns', search: { status: 'awaiting_reporter' } } },
  { key: 'concerns_in_progress', counter: 'concerns', group: 'identify', urgent: false, permission: 'concerns:read', roles: ['caseworker'], link: { to: '/concerns', search: { status: 'in_progress' } } },
  { key: 'concerns_question_for_you', counter: 'concerns', group: 'identify', urgent: true, permission: 'concerns:create', roles: ['frontline', 'procurement'], link: { to: '/concerns', search: { status: 'awaiting_reporter' } } },
  { key: 'concerns_open_own', counter: 'concerns', group: 'identify', urgent: false, permission: 'concerns:create', roles: ['frontline', 'procurement'], link: { to: '/concerns', search: {} } },
  { key: 'tips_unread', counter: 'tips', group: 'identify', urgent: true, permission: 'tips:read', link: { to: '/tips', search: { status: 'new', unread: 'true' } } },
  { key: 'tips_new_messages', counter: 'tips', group: 'identify', urgent: true, permission: 'tips:read', link: { to: '/tips', search: { status: 'in_progress', unread: 'true' } } },
  { key: 'referrals_awaiting_answer', counter: 'referrals', group: 'help', urgent: false, permission: 'referrals:respond', link: { to: '/referrals', search: { state: 'awaiting' } } },
  { key: 'referrals_overdue', counter: 'referrals', group: 'help', urgent: true, permission: 'referrals:respond', link: { to: '/referrals', search: { state: 'overdue' } } },
  { key: 'referrals_overdue', counter: 'cases', group: 'help', urgent: true, permission: 'cases:read', link: { to: '/cases', search: {} } },
  { key: 'reflection_period_ending', counter: 'cases', group: 'help', urgent: true, permission: 'cases:read', link: { to: '/cases', search: { deadline: 'soon' } } },
  { key: 'child_welfare_review', counter: 'cases', group: 'help', urgent: true, permission: 'cases:read', link: { to: '/cases', search: { deadline: 'soon' } } },
  { key: 'retention_erasure', counter: 'cases', group: 'help', urgent: false, permission: 'cases:coordinate', link: { to: '/cases', search: { status: 'closed' } } },
  { key: 'tasks_due', counter: 'cases', group: 'help', urgent: false, permission: 'cases:read', link: { to: '/cases', search: { tasks: 'due' } } },
  { key: 'measures_overdue', counter: 'measures', group: 'plan', urgent: true, permission: 'plans:progress', link: { to: '/plans', search: { due: 'overdue' } } },
  { key: 'measures_due_soon', counter: 'measures', group: 'plan', urgent: false, permission: 'plans:progress', link: { to: '/plans', search: { due: 'soon' } } },
  { key: 'training_due', counter: 'training', group: 'learn', urgent: false, permission: 'training:take', link: { to: '/training', search: { due: 'me' } } },
];

type Counter = { count: (actor: UserActor) => Promise<Partial<Record<HomeCountKey, number>>> };

/**
 * The counters, one per module. Each calls that module's own list or reminder service, so the
 * need-to-know scope (a caseworker's own cases, a partner's own organisation, a frontline
 * worker's own concerns) is the list's, never a second copy of its rules.
 */
function counters(deps: Deps, now: Date): Record<CounterName, Counter> {
  const concernTotal = (actor: UserActor, status: 'new' | 'in_progress' | 'awaiting_reporter') => countConcerns(deps, actor, { status });
  return {
    concerns: {
      async count(actor) {
        const [fresh, inProgress, awaiting] = await Promise.all([concernTotal(actor, 'new'), concernTotal(actor, 'in_progress'), concernTotal(actor, 'awaiting_reporter')]);
        return {
          concerns_new: fresh,
          concerns_awaiting_reporter: awaiting,
          concerns_in_progress: inProgress,
          concerns_question_for_you: awaiting,
          concerns_open_own: fresh + inProgress + awaiting,
        };
      },
    },
    tips: {
      async count(actor) {
        const [unread, messages] = await Promise.all([countTips(deps, actor, { status: 'new', unread: true }), countTips(deps, actor, { status: 'in_progress', unread: true })]);
        return { tips_unread: unread, tips_new_messages: messages };
      },
    },
    referrals: {
      async count(actor) {
        const [awaiting, overdue] = await Promise.all([countPartnerReferrals(deps, actor, { status: 'sent' }), countPartnerReferrals(deps, actor, { status: 'sent', answerDueBefore: now })]);
        return { referrals_awaiting_answer: awaiting, referrals_overdue: overdue };
      },
    },
    cases: {
      async count(actor) {
        const [{ items }, dueTasks] = await Promise.all([getCaseReminders(deps, actor, now), countDueTasks(deps, actor, now)]);
        const of = (kind: (typeof items)[number]['kind']) => items.filter((item) => item.kind === kind).length;
        return {
          referrals_overdue: of('referral_overdue'),
          reflection_period_ending: of('reflection_period_ending'),
          child_welfare_review: of('child_welfare_review'),
          retention_erasure: of('retention_erasure'),
          // The user's own due tasks: the sum of the due-task column of the list it links to (/cases?tasks=due).
          tasks_due: dueTasks,
        };
      },
    },
    measures: {
      async count(actor) {
        const deadlines = await findDeadlines(deps, actor, MEASURES_DUE_DAYS);
        return { measures_overdue: deadlines.overdue.length, measures_due_soon: deadlines.dueSoon.length };
      },
    },
    training: {
      async count(actor) {
        // The language only picks titles, which a count does not use.
        const { items } = await findModules(deps, actor, 'nb', { dueForMe: true });
        return { training_due: items.length };
      },
    },
  };
}

/** The adopted plan in force with its progress (the first plan the actor may see that has one). */
async function planProgress(deps: Deps, actor: UserActor): Promise<HomeQueue['plan']> {
  const { items } = await listPlans(deps, actor);
  const plan = items.find((candidate) => candidate.currentVersion !== null);
  if (!plan || plan.currentVersion === null) return null;
  const version = await getVersion(deps, actor, plan.id, plan.currentVersion);
  return { planId: plan.id, title: plan.title, version: plan.currentVersion, totalProgress: version.totalProgress };
}

/** The final council report of the latest year. */
async function latestReport(deps: Deps, actor: UserActor): Promise<HomeQueue['report']> {
  const { items } = await listReports(deps, actor);
  const finals = items.filter((item) => item.latestFinalVersion !== null).sort((a, b) => b.year - a.year);
  const report = finals[0];
  return report && report.latestFinalVersion !== null ? { reportId: report.id, year: report.year, version: report.latestFinalVersion } : null;
}

/** Roles for whom the plan's progress and the latest report are the work itself. */
const FOLLOWS_PLAN: readonly UserActor['role'][] = ['coordinator', 'viewer'];

/**
 * The signed-in user's work queue: for each thing that needs them, how many and the filtered
 * list that shows them. Only counts the actor's permissions and role call for are computed.
 */
export async function getHomeQueue(deps: Deps, actor: UserActor, now = new Date()): Promise<HomeQueue> {
  const shown = SOURCES.filter((source) => can(actor.role, source.permission) && (!source.roles || source.roles.includes(actor.role)));
  const all = counters(deps, now);
  const names = [...new Set(shown.map((source) => source.counter))];
  const results = await Promise.all(names.map((name) => all[name].count(actor)));
  const values = new Map(names.map((name, index) => [name, results[index] ?? {}]));
  const follows = FOLLOWS_PLAN.includes(actor.role);
  const [plan, report] = await Promise.all([
    follows && can(actor.role, 'plans:read') ? planProgress(deps, actor) : null,
    follows && can(actor.role, 'reports:read') ? latestReport(deps, actor) : null,
  ]);
  return {
    counts: shown.map((source) => ({ key: source.key, group: source.group, urgent: source.urgent, link: source.link, count: values.get(source.counter)?.[source.key] ?? 0 })),
    plan,
    report,
  };
}

