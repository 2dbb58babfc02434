import {
  CasePersonSchema,
  type SCREENING_CONTEXTS,
  type Case,
  type CaseCreateBody,
  type CaseFacts,
  type CaseFactsBody,
  CASE_DEADLINE_SOON_DAYS,
  CASE_TASK_DUE_DAYS,
  type CaseList,
  type CaseListQuery,
  type CasePerson,
  type IdentifyingService,
  type PersonDetails,
} from '@lykt/shared';
import { can, norwegianYear } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor } from '../../platform/keyset';
import { canReadConcern } from '../concerns/concern.policy';
import { findConcern, updateConcernRow } from '../concerns/concern.repository';
import { visibleTip } from '../tips/tips.service';
import { accessCase, assertAbility, assertEditable, cipher, FIELD, invalid, PERSON_HASH_PURPOSE } from './case.access';
import { duplicateKey, addDays } from './case.person';
import { localDate, localDayPlus } from '../reports/period';
import { abilitiesFor, canReadAccessReasons, canReadPersonalData, seesAllCases, type CaseAccess } from './case.policy';
import { presentCaseSummary, presentConsent, presentFacts, presentNeeds, presentReferral } from './case.presenter';
import {
  deleteMember,
  findCase,
  findCaseBySource,
  findConsents,
  findGrants,
  findJournal,
  findMembers,
  findNeeds,
  findReferrals,
  findTasks,
  findTeamCandidates,
  findUsersWithRoles,
  findOrganisationOptions,
  insertCase,
  insertMember,
  caseListSort,
  listCases,
  nextCaseNumber,
  updateCaseRow,
  type CaseInsert,
} from './case.repository';

/** A minor's case: child welfare must review within a week. */
export const CHILD_WELFARE_REVIEW_DAYS = 7;

const DEFAULT_FACTS: CaseFacts = {
  gender: 'unknown',
  ageBand: 'unknown',
  isMinor: false,
  nationality: null,
  exploitationForms: [],
  sectors: [],
  identifyingService: 'unknown',
  residenceStatus: 'unknown',
  reflectionPeriodStart: null,
  reflectionPeriodEnd: null,
  policeReportMade: null,
  assistedReturn: null,
  childWelfareMeasure: null,
  outcome: null,
};

const CONTEXT_SERVICE: Record<(typeof SCREENING_CONTEXTS)[number], IdentifyingService> = {
  school: 'school',
  health: 'health',
  social_services: 'social_services',
  child_welfare: 'child_welfare',
  refugee_service: 'immigrant_service',
  inspection: 'labour_inspection',
  police_liaison: 'police',
  other: 'other',
};

function assertFactsConsistent(facts: CaseFacts): void {
  if (facts.reflectionPeriodStart && facts.reflectionPeriodEnd && facts.reflectionPeriodEnd < facts.reflectionPeriodStart) {
    throw invalid('reflectionPeriodEnd', 'The reflection period cannot end before it starts');
  }
}

function factColumns(facts: CaseFacts): Partial<CaseInsert> {
  return { ...facts, exploitationForms: [...new Set(facts.exploitationForms)], sectors: [...new Set(facts.sectors)] };
}

async function encryptPerson(deps: Deps, municipalityId: string, person: CasePerson | null): Promise<{ personEnc: string | null; personHash: string | null }> {
  if (!person) return { personEnc: null, personHash: null };
  const key = duplicateKey(person.name, person.dateOfBirth);
  return {
    personEnc: await deps.keyring.encrypt(deps.db, municipalityId, FIELD.person, JSON.stringify(person)),
    personHash: key === null ? null : await deps.keyring.keyedHash(deps.db, municipalityId, PERSON_HASH_PURPOSE, key),
  };
}

