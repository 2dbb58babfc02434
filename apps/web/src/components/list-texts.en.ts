import type { Translations } from '../i18n/en';
import type { listNb } from './list-texts.nb';

/** English texts shared by the list pages (mounted under `lists` in i18n/en.ts). */
export const listEn: Translations<typeof listNb> = {
  searching: 'Searching …',
  dueTasks_one: '{{count}} of your tasks is due',
  dueTasks_other: '{{count}} of your tasks are due',
  dueTasksTotal_one: '{{count}} task due in the cases on this page',
  dueTasksTotal_other: '{{count}} tasks due in the cases on this page',
};
