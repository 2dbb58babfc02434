/** Norwegian Bokmål texts shared by the list pages (mounted under `lists` in i18n/nb.ts). */
export const listNb = {
  /** Shown while a search or filter is being fetched, after a short pause (so quick answers do not flicker). */
  searching: 'Søker …',
  /** The case list with tasks=due: how many of the user's own tasks on the case are due. */
  dueTasks_one: '{{count}} av oppgavene dine forfaller',
  dueTasks_other: '{{count}} av oppgavene dine forfaller',
  dueTasksTotal_one: '{{count}} oppgave som forfaller, i sakene på denne siden',
  dueTasksTotal_other: '{{count}} oppgaver som forfaller, i sakene på denne siden',
};