/** What a concern or tip brings to a new case: coded facts and, from a concern, the person's details. */
async function fromSource(deps: Deps, actor: UserActor, body: CaseCreateBody): Promise<{ facts: Partial<CaseFacts>; person: CasePerson | null }> {
  const { kind, id } = body.source;
  if (kind === 'direct') {
    if (id !== null) throw invalid('source.id', 'A case opened directly has no source id');
    return { facts: {}, person: null };
  }
  if (id === null) throw invalid('source.id', 'Required for a case opened from a concern or a tip');
  // Whether a case exists for a source is told only to those who may see the source.
  const conflict = async () => {
    if (await findCaseBySource(deps.db, actor.municipalityId, kind, id)) throw new AppError('CONFLICT', `A case has already been opened from this ${kind}.`);
  };
  if (kind === 'concern') {
    const concern = await findConcern(deps.db, actor.municipalityId, id);
    if (!concern || !canReadConcern(actor, concern)) throw notFound('The concern');
    await conflict();
    const details = concern.personEnc === null ? null : (JSON.parse(await deps.keyring.decrypt(deps.db, actor.municipalityId, 'concern.person', concern.personEnc)) as PersonDetails);
    const nationality = concern.facts.nationality;
    return {
      facts: {
        gender: concern.facts.gender as CaseFacts['gender'],
        ageBand: concern.facts.ageBand as CaseFacts['ageBand'],
        isMinor: concern.possibleMinor,
        nationality: nationality && /^[A-Z]{2}$/.test(nationality) ? nationality : null,
        exploitationForms: concern.suspectedForms as CaseFacts['exploitationForms'],
        sectors: concern.facts.sector && concern.facts.sector !== 'none' ? [concern.facts.sector as CaseFacts['sectors'][number]] : [],
        identifyingService: CONTEXT_SERVICE[concern.context as (typeof SCREENING_CONTEXTS)[number]] ?? 'other',
      },
      person: details
        ? CasePersonSchema.parse({ name: details.name, dateOfBirth: details.dateOfBirth, phone: details.phone, address: details.address, notes: details.other })
        : null,
    };
  }
  if (!can(actor.role, 'tips:read')) throw notFound('The tip');
  const tip = await visibleTip(deps, actor, id);
  await conflict();
  return { facts: tip.minor === 'yes' ? { isMinor: true } : {}, person: null };
}

/** Opens a case from a concern, a tip or directly. The opener becomes the owner of the case team. */
export async function createCase(deps: Deps, actor: UserActor, body: CaseCreateBody): Promise<Case> {
  const source = await fromSource(deps, actor, body);
  const facts: CaseFacts = { ...DEFAULT_FACTS, ...source.facts, ...body.facts };
  assertFactsConsistent(facts);
  const person = body.person ?? source.person;
  const { personEnc, personHash } = await encryptPerson(deps, actor.municipalityId, person);
  const now = new Date();
  const row = await inTransaction(deps, async (tx) => {
    // The year in the case number is the Norwegian calendar year (a case opened at 23:30 UTC on 31 December is next year's).
    const caseNumber = await nextCaseNumber(tx, actor.municipalityId, norwegianYear(now));
    const inserted = await insertCase(tx, actor.municipalityId, {
      ...factColumns(facts),
      caseNumber,
      status: 'open',
      sourceKind: body.source.kind,
      sourceId: body.source.id,
      ownerUserId: actor.userId,
      openedByUserId: actor.userId,
      childWelfareReviewDueAt: facts.isMinor ? addDays(now, CHILD_WELFARE_REVIEW_DAYS) : null,
      personEnc,
      personHash,
    });
    await insertMember(tx, actor.municipalityId, inserted.id, actor.userId, 'owner');
    if (body.source.kind === 'concern' && body.source.id) {
      const concern = await findConcern(tx, actor.municipalityId, body.source.id);
      if (concern && concern.status !== 'closed') {
        await updateConcernRow(tx, actor.municipalityId, concern.id, { status: 'closed', closeReason: 'case_opened', closedAt: now });
        await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'concern.closed', entityType: 'concern', entityId: concern.id, details: { reason: 'case_opened', caseId: inserted.id } });
      }
    }
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'case.created',
      entityType: 'case',
      entityId: inserted.id,
      details: { caseNumber, sourceKind: body.source.kind, sourceId: body.source.id, personalData: personEnc !== null, isMinor: facts.isMinor },
    });
    return inserted;
  });
  return presentFullCase(deps, actor, { row, teamRole: 'owner', breakGlassUntil: null }, now);
}

/**
 * A page of cases: the coordinator sees all, others the cases whose team they are on (scoped in
 * SQL). Filters and search only narrow that set; search reads the case number, never personal data.
 */
