import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { CASE_SORT_KEYS, PARTNER_REFERRAL_SORT_KEYS, PartnerReferralListQuery } from '@lykt/shared';
import { containsPattern, keysetList, keysetSort, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';

export type CaseRow = typeof schema.caseFile.$inferSelect;
export type CaseInsert = Omit<typeof schema.caseFile.$inferInsert, 'municipalityId' | 'id' | 'createdAt' | 'updatedAt'>;
export type CaseMemberRow = typeof schema.caseMember.$inferSelect;
export type CaseNeedRow = typeof schema.caseNeed.$inferSelect;
export type CaseTaskRow = typeof schema.caseTask.$inferSelect;
export type CaseJournalRow = typeof schema.caseJournalEntry.$inferSelect;
export type ConsentRow = typeof schema.caseConsent.$inferSelect;
export type ReferralRow = typeof schema.caseReferral.$inferSelect;
export type AccessGrantRow = typeof schema.caseAccessGrant.$inferSelect;

const c = schema.caseFile;

export async function findCase(db: Database, municipalityId: string, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(c).where(and(eq(c.municipalityId, municipalityId), eq(c.id, caseId))).limit(1);
  return row ?? null;
}

export async function findCaseBySource(db: Database, municipalityId: string, kind: string, sourceId: string): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(c)
    .where(and(eq(c.municipalityId, municipalityId), eq(c.sourceKind, kind), eq(c.sourceId, sourceId)))
    .limit(1);
  return row ?? null;
}

