import { z } from 'zod';

/** The groups of the work a home-page count belongs to (the same groups as the main menu). */
export const HOME_GROUPS = ['identify', 'help', 'plan', 'learn'] as const;
export type HomeGroup = (typeof HOME_GROUPS)[number];

/**
 * What a home-page count counts. Each is computed by the list service of its module with the
 * actor's own need-to-know scope, so a count never includes a record the list would hide.
 */
export const HOME_COUNT_KEYS = [
  'concerns_new',
  'concerns_awaiting_reporter',
  'concerns_in_progress',
  'concerns_question_for_you',
  'concerns_open_own',
  'tips_unread',
  'tips_new_messages',
  'referrals_awaiting_answer',
  'referrals_overdue',
  'reflection_period_ending',
  'child_welfare_review',
  'retention_erasure',
  'tasks_due',
  'measures_overdue',
  'measures_due_soon',
  'training_due',
] as const;
export type HomeCountKey = (typeof HOME_COUNT_KEYS)[number];

/** The staff-app list a count opens, with its filters as URL search parameters. */
export const HOME_LINK_PATHS = ['/concerns', '/tips', '/referrals', '/cases', '/plans', '/training'] as const;

export const HomeCountSchema = z.object({
  key: z.enum(HOME_COUNT_KEYS).describe('What is counted'),
  group: z.enum(HOME_GROUPS).describe('The part of the work it belongs to'),
  count: z.number().int().min(0).describe('How many, within what the actor may see'),
  urgent: z.boolean().describe('Overdue or otherwise needing action first'),
  link: z
    .object({
      to: z.enum(HOME_LINK_PATHS).describe('The list page, relative to the staff app'),
      search: z.record(z.string(), z.string()).describe('Filters of the list, as URL search parameters'),
    })
    .describe('The filtered list that shows what is counted'),
});
export type HomeCount = z.infer<typeof HomeCountSchema>;

export const HomeQueueSchema = z.object({
  counts: z.array(HomeCountSchema).describe("The counts for the actor's role, in the order to show them"),
  plan: z
    .object({
      planId: z.uuid(),
      title: z.string(),
      version: z.number().int(),
      totalProgress: z.number().nullable().describe('Average progress of the areas with measures, 0-100'),
    })
    .nullable()
    .describe('The adopted plan in force and its progress, for roles that follow the plan'),
  report: z
    .object({ reportId: z.uuid(), year: z.number().int(), version: z.number().int() })
    .nullable()
    .describe('The latest final council report, for roles that read reports'),
});
export type HomeQueue = z.infer<typeof HomeQueueSchema>;