export async function findCases(deps: Deps, actor: UserActor, query: CaseListQuery, now = new Date()): Promise<CaseList> {
  const memberOnly = !seesAllCases(actor) || query.mine;
  const sort = caseListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const soon = addDays(now, CASE_DEADLINE_SOON_DAYS);
  const filter = {
    status: query.status,
    q: query.q || undefined,
    deadlineBy: query.deadline === 'soon' ? { day: localDayPlus(now, CASE_DEADLINE_SOON_DAYS), at: soon } : undefined,
    minor: query.minor === undefined ? undefined : query.minor === 'true',
    form: query.form,
    tasksDue: query.tasks === 'due' ? { userId: actor.userId, untilDay: localDayPlus(now, CASE_TASK_DUE_DAYS) } : undefined,
  };
  const { rows, nextCursor, total } = await listCases(deps.db, actor.municipalityId, actor.userId, memberOnly, filter, { sort, cursor, limit: query.limit });
  // The owners' names came with the rows (one round trip for the whole page).
  const names = new Map(rows.flatMap((row) => (row.ownerName == null ? [] : [[row.ownerUserId, row.ownerName] as const])));
  return { items: rows.map((row) => presentCaseSummary(row, names)), nextCursor, total };
}

/**
 * How many of the user's own tasks are due (the home page's "tasks due"): read off the list it
 * links to (/cases?tasks=due), which shows them per case, so the count is the sum of that list's
 * column and the two agree exactly. A user's own due tasks are few: every page is read.
 */
export async function countDueTasks(deps: Deps, actor: UserActor, now = new Date()): Promise<number> {
  let tasks = 0;
  let cursor: string | undefined;
  do {
    const page = await findCases(deps, actor, { limit: 200, sort: '-updatedAt', mine: false, tasks: 'due', cursor }, now);
    tasks += page.items.reduce((sum, item) => sum + (item.dueTasks ?? 0), 0);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return tasks;
}

/** Builds the full case for the actor, decrypting personal data only when the actor may read it. */
export async function presentFullCase(deps: Deps, actor: UserActor, access: CaseAccess, now = new Date()): Promise<Case> {
  const { row } = access;
  const m = actor.municipalityId;
  const personal = canReadPersonalData(access) && row.personalDataErasedAt === null;
  const reasons = canReadAccessReasons(actor, access);
  const { decrypt } = cipher(deps, m);
  const [members, needs, tasks, consents, referrals, journal, organisations, grants] = await Promise.all([
    findMembers(deps.db, m, [row.id]),
    findNeeds(deps.db, m, row.id),
    findTasks(deps.db, m, row.id),
    findConsents(deps.db, m, row.id),
    findReferrals(deps.db, m, row.id),
    personal ? findJournal(deps.db, m, row.id) : Promise.resolve([]),
    findOrganisationOptions(deps.db, m),
    reasons ? findGrants(deps.db, m, row.id) : Promise.resolve([]),
  ]);
  const userIds = new Set<string>([
    row.ownerUserId,
    ...members.map((x) => x.userId),
    ...tasks.map((x) => x.ownerUserId),
    ...consents.map((x) => x.recordedByUserId),
    ...journal.map((x) => x.authorUserId),
    ...grants.map((x) => x.userId),
  ]);
  const users = await findUsersWithRoles(deps.db, m, [...userIds]);
  const names = new Map([...users].map(([id, user]) => [id, user.name]));
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const needNotes = new Map<string, string | null>();
  if (personal) for (const need of needs) needNotes.set(need.kind, await decrypt(FIELD.needNote, need.noteEnc));
  const today = localDate(now);
  const person = personal && row.personEnc ? CasePersonSchema.parse(JSON.parse((await decrypt(FIELD.person, row.personEnc)) ?? 'null')) : null;
  const openReferrals = referrals.filter((x) => x.status === 'sent' || x.status === 'accepted').length;
  return {
    ...presentCaseSummary({ ...row, isMember: access.teamRole !== null, openReferrals }, names),
    sourceId: row.sourceId,
    facts: presentFacts(row),
    childWelfareReviewDueAt: row.childWelfareReviewDueAt?.toISOString() ?? null,
    team: members.map((member) => ({
      userId: member.userId,
      name: users.get(member.userId)?.name ?? '',
      role: users.get(member.userId)?.role ?? '',
      teamRole: member.teamRole as 'owner' | 'member',
      addedAt: member.addedAt.toISOString(),
    })),
    needs: presentNeeds(needs, row.isMinor, needNotes),
    tasks: await Promise.all(
      tasks.map(async (task) => ({
        id: task.id,
        title: personal ? ((await decrypt(FIELD.taskTitle, task.titleEnc)) ?? '') : '',
        owner: names.has(task.ownerUserId) ? { id: task.ownerUserId, name: names.get(task.ownerUserId) ?? '' } : null,
        dueOn: task.dueOn,
        doneAt: task.doneAt?.toISOString() ?? null,
        overdue: task.doneAt === null && task.dueOn < today,
      })),
    ),
    consents: consents.map((consent) => presentConsent(consent, names, orgNames)),
    referrals: await Promise.all(
      referrals.map(async (referral) =>
        presentReferral(
          referral,
          orgNames,
          {
            partnerNote: personal ? await decrypt(FIELD.partnerNote, referral.partnerNoteEnc) : null,
            legalBasisReason: personal ? await decrypt(FIELD.legalBasisReason, referral.legalBasisReasonEnc) : null,
            revokeReason: reasons ? await decrypt(FIELD.revokeReason, referral.revokeReasonEnc) : null,
          },
          now,
        ),
      ),
    ),
    person,
    safetyPlan: personal ? await decrypt(FIELD.safetyPlan, row.safetyPlanEnc) : null,
    journal: await Promise.all(
      journal.map(async (entry) => ({
        id: entry.id,
        entryDate: entry.entryDate,
        text: (await decrypt(FIELD.journal, entry.textEnc)) ?? '',
        author: names.has(entry.authorUserId) ? { id: entry.authorUserId, name: names.get(entry.authorUserId) ?? '' } : null,
        createdAt: entry.createdAt.toISOString(),
      })),
    ),
    closeReason: personal ? await decrypt(FIELD.closeReason, row.closeReasonEnc) : null,
    reopenReason: personal ? await decrypt(FIELD.reopenReason, row.reopenReasonEnc) : null,
    erasureReason: seesAllCases(actor) ? await decrypt(FIELD.erasureReason, row.erasureReasonEnc) : null,
    personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
    breakGlassUntil: access.breakGlassUntil?.toISOString() ?? null,
    accessGrants: await Promise.all(
      grants.map(async (grant) => ({
        id: grant.id,
        user: names.has(grant.userId) ? { id: grant.userId, name: names.get(grant.userId) ?? '' } : null,
        grantedAt: grant.grantedAt.toISOString(),
        expiresAt: grant.expiresAt.toISOString(),
        reason: (await decrypt(FIELD.grantReason, grant.reasonEnc)) ?? '',
      })),
    ),
    abilities: abilitiesFor(actor, access),
  };
}

/**
 * One case. Every read is audited, with whether personal data was shown, under break-glass, and
 * how many encrypted access reasons (break-glass and revocation reasons) were decrypted for it.
 * The case is only returned once the read is recorded.
 */
export async function getCase(deps: Deps, actor: UserActor, caseId: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  const personalData = canReadPersonalData(access) && access.row.personalDataErasedAt === null;
  const theCase = await presentFullCase(deps, actor, access);
  const accessReasons = theCase.accessGrants.length + theCase.referrals.filter((referral) => referral.revokeReason !== null).length;
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'case.viewed',
      entityType: 'case',
      entityId: caseId,
      details: { personalData, breakGlass: access.teamRole === null && access.breakGlassUntil !== null, accessReasons },
    }),
  );
  return theCase;
}