/** The next case number of the year, under a per-municipality lock so two cases never share one. */
export async function nextCaseNumber(tx: Database, municipalityId: string, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`case-number:${municipalityId}`}, 0))`);
  const [row] = await tx
    .select({ total: count() })
    .from(c)
    .where(and(eq(c.municipalityId, municipalityId), sql`${c.caseNumber} like ${`${year}-%`}`));
  return `${year}-${String((row?.total ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertCase(tx: Database, municipalityId: string, values: CaseInsert): Promise<CaseRow> {
  const [row] = await tx.insert(c).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('case insert returned nothing');
  return row;
}

export async function updateCaseRow(tx: Database, municipalityId: string, caseId: string, values: Partial<CaseInsert>): Promise<void> {
  await tx
    .update(c)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(c.municipalityId, municipalityId), eq(c.id, caseId)));
}

/** The columns the case list shows: no encrypted column ever leaves the database for a list. */
const LIST_COLUMNS = {
  id: c.id,
  caseNumber: c.caseNumber,
  status: c.status,
  sourceKind: c.sourceKind,
  ownerUserId: c.ownerUserId,
  isMinor: c.isMinor,
  ageBand: c.ageBand,
  exploitationForms: c.exploitationForms,
  personalDataErasedAt: c.personalDataErasedAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  closedAt: c.closedAt,
};
export type CaseListColumns = { [K in keyof typeof LIST_COLUMNS]: CaseRow[K] };
export type CaseListRow = CaseListColumns & { isMember: boolean; openReferrals: number; ownerName?: string | null; dueTasks?: number | null };

/** The columns the case list sorts by; migration 0019 gives each an index (municipality, column, id). */
const CASE_SORT_COLUMNS: Record<CaseSortKey, SortColumn> = {
  updatedAt: { column: c.updatedAt, kind: 'timestamp' },
  createdAt: { column: c.createdAt, kind: 'timestamp' },
  caseNumber: { column: c.caseNumber, kind: 'text' },
};
type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

/** The case list's sort from its query parameter. */
export function caseListSort(name: CaseSortKey | `-${CaseSortKey}`): KeysetSort {
  return keysetSort(name, CASE_SORT_COLUMNS, c.id);
}

export type CaseListFilter = {
  status?: string | undefined;
  q?: string | undefined;
  /** Cutoffs for deadline=soon: a reflection period ending on or before `day`, a review due before `at`. */
  deadlineBy?: { day: string; at: Date } | undefined;
  minor?: boolean | undefined;
  form?: string | undefined;
  /** tasks=due: a task of this user, not done, due on or before this day. */
  tasksDue?: { userId: string; untilDay: string } | undefined;
};

function filterConditions(filter: CaseListFilter): (SQL | undefined)[] {
  return [
    filter.status ? eq(c.status, filter.status) : undefined,
    filter.q ? ilike(c.caseNumber, containsPattern(filter.q)) : undefined,
    filter.deadlineBy
      ? and(
          inArray(c.status, ['open', 'follow_up']),
          or(lte(c.reflectionPeriodEnd, filter.deadlineBy.day), lte(c.childWelfareReviewDueAt, filter.deadlineBy.at)),
        )
      : undefined,
    filter.minor === undefined ? undefined : eq(c.isMinor, filter.minor),
    filter.form ? sql`${c.exploitationForms} @> ${JSON.stringify([filter.form])}::jsonb` : undefined,
    // The same conditions as findDueTasks (the home page's reminders), per case.
    filter.tasksDue ? sql`exists (${dueTasksOf(filter.tasksDue, sql`1`)})` : undefined,
  ];
}

/** The user's own due tasks on the outer query's case: `select <what> from case_task ...`. */
function dueTasksOf(tasksDue: NonNullable<CaseListFilter['tasksDue']>, what: SQL): SQL {
  return sql`select ${what} from ${schema.caseTask} t where t.municipality_id = ${c.municipalityId} and t.case_id = ${c.id} and t.owner_user_id = ${tasksDue.userId} and t.done_at is null and t.due_on <= ${tasksDue.untilDay}`;
}

/**
 * A page of cases in the given sort, keyset-paged. `memberOnly` limits it to cases whose team the
 * user is on (scoped in SQL). Membership is a join on the (case, user) unique index: with an
 * EXISTS the planner hashes the whole member table for a coordinator on 90,000 teams. Open
 * referrals are counted for the page's rows in one grouped query, not per row; the total is
 * counted only where it is cheap (the user's own teams, first page) or read off a short page.
 */
export async function listCases(
  db: Database,
  municipalityId: string,
  actorUserId: string,
  memberOnly: boolean,
  filter: CaseListFilter,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
): Promise<{ rows: CaseListRow[]; nextCursor: string | null; total: number | null }> {
  const me = schema.caseMember;
  const owner = schema.appUser;
  const conditions = filterConditions(filter);
  // One round trip: the page's rows, the owner's name and the open referrals per row. The
  // referral count is a per-row subquery in the select list, which PostgreSQL evaluates only for
  // the rows the LIMIT keeps (the order comes from the sort's index).
  const { rows, nextCursor, total } = await keysetList(
    db,
    page,
    (k) =>
      db
        .select({
          ...LIST_COLUMNS,
          memberId: me.id,
          ownerName: owner.name,
          openReferrals: sql<number>`(select count(*)::int from ${schema.caseReferral} r where r.municipality_id = ${c.municipalityId} and r.case_id = ${c.id} and r.status in ('sent', 'accepted'))`.mapWith(Number),
          // With tasks=due, how many of the user's tasks on the row are due (the home page counts tasks, and the list shows them per case).
          dueTasks: (filter.tasksDue ? sql<number | null>`(${dueTasksOf(filter.tasksDue, sql`count(*)::int`)})` : sql<number | null>`null`).mapWith((value: unknown) => (value == null ? null : Number(value))),
          cursorKey: k.cursorKey,
        })
        .from(c)
        .leftJoin(me, and(eq(me.caseId, c.id), eq(me.userId, actorUserId)))
        .leftJoin(owner, and(eq(owner.municipalityId, c.municipalityId), eq(owner.id, c.ownerUserId)))
        .where(and(eq(c.municipalityId, municipalityId), memberOnly ? isNotNull(me.id) : undefined, k.after, ...conditions))
        .orderBy(...k.orderBy)
        .limit(k.limit),
    // The user's own teams: counted through the (case, user) membership, up to the cap.
    memberOnly
      ? (atMost) =>
          db
            .select({ one: sql`1` })
            .from(me)
            .innerJoin(c, eq(c.id, me.caseId))
            .where(and(eq(me.municipalityId, municipalityId), eq(me.userId, actorUserId), ...conditions))
            .limit(atMost)
      : null,
  );
  return {
    rows: rows.map(({ memberId, cursorKey: _key, ...row }) => ({ ...row, isMember: memberId !== null, openReferrals: row.openReferrals ?? 0 })),
    nextCursor,
    total,
  };
}

export async function findMembers(db: Database, municipalityId: string, caseIds: string[]): Promise<CaseMemberRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(schema.caseMember)
    .where(and(eq(schema.caseMember.municipalityId, municipalityId), inArray(schema.caseMember.caseId, caseIds)))
    .orderBy(asc(schema.caseMember.addedAt));
}

