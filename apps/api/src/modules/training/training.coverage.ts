import type { Coverage, CoverageCell, OrganisationKind } from '@lykt/shared';
import { addDaysToDay, localDate } from '@lykt/shared';
import { DUE_SOON_DAYS, monthEnds, sharePercent } from './training.logic';

export type CoverageStaff = { userId: string; name: string; organisationId: string; organisationName: string; organisationKind: string };
export type CoverageCompletion = { userId: string; completedAt: Date; validUntil: string };

/** Whether someone holds a completion valid on a day. */
function trainedOn(completions: readonly CoverageCompletion[], day: string): boolean {
  return completions.some((completion) => localDate(completion.completedAt) <= day && completion.validUntil >= day);
}

function cell(staff: number, trained: number): CoverageCell {
  return { staff, trained, share: sharePercent(trained, staff), suppressed: false };
}

/**
 * Coverage of one module among the given staff on a day: in total, per organisation, per
 * organisation kind, month by month for the last 12 months (today's staff, completions valid at
 * each month's end) and who is due for refreshing. Counted for the coordinator, who may see
 * names, so nothing is suppressed here; the council report suppresses its own figures.
 */
export function computeCoverage(
  staff: readonly CoverageStaff[],
  completions: readonly CoverageCompletion[],
  today: string,
): Pick<Coverage, 'total' | 'byOrganisation' | 'byKind' | 'overTime' | 'due'> {
  const byUser = new Map<string, CoverageCompletion[]>();
  for (const completion of completions) byUser.set(completion.userId, [...(byUser.get(completion.userId) ?? []), completion]);
  const trained = new Set(staff.filter((person) => trainedOn(byUser.get(person.userId) ?? [], today)).map((person) => person.userId));
  const organisations = new Map<string, { name: string; kind: string; staff: number; trained: number }>();
  const kinds = new Map<string, { staff: number; trained: number }>();
  for (const person of staff) {
    const organisation = organisations.get(person.organisationId) ?? { name: person.organisationName, kind: person.organisationKind, staff: 0, trained: 0 };
    const kind = kinds.get(person.organisationKind) ?? { staff: 0, trained: 0 };
    organisation.staff += 1;
    kind.staff += 1;
    if (trained.has(person.userId)) {
      organisation.trained += 1;
      kind.trained += 1;
    }
    organisations.set(person.organisationId, organisation);
    kinds.set(person.organisationKind, kind);
  }
  const dueLimit = addDaysToDay(today, DUE_SOON_DAYS);
  const due: Coverage['due'] = [];
  for (const person of staff) {
    const latest = (byUser.get(person.userId) ?? []).reduce<string | null>((best, completion) => (best === null || completion.validUntil > best ? completion.validUntil : best), null);
    if (latest === null || latest > dueLimit) continue;
    due.push({ userId: person.userId, name: person.name, organisation: person.organisationName, status: latest < today ? 'expired' : 'due_soon', validUntil: latest });
  }
  due.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.name.localeCompare(b.name));
  return {
    total: cell(staff.length, trained.size),
    byOrganisation: [...organisations.entries()].map(([organisationId, value]) => ({ organisationId, name: value.name, kind: value.kind as OrganisationKind, ...cell(value.staff, value.trained) })),
    byKind: [...kinds.entries()].map(([kind, value]) => ({ kind: kind as OrganisationKind, ...cell(value.staff, value.trained) })).sort((a, b) => a.kind.localeCompare(b.kind)),
    overTime: monthEnds(today, 12).map(({ month, end }) => {
      const count = staff.filter((person) => trainedOn(byUser.get(person.userId) ?? [], end)).length;
      return { month, trained: count, share: sharePercent(count, staff.length) };
    }),
    due,
  };
}