async function reload(deps: Deps, actor: UserActor, caseId: string): Promise<Case> {
  return presentFullCase(deps, actor, await accessCase(deps, actor, caseId));
}

/** Updates coded facts. A case that becomes a minor's gets its child-welfare review deadline. */
export async function updateCaseFacts(deps: Deps, actor: UserActor, caseId: string, body: CaseFactsBody): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const facts: CaseFacts = { ...presentFacts(access.row), ...body };
  assertFactsConsistent(facts);
  const changed = Object.keys(body);
  const becomesMinor = facts.isMinor && !access.row.isMinor && access.row.childWelfareReviewDueAt === null;
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, { ...factColumns(facts), ...(becomesMinor ? { childWelfareReviewDueAt: addDays(new Date(), CHILD_WELFARE_REVIEW_DAYS) } : {}) });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.updated', entityType: 'case', entityId: caseId, details: { fields: changed } });
  });
  return reload(deps, actor, caseId);
}

/** Replaces the person's personal data (encrypted) and its duplicate-detection hash. */
export async function updateCasePerson(deps: Deps, actor: UserActor, caseId: string, person: CasePerson): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const values = await encryptPerson(deps, actor.municipalityId, person);
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, values);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.person.updated', entityType: 'case', entityId: caseId, details: { duplicateCheck: values.personHash !== null } });
  });
  return reload(deps, actor, caseId);
}