export async function findMembership(db: Database, municipalityId: string, caseId: string, userId: string): Promise<CaseMemberRow | null> {
  const [row] = await db
    .select()
    .from(schema.caseMember)
    .where(and(eq(schema.caseMember.municipalityId, municipalityId), eq(schema.caseMember.caseId, caseId), eq(schema.caseMember.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function insertMember(tx: Database, municipalityId: string, caseId: string, userId: string, teamRole: string): Promise<void> {
  await tx.insert(schema.caseMember).values({ municipalityId, caseId, userId, teamRole }).onConflictDoNothing();
}

export async function deleteMember(tx: Database, municipalityId: string, caseId: string, userId: string): Promise<void> {
  await tx
    .delete(schema.caseMember)
    .where(and(eq(schema.caseMember.municipalityId, municipalityId), eq(schema.caseMember.caseId, caseId), eq(schema.caseMember.userId, userId)));
}

export async function findActiveGrant(db: Database, municipalityId: string, caseId: string, userId: string, now: Date): Promise<AccessGrantRow | null> {
  const g = schema.caseAccessGrant;
  const [row] = await db
    .select()
    .from(g)
    .where(and(eq(g.municipalityId, municipalityId), eq(g.caseId, caseId), eq(g.userId, userId), gt(g.expiresAt, now)))
    .orderBy(desc(g.expiresAt))
    .limit(1);
  return row ?? null;
}

/** Every break-glass grant on one case, newest first. */
export async function findGrants(db: Database, municipalityId: string, caseId: string): Promise<AccessGrantRow[]> {
  const g = schema.caseAccessGrant;
  return db
    .select()
    .from(g)
    .where(and(eq(g.municipalityId, municipalityId), eq(g.caseId, caseId)))
    .orderBy(desc(g.grantedAt));
}

export async function insertGrant(tx: Database, values: typeof schema.caseAccessGrant.$inferInsert): Promise<AccessGrantRow> {
  const [row] = await tx.insert(schema.caseAccessGrant).values(values).returning();
  if (!row) throw new Error('grant insert returned nothing');
  return row;
}

export async function findNeeds(db: Database, municipalityId: string, caseId: string): Promise<CaseNeedRow[]> {
  return db.select().from(schema.caseNeed).where(and(eq(schema.caseNeed.municipalityId, municipalityId), eq(schema.caseNeed.caseId, caseId)));
}

export async function upsertNeed(tx: Database, municipalityId: string, caseId: string, kind: string, status: string, noteEnc: string | null): Promise<void> {
  await tx
    .insert(schema.caseNeed)
    .values({ municipalityId, caseId, kind, status, noteEnc })
    .onConflictDoUpdate({ target: [schema.caseNeed.caseId, schema.caseNeed.kind], set: { status, noteEnc, updatedAt: new Date() } });
}

export async function findTasks(db: Database, municipalityId: string, caseId: string): Promise<CaseTaskRow[]> {
  return db
    .select()
    .from(schema.caseTask)
    .where(and(eq(schema.caseTask.municipalityId, municipalityId), eq(schema.caseTask.caseId, caseId)))
    .orderBy(asc(schema.caseTask.dueOn), asc(schema.caseTask.createdAt));
}

export async function insertTask(tx: Database, values: typeof schema.caseTask.$inferInsert): Promise<CaseTaskRow> {
  const [row] = await tx.insert(schema.caseTask).values(values).returning();
  if (!row) throw new Error('task insert returned nothing');
  return row;
}

export async function setTaskDone(tx: Database, municipalityId: string, caseId: string, taskId: string, doneAt: Date | null): Promise<boolean> {
  const rows = await tx
    .update(schema.caseTask)
    .set({ doneAt })
    .where(and(eq(schema.caseTask.municipalityId, municipalityId), eq(schema.caseTask.caseId, caseId), eq(schema.caseTask.id, taskId)))
    .returning({ id: schema.caseTask.id });
  return rows.length > 0;
}

export async function findJournal(db: Database, municipalityId: string, caseId: string): Promise<CaseJournalRow[]> {
  return db
    .select()
    .from(schema.caseJournalEntry)
    .where(and(eq(schema.caseJournalEntry.municipalityId, municipalityId), eq(schema.caseJournalEntry.caseId, caseId)))
    .orderBy(desc(schema.caseJournalEntry.entryDate), desc(schema.caseJournalEntry.createdAt));
}

export async function insertJournalEntry(tx: Database, values: typeof schema.caseJournalEntry.$inferInsert): Promise<void> {
  await tx.insert(schema.caseJournalEntry).values(values);
}

export async function findConsents(db: Database, municipalityId: string, caseId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(schema.caseConsent)
    .where(and(eq(schema.caseConsent.municipalityId, municipalityId), eq(schema.caseConsent.caseId, caseId)))
    .orderBy(asc(schema.caseConsent.createdAt));
}

export async function insertConsent(tx: Database, values: typeof schema.caseConsent.$inferInsert): Promise<ConsentRow> {
  const [row] = await tx.insert(schema.caseConsent).values(values).returning();
  if (!row) throw new Error('consent insert returned nothing');
  return row;
}

export async function withdrawConsentRow(tx: Database, municipalityId: string, consentId: string, userId: string, at: Date): Promise<void> {
  await tx
    .update(schema.caseConsent)
    .set({ withdrawnAt: at, withdrawnByUserId: userId })
    .where(and(eq(schema.caseConsent.municipalityId, municipalityId), eq(schema.caseConsent.id, consentId)));
}

const r = schema.caseReferral;

export async function findReferrals(db: Database, municipalityId: string, caseId: string): Promise<ReferralRow[]> {
  return db
    .select()
    .from(r)
    .where(and(eq(r.municipalityId, municipalityId), eq(r.caseId, caseId)))
    .orderBy(desc(r.sentAt));
}

export async function findReferral(db: Database, municipalityId: string, referralId: string): Promise<ReferralRow | null> {
  const [row] = await db.select().from(r).where(and(eq(r.municipalityId, municipalityId), eq(r.id, referralId))).limit(1);
  return row ?? null;
}

export async function insertReferral(tx: Database, values: typeof schema.caseReferral.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(r).values(values).returning();
  if (!row) throw new Error('referral insert returned nothing');
  return row;
}

export async function updateReferralRow(tx: Database, municipalityId: string, referralId: string, values: Partial<typeof schema.caseReferral.$inferInsert>): Promise<void> {
  await tx
    .update(r)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(r.municipalityId, municipalityId), eq(r.id, referralId)));
}

/** Which referrals to one organisation its partner may see (not revoked, shared data not hidden), narrowed by status or answer due date. */
export type PartnerReferralFilter = { status?: string | undefined; answerDueBefore?: Date | undefined; needKind?: string | undefined; pattern?: string | undefined };

function partnerReferralWhere(municipalityId: string, organisationId: string, filter: PartnerReferralFilter) {
  return and(
    eq(r.municipalityId, municipalityId),
    eq(r.organisationId, organisationId),
    ne(r.status, 'revoked'),
    isNotNull(r.sharedSnapshotEnc),
    filter.status ? eq(r.status, filter.status) : undefined,
    filter.answerDueBefore ? lt(r.answerDueAt, filter.answerDueBefore) : undefined,
    filter.needKind ? eq(r.needKind, filter.needKind) : undefined,
    // The case number and the coded need only: the shared personal fields are encrypted and never searched.
    filter.pattern ? or(ilike(c.caseNumber, filter.pattern), ilike(r.needKind, filter.pattern)) : undefined,
  );
}

/** How many referrals the partner list would show with the filter. */
export async function countPartnerReferralRows(db: Database, municipalityId: string, organisationId: string, filter: PartnerReferralFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(r).innerJoin(c, eq(c.id, r.caseId)).where(partnerReferralWhere(municipalityId, organisationId, filter));
  return row?.total ?? 0;
}

const PARTNER_REFERRAL_SORT_COLUMNS: Record<(typeof PARTNER_REFERRAL_SORT_KEYS)[number], SortColumn> = {
  sentAt: { column: r.sentAt, kind: 'timestamp' },
  answerDueAt: { column: r.answerDueAt, kind: 'timestamp' },
  status: { column: r.status, kind: 'text' },
};

/** The partner referral list's sort from its query parameter. */
export function partnerReferralSort(name: PartnerReferralListQuery['sort']): KeysetSort {
  return keysetSort(name, PARTNER_REFERRAL_SORT_COLUMNS, r.id);
}

/**
 * Referrals to one organisation that the recipient may still see (not revoked, shared data not
 * hidden), keyset-paged. The list is scoped to one organisation, so its first page counts its
 * total (capped, keysetTotal) with the same conditions as the home page's count.
 */
export async function listPartnerReferrals(
  db: Database,
  municipalityId: string,
  organisationId: string,
  filter: PartnerReferralFilter,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
): Promise<{ rows: (ReferralRow & { caseNumber: string })[]; nextCursor: string | null; total: number | null }> {
  const where = partnerReferralWhere(municipalityId, organisationId, filter);
  const { rows, nextCursor, total } = await keysetList(
    db,
    page,
    (k) => db.select({ row: r, caseNumber: c.caseNumber, id: r.id, cursorKey: k.cursorKey }).from(r).innerJoin(c, eq(c.id, r.caseId)).where(and(where, k.after)).orderBy(...k.orderBy).limit(k.limit),
    (atMost) => db.select({ one: r.id }).from(r).innerJoin(c, eq(c.id, r.caseId)).where(where).limit(atMost),
  );
  return { rows: rows.map((entry) => ({ ...entry.row, caseNumber: entry.caseNumber })), nextCursor, total };
}

/** Other cases of the municipality with the same keyed hash of the person. */
export async function findDuplicates(db: Database, municipalityId: string, caseId: string, personHash: string) {
  return db
    .select({ id: c.id, caseNumber: c.caseNumber, status: c.status })
    .from(c)
    .where(and(eq(c.municipalityId, municipalityId), eq(c.personHash, personHash), ne(c.id, caseId)))
    .orderBy(asc(c.caseNumber));
}

export async function findCaseReads(db: Database, municipalityId: string, caseId: string, actions: string[]) {
  const a = schema.auditEvent;
  return db
    .select({ occurredAt: a.occurredAt, actorUserId: a.actorUserId, action: a.action, details: a.details })
    .from(a)
    .where(and(eq(a.municipalityId, municipalityId), eq(a.entityType, 'case'), eq(a.entityId, caseId), inArray(a.action, actions)))
    .orderBy(desc(a.seq))
    .limit(500);
}

/** Active staff who can be on a case team: caseworkers and coordinators. */
export async function findTeamCandidates(db: Database, municipalityId: string) {
  return db
    .select({ id: schema.appUser.id, name: schema.appUser.name, role: schema.appUser.role })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), isNull(schema.appUser.deactivatedAt), inArray(schema.appUser.role, ['caseworker', 'coordinator'])))
    .orderBy(asc(schema.appUser.name));
}

