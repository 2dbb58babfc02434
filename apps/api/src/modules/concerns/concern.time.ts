/** Child welfare must review a report of concern within one week (domain.md §3). */
export const CHILD_WELFARE_REVIEW_DAYS = 7;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