/**
 * Adds a caseworker or coordinator to the case team. Nobody adds themselves: membership gives
 * lasting access to the personal data, so a coordinator uses break-glass or is added by the team.
 */
export async function addCaseMember(deps: Deps, actor: UserActor, caseId: string, userId: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  if (userId === actor.userId) {
    throw new AppError('SELF_ADD_TO_TEAM', 'You cannot add yourself to the case team. Ask a team member to add you, or use break-glass access.', [
      { field: 'userId', message: 'Cannot be yourself' },
    ]);
  }
  assertAbility(actor, access, 'manageTeam', 'Only the case owner and the coordinator manage the case team.');
  const candidates = await findTeamCandidates(deps.db, actor.municipalityId);
  if (!candidates.some((candidate) => candidate.id === userId)) throw invalid('userId', 'Not an active caseworker or coordinator of this municipality');
  await inTransaction(deps, async (tx) => {
    await insertMember(tx, actor.municipalityId, caseId, userId, 'member');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.member.added', entityType: 'case', entityId: caseId, details: { userId } });
  });
  return reload(deps, actor, caseId);
}

export async function removeCaseMember(deps: Deps, actor: UserActor, caseId: string, userId: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'manageTeam', 'Only the case owner and the coordinator manage the case team.');
  if (userId === access.row.ownerUserId) throw new AppError('CONFLICT', 'The owner cannot be removed from the case team.');
  await inTransaction(deps, async (tx) => {
    await deleteMember(tx, actor.municipalityId, caseId, userId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.member.removed', entityType: 'case', entityId: caseId, details: { userId } });
  });
  // The actor may have removed themselves (a coordinator still sees the case; others get 404 from now on).
  const after = await findCase(deps.db, actor.municipalityId, caseId);
  if (!after) throw notFound('The case');
  return reload(deps, actor, caseId);
}

/** Moves an active case between open and follow-up. */
export async function changeCaseStatus(deps: Deps, actor: UserActor, caseId: string, status: 'open' | 'follow_up'): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, { status });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.status.changed', entityType: 'case', entityId: caseId, details: { from: access.row.status, to: status } });
  });
  return reload(deps, actor, caseId);
}

/** Closes a case with a (required, encrypted) reason. */
export async function closeCase(deps: Deps, actor: UserActor, caseId: string, body: { status: 'closed' | 'closed_referred'; reason: string; outcome: CaseFacts['outcome'] }): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  if (access.row.status === 'closed' || access.row.status === 'closed_referred') throw new AppError('CONFLICT', 'The case is already closed.');
  assertAbility(actor, access, 'close', 'Only the case team may close the case.');
  // A case whose personal data was erased on request can still be closed, but keeps no new free text.
  const closeReasonEnc = access.row.personalDataErasedAt === null ? await cipher(deps, actor.municipalityId).encrypt(FIELD.closeReason, body.reason) : null;
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, { status: body.status, closedAt: new Date(), closeReasonEnc, retentionWarnedAt: null, ...(body.outcome ? { outcome: body.outcome } : {}) });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.closed', entityType: 'case', entityId: caseId, details: { status: body.status, outcome: body.outcome } });
  });
  return reload(deps, actor, caseId);
}

/** Reopens a closed case with a reason (kept encrypted; the closing reason is cleared). */
export async function reopenCase(deps: Deps, actor: UserActor, caseId: string, reason: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'reopen', 'Only a closed case can be reopened, by its team or the coordinator.');
  // Once the personal data is erased, no new free text is kept on the case: the reason lives only in the request.
  const reopenReasonEnc = access.row.personalDataErasedAt === null ? await cipher(deps, actor.municipalityId).encrypt(FIELD.reopenReason, reason) : null;
  await inTransaction(deps, async (tx) => {
    await updateCaseRow(tx, actor.municipalityId, caseId, { status: 'open', closedAt: null, closeReasonEnc: null, reopenReasonEnc, retentionWarnedAt: null });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.reopened', entityType: 'case', entityId: caseId, details: { from: access.row.status } });
  });
  return reload(deps, actor, caseId);
}

export async function listTeamCandidates(deps: Deps, actor: UserActor) {
  return { items: await findTeamCandidates(deps.db, actor.municipalityId) };
}

export async function listOrganisationOptions(deps: Deps, actor: UserActor) {
  return { items: await findOrganisationOptions(deps.db, actor.municipalityId) };
}