export async function findUsersWithRoles(db: Database, municipalityId: string, ids: string[]): Promise<Map<string, { name: string; role: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.appUser.id, name: schema.appUser.name, role: schema.appUser.role })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), inArray(schema.appUser.id, ids)));
  return new Map(rows.map((row) => [row.id, { name: row.name, role: row.role }]));
}

export async function findOrganisationOptions(db: Database, municipalityId: string) {
  return db
    .select({ id: schema.organisation.id, name: schema.organisation.name, kind: schema.organisation.kind })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), isNull(schema.organisation.archivedAt)))
    .orderBy(asc(schema.organisation.name));
}

export async function findRetentionMonths(db: Database, municipalityId: string): Promise<number | null> {
  const [row] = await db.select().from(schema.caseSettings).where(eq(schema.caseSettings.municipalityId, municipalityId)).limit(1);
  return row?.retentionMonths ?? null;
}

export async function upsertRetentionMonths(tx: Database, municipalityId: string, retentionMonths: number): Promise<void> {
  await tx
    .insert(schema.caseSettings)
    .values({ municipalityId, retentionMonths })
    .onConflictDoUpdate({ target: schema.caseSettings.municipalityId, set: { retentionMonths, updatedAt: new Date() } });
}

/** Closed cases whose personal data is still held and that closed before the cutoff. */
export async function findClosedWithPersonalDataBefore(db: Database, municipalityId: string, cutoff: Date, onlyUnwarned: boolean) {
  return db
    .select({ id: c.id, caseNumber: c.caseNumber, closedAt: c.closedAt, ownerUserId: c.ownerUserId })
    .from(c)
    .where(
      and(
        eq(c.municipalityId, municipalityId),
        inArray(c.status, ['closed', 'closed_referred']),
        isNull(c.personalDataErasedAt),
        lt(c.closedAt, cutoff),
        onlyUnwarned ? isNull(c.retentionWarnedAt) : undefined,
      ),
    );
}

