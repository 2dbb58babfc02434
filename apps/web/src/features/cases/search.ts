import { CASE_EXPLOITATION_FORMS, CASE_SORT_KEYS, CASE_STATUSES, NEED_KINDS, PARTNER_REFERRAL_SORT_KEYS, REFERRAL_STATUSES, sortValues, type CaseListQuerySchema, type CaseStatus } from '@lykt/shared';
import type { z } from 'zod';
import { cursorParam, oneOf, searchText, type KeysetSearch } from '../../lib/use-list-search';

/** Search params of the new-case page: where the case comes from. */
export interface NewCaseSearch {
  sourceKind?: 'concern' | 'tip' | undefined;
  sourceId?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only a well-formed source; anything else opens a case directly. */
export function parseNewCaseSearch(search: Record<string, unknown>): NewCaseSearch {
  const kind = search.sourceKind;
  const id = search.sourceId;
  if ((kind === 'concern' || kind === 'tip') && typeof id === 'string' && UUID.test(id)) return { sourceKind: kind, sourceId: id };
  return {};
}

/** Filters, sort and page of the case list, kept in the address so a link can be shared inside the team. */
export interface CasesSearch extends KeysetSearch {
  q?: string | undefined;
  status?: CaseStatus | undefined;
  mine?: 'true' | undefined;
  deadline?: 'soon' | undefined;
  tasks?: 'due' | undefined;
  minor?: 'true' | 'false' | undefined;
  form?: (typeof CASE_EXPLOITATION_FORMS)[number] | undefined;
  sort?: CaseSort | undefined;
}

export type CaseSort = z.infer<typeof CaseListQuerySchema>['sort'];
const CASE_SORTS = sortValues(CASE_SORT_KEYS);

/** Reads the case list's address; unknown or stale values fall back to no filter. */
export function parseCasesSearch(search: Record<string, unknown>): CasesSearch {
  return {
    q: searchText(search.q),
    status: oneOf(CASE_STATUSES, search.status),
    mine: search.mine === true || search.mine === 'true' ? 'true' : undefined,
    deadline: oneOf(['soon'] as const, search.deadline),
    tasks: oneOf(['due'] as const, search.tasks),
    minor: oneOf(['true', 'false'] as const, typeof search.minor === 'boolean' ? String(search.minor) : search.minor),
    form: oneOf(CASE_EXPLOITATION_FORMS, search.form),
    sort: oneOf(CASE_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}

/** The partner's referral list in the address (e.g. `/referrals?state=awaiting` from the home page): search, filters, sort and page. */
export interface PartnerReferralsSearch extends KeysetSearch {
  q?: string | undefined;
  state?: 'awaiting' | 'overdue' | undefined;
  status?: PartnerReferralStatus | undefined;
  needKind?: (typeof NEED_KINDS)[number] | undefined;
  sort?: PartnerReferralSort | undefined;
}

/** The statuses a partner sees (a revoked referral leaves the partner's list). */
export const PARTNER_REFERRAL_STATUSES = REFERRAL_STATUSES.filter((status): status is Exclude<(typeof REFERRAL_STATUSES)[number], 'revoked'> => status !== 'revoked');
type PartnerReferralStatus = (typeof PARTNER_REFERRAL_STATUSES)[number];
export const PARTNER_REFERRAL_SORTS = sortValues(PARTNER_REFERRAL_SORT_KEYS);
export type PartnerReferralSort = (typeof PARTNER_REFERRAL_SORTS)[number];

export function parsePartnerReferralsSearch(search: Record<string, unknown>): PartnerReferralsSearch {
  return {
    q: searchText(search.q),
    state: oneOf(['awaiting', 'overdue'] as const, search.state),
    status: oneOf(PARTNER_REFERRAL_STATUSES, search.status),
    needKind: oneOf(NEED_KINDS, search.needKind),
    sort: oneOf(PARTNER_REFERRAL_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}