/** Erases every personal field of a case and its children; the coded facts stay. */
export async function erasePersonalData(tx: Database, municipalityId: string, caseId: string, at: Date, erasureReasonEnc: string | null = null): Promise<void> {
  await tx
    .update(c)
    .set({ personEnc: null, personHash: null, safetyPlanEnc: null, closeReasonEnc: null, reopenReasonEnc: null, erasureReasonEnc, personalDataErasedAt: at, updatedAt: at })
    .where(and(eq(c.municipalityId, municipalityId), eq(c.id, caseId)));
  await tx.delete(schema.caseJournalEntry).where(and(eq(schema.caseJournalEntry.municipalityId, municipalityId), eq(schema.caseJournalEntry.caseId, caseId)));
  await tx.delete(schema.caseTask).where(and(eq(schema.caseTask.municipalityId, municipalityId), eq(schema.caseTask.caseId, caseId)));
  await tx.update(schema.caseNeed).set({ noteEnc: null }).where(and(eq(schema.caseNeed.municipalityId, municipalityId), eq(schema.caseNeed.caseId, caseId)));
  await tx
    .update(r)
    .set({ sharedSnapshotEnc: null, partnerNoteEnc: null, legalBasisReasonEnc: null, revokeReasonEnc: null, updatedAt: at })
    .where(and(eq(r.municipalityId, municipalityId), eq(r.caseId, caseId)));
  // Break-glass reasons are free text and may name the person; who opened the case and when stays in the audit log.
  await tx.delete(schema.caseAccessGrant).where(and(eq(schema.caseAccessGrant.municipalityId, municipalityId), eq(schema.caseAccessGrant.caseId, caseId)));
}

export async function findMunicipalityIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: schema.municipality.id }).from(schema.municipality);
  return rows.map((row) => row.id);
}

/** Cases the user is on (or all, for the coordinator) with the fields reminders need. */
export async function findReminderSources(db: Database, municipalityId: string, userId: string, all: boolean) {
  const memberOf = sql<boolean>`exists (select 1 from ${schema.caseMember} m where m.case_id = ${c.id} and m.user_id = ${userId})`;
  return db
    .select({
      id: c.id,
      caseNumber: c.caseNumber,
      status: c.status,
      reflectionPeriodEnd: c.reflectionPeriodEnd,
      childWelfareReviewDueAt: c.childWelfareReviewDueAt,
      ownerUserId: c.ownerUserId,
    })
    .from(c)
    .where(and(eq(c.municipalityId, municipalityId), inArray(c.status, ['open', 'follow_up']), all ? undefined : memberOf, or(isNotNull(c.reflectionPeriodEnd), isNotNull(c.childWelfareReviewDueAt))));
}

export async function findOverdueReferrals(db: Database, municipalityId: string, userId: string, all: boolean, now: Date) {
  const memberOf = sql<boolean>`exists (select 1 from ${schema.caseMember} m where m.case_id = ${r.caseId} and m.user_id = ${userId})`;
  return db
    .select({ caseId: r.caseId, caseNumber: c.caseNumber, answerDueAt: r.answerDueAt })
    .from(r)
    .innerJoin(c, eq(c.id, r.caseId))
    .where(and(eq(r.municipalityId, municipalityId), eq(r.status, 'sent'), lt(r.answerDueAt, now), all ? undefined : memberOf));
}

export async function findDueTasks(db: Database, municipalityId: string, userId: string, untilDay: string) {
  const t = schema.caseTask;
  return db
    .select({ caseId: t.caseId, caseNumber: c.caseNumber, dueOn: t.dueOn })
    .from(t)
    .innerJoin(c, eq(c.id, t.caseId))
    .where(and(eq(t.municipalityId, municipalityId), eq(t.ownerUserId, userId), isNull(t.doneAt), sql`${t.dueOn} <= ${untilDay}`));
}

/** Break-glass grants on cases the user owns, granted since `since`. */
export async function findGrantsOnOwnedCases(db: Database, municipalityId: string, ownerUserId: string, since: Date) {
  const g = schema.caseAccessGrant;
  return db
    .select({ caseId: g.caseId, caseNumber: c.caseNumber, grantedAt: g.grantedAt })
    .from(g)
    .innerJoin(c, eq(c.id, g.caseId))
    .where(and(eq(g.municipalityId, municipalityId), eq(c.ownerUserId, ownerUserId), gt(g.grantedAt, since), ne(g.userId, ownerUserId)));
}

export async function findMunicipalityName(db: Database, municipalityId: string): Promise<string> {
  const [row] = await db.select({ name: schema.municipality.name }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return row?.name ?? '';
}

/** Names of organisations by id (archived ones too: a past recipient keeps its name). */
export async function findOrganisationNames(db: Database, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.organisation.id, name: schema.organisation.name })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), inArray(schema.organisation.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
