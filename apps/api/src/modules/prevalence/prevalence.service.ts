import {
  CasePersonSchema,
  PREVALENCE_MAX_LISTS,
  type AddCasesListBody,
  type AddPrevalenceListBody,
  type AddPrevalenceListResult,
  type CreatePrevalenceStudyBody,
  type EstimatePrevalenceBody,
  type FinalisePrevalenceBody,
  type OverlapTableBody,
  type PrevalenceEstimateRecord,
  type PrevalenceList,
  type PrevalenceResult,
  type PrevalenceStudy,
  type PrevalenceStudySummary,
} from '@lykt/shared';
import { estimatePrevalence, normaliseTable, OverlapTableError, type OverlapTable, type PrevalenceResult as EngineResult } from '@lykt/mse';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import { runWithContext, type UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { FIELD as CASE_FIELD } from '../cases/case.access';
import { overlapTableFrom, parseListCsv, personVariants, type ListPerson } from './prevalence.linkage';
import * as repo from './prevalence.repository';
import { localDate } from '../reports/period';

const TABLE_FIELD = 'prevalence_study.table';
const MEMBER_FIELD = 'prevalence_member.pseudonym';
/** Pseudonyms are keyed per study: the same person gets unrelated pseudonyms in two studies. */
const pseudonymPurpose = (studyId: string) => `prevalence|${studyId}`;

function presentSummary(row: repo.StudyRow): PrevalenceStudySummary {
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    source: row.source === 'lists' || row.source === 'table' ? row.source : null,
    status: row.status === 'final' ? 'final' : 'open',
    createdAt: row.createdAt.toISOString(),
  };
}

function presentList(row: repo.ListRow): PrevalenceList {
  return { id: row.id, name: row.name, origin: row.origin === 'lykt_cases' ? 'lykt_cases' : 'upload', personCount: row.personCount, createdAt: row.createdAt.toISOString() };
}

/** The engine's result without anything but the estimate, interval, models and reason: no cell of the table. */
export function presentResult(result: EngineResult): PrevalenceResult {
  if (result.kind === 'refusal') {
    return { kind: 'refusal', observed: result.observed, lists: result.lists, estimate: null, lower: null, upper: null, model: null, method: null, alternatives: [], spread: null, warnings: [], reason: result.reason, message: result.message };
  }
  return {
    kind: 'estimate',
    observed: result.observed,
    lists: result.lists,
    estimate: result.estimate,
    lower: result.lower,
    upper: result.upper,
    model: result.model,
    method: result.method,
    alternatives: result.alternatives.map((alt) => ({ terms: alt.terms, emptyOverlaps: alt.emptyOverlaps, estimate: alt.estimate, lower: alt.lower, upper: alt.upper, aic: alt.aic, bic: alt.bic, chosenBy: alt.chosenBy })),
    spread: result.spread,
    warnings: result.warnings,
    reason: null,
    message: null,
  };
}

async function studyFor(db: Database, actor: UserActor, id: string): Promise<repo.StudyRow> {
  const row = await repo.findStudyRow(db, actor.municipalityId, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such prevalence study.');
  return row;
}

function assertOpen(row: repo.StudyRow): void {
  if (row.status === 'final') throw new AppError('CONFLICT', 'The study is final: its lists and table can no longer change.');
}

export async function createStudy(deps: Deps, actor: UserActor, body: CreatePrevalenceStudyBody): Promise<PrevalenceStudySummary> {
  return inTransaction(deps, async (tx) => {
    const row = await repo.insertStudy(tx, { municipalityId: actor.municipalityId, title: body.title, periodFrom: body.periodFrom, periodTo: body.periodTo, createdByUserId: actor.userId });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.study.created', entityType: 'prevalence_study', entityId: row.id });
    return presentSummary(row);
  });
}

export async function findStudies(deps: Deps, actor: UserActor): Promise<PrevalenceStudySummary[]> {
  return (await repo.findStudyRows(deps.db, actor.municipalityId)).map(presentSummary);
}

/** The overlap table of a study: built from linked pseudonyms, or the table entered. Null while there is no data. */
async function overlapTableOf(deps: Deps, row: repo.StudyRow): Promise<OverlapTable | null> {
  if (row.source === 'table' && row.tableEnc) return JSON.parse(await deps.keyring.decrypt(deps.db, row.municipalityId, TABLE_FIELD, row.tableEnc)) as OverlapTable;
  if (row.source !== 'lists') return null;
  const lists = await repo.findListRows(deps.db, row.municipalityId, row.id);
  if (lists.length === 0) return null;
  const index = new Map(lists.map((list, i) => [list.id, i]));
  const members = await repo.findMembers(deps.db, row.municipalityId, row.id);
  if (members.length === 0) return null;
  const linked = await Promise.all(
    members.map(async (member) => ({
      list: index.get(member.listId) as number,
      person: member.person,
      // Stored encrypted; a bare hex HMAC (no ':') is a row written before pseudonyms were encrypted.
      pseudonym: member.pseudonym.includes(':') ? await deps.keyring.decrypt(deps.db, row.municipalityId, MEMBER_FIELD, member.pseudonym) : member.pseudonym,
    })),
  );
  return overlapTableFrom(
    lists.map((list) => list.name),
    linked,
  );
}

/** The study with its lists, overlap table (exact, for the coordinator) and estimate history. The read is audited. */
export async function getStudy(deps: Deps, actor: UserActor, id: string): Promise<PrevalenceStudy> {
  const row = await studyFor(deps.db, actor, id);
  const [lists, estimates, table] = await Promise.all([repo.findListRows(deps.db, actor.municipalityId, id), repo.findEstimateRows(deps.db, actor.municipalityId, id), overlapTableOf(deps, row)]);
  await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.study.viewed', entityType: 'prevalence_study', entityId: id }));
  return {
    ...presentSummary(row),
    lists: lists.map(presentList),
    table: table === null ? null : { lists: table.lists, rows: table.rows.map((r) => ({ pattern: r.pattern.map((v) => (v === 1 ? 1 : 0)), count: r.count })) },
    estimates: estimates.map(presentEstimate),
    keepPseudonymsUntil: row.keepPseudonymsUntil,
    pseudonymsErased: row.pseudonymsErasedAt !== null,
  };
}

function presentEstimate(row: repo.EstimateRow): PrevalenceEstimateRecord {
  return { id: row.id, createdAt: row.createdAt.toISOString(), result: row.result as PrevalenceResult };
}

async function storeList(deps: Deps, actor: UserActor, study: repo.StudyRow, name: string, origin: 'upload' | 'lykt_cases', people: ListPerson[], skipped: number): Promise<AddPrevalenceListResult> {
  assertOpen(study);
  if (study.source === 'table') throw new AppError('CONFLICT', 'This study uses an overlap table entered as counts; start a new study to bring lists.');
  if (people.length === 0) throw new AppError('VALIDATION_ERROR', 'The list has no one with both a name and a birth date or year.');
  const existing = await repo.findListRows(deps.db, actor.municipalityId, study.id);
  if (existing.length >= PREVALENCE_MAX_LISTS) throw new AppError('VALIDATION_ERROR', `A study can hold at most ${PREVALENCE_MAX_LISTS} lists.`);
  if (existing.some((list) => list.name.toLowerCase() === name.toLowerCase())) throw new AppError('CONFLICT', 'The study already has a list with this name.');
  // Pseudonyms are computed before the transaction; the identifying text goes out of scope with this function.
  const members: { person: number; pseudonym: string }[] = [];
  for (const [person, entry] of people.entries()) {
    const pseudonyms = new Set<string>();
    for (const variant of personVariants(entry)) pseudonyms.add(await deps.keyring.keyedHash(deps.db, actor.municipalityId, pseudonymPurpose(study.id), variant));
    // Kept encrypted at rest (the linkage runs in memory, so the database never needs to compare them).
    for (const pseudonym of pseudonyms) members.push({ person, pseudonym: await deps.keyring.encrypt(deps.db, actor.municipalityId, MEMBER_FIELD, pseudonym) });
  }
  return inTransaction(deps, async (tx) => {
    const list = await repo.insertList(tx, { municipalityId: actor.municipalityId, studyId: study.id, name, origin, personCount: people.length, createdByUserId: actor.userId });
    await repo.insertMembers(
      tx,
      members.map((member) => ({ municipalityId: actor.municipalityId, studyId: study.id, listId: list.id, person: member.person, pseudonym: member.pseudonym })),
    );
    if (study.source !== 'lists') await repo.updateStudy(tx, actor.municipalityId, study.id, { source: 'lists' });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.list.added', entityType: 'prevalence_study', entityId: study.id, details: { listId: list.id, origin, people: people.length, skipped } });
    return { list: presentList(list), skipped };
  });
}

/** A partner's list from CSV: each row becomes keyed pseudonyms; names and birth dates are discarded here. */
export async function addUploadedList(deps: Deps, actor: UserActor, id: string, body: AddPrevalenceListBody): Promise<AddPrevalenceListResult> {
  const study = await studyFor(deps.db, actor, id);
  const { people, skipped } = parseListCsv(body.csv);
  return storeList(deps, actor, study, body.name, 'upload', people, skipped);
}

/** Lykt's own cases opened in the study's period, as a list (cases without name and birth date are left out). */
export async function addCasesList(deps: Deps, actor: UserActor, id: string, body: AddCasesListBody): Promise<AddPrevalenceListResult> {
  const study = await studyFor(deps.db, actor, id);
  const cases = await repo.findCasePersons(deps.db, actor.municipalityId, new Date(`${study.periodFrom}T00:00:00Z`), new Date(`${study.periodTo}T23:59:59.999Z`));
  const people: ListPerson[] = [];
  let skipped = 0;
  for (const row of cases) {
    const person = CasePersonSchema.safeParse(JSON.parse(await deps.keyring.decrypt(deps.db, actor.municipalityId, CASE_FIELD.person, row.personEnc as string)));
    if (person.success && person.data.name && person.data.dateOfBirth) people.push({ name: person.data.name, birth: person.data.dateOfBirth });
    else skipped += 1;
  }
  return storeList(deps, actor, study, body.name, 'lykt_cases', people, skipped);
}

/** An overlap table entered as counts (as published studies report, or pooled from several municipalities). */
export async function enterOverlapTable(deps: Deps, actor: UserActor, id: string, body: OverlapTableBody): Promise<PrevalenceStudySummary> {
  const study = await studyFor(deps.db, actor, id);
  assertOpen(study);
  if (study.source === 'lists') throw new AppError('CONFLICT', 'This study links lists of pseudonyms; start a new study to enter a table of counts.');
  let table: OverlapTable;
  try {
    table = normaliseTable(body);
  } catch (error) {
    if (error instanceof OverlapTableError) throw new AppError('VALIDATION_ERROR', error.message);
    throw error;
  }
  const tableEnc = await deps.keyring.encrypt(deps.db, actor.municipalityId, TABLE_FIELD, JSON.stringify(table));
  return inTransaction(deps, async (tx) => {
    await repo.updateStudy(tx, actor.municipalityId, id, { source: 'table', tableEnc });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.table.entered', entityType: 'prevalence_study', entityId: id, details: { lists: table.lists.length, patterns: table.rows.length } });
    return presentSummary({ ...study, source: 'table', tableEnc });
  });
}

/** Runs the estimate on the study's current table and keeps it in the history. */
export async function estimateStudy(deps: Deps, actor: UserActor, id: string, body: EstimatePrevalenceBody): Promise<PrevalenceEstimateRecord> {
  const study = await studyFor(deps.db, actor, id);
  const table = await overlapTableOf(deps, study);
  if (table === null) throw new AppError('CONFLICT', 'The study has no data yet: add lists or enter an overlap table first.');
  const result = presentResult(await estimatePrevalence(table, { method: body.method }));
  return inTransaction(deps, async (tx) => {
    const row = await repo.insertEstimate(tx, { municipalityId: actor.municipalityId, studyId: id, result, createdByUserId: actor.userId });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.estimated', entityType: 'prevalence_study', entityId: id, details: { estimateId: row.id, kind: result.kind, lists: table.lists.length } });
    return presentEstimate(row);
  });
}

/** Makes the study final. Its pseudonyms are erased now unless kept until a stated day. */
export async function finaliseStudy(deps: Deps, actor: UserActor, id: string, body: FinalisePrevalenceBody): Promise<PrevalenceStudySummary> {
  const study = await studyFor(deps.db, actor, id);
  assertOpen(study);
  const today = localDate(new Date());
  if (body.keepPseudonymsUntil !== null && body.keepPseudonymsUntil <= today) throw new AppError('VALIDATION_ERROR', 'The day to keep pseudonyms until must be in the future.');
  const estimates = await repo.findEstimateRows(deps.db, actor.municipalityId, id);
  if (estimates.length === 0) throw new AppError('CONFLICT', 'Make an estimate before the study is made final.');
  return inTransaction(deps, async (tx) => {
    const now = new Date();
    const erase = body.keepPseudonymsUntil === null;
    const erased = erase ? await repo.deleteMembers(tx, actor.municipalityId, id) : 0;
    const values = { status: 'final', finalisedAt: now, keepPseudonymsUntil: body.keepPseudonymsUntil, keepReason: body.keepReason, pseudonymsErasedAt: erase ? now : null };
    await repo.updateStudy(tx, actor.municipalityId, id, values);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.study.finalised', entityType: 'prevalence_study', entityId: id, details: { keepPseudonymsUntil: body.keepPseudonymsUntil } });
    if (erase) await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'prevalence.pseudonyms.erased', entityType: 'prevalence_study', entityId: id, details: { pseudonyms: erased } });
    return presentSummary({ ...study, ...values });
  });
}

/** Erases kept pseudonyms whose day has passed, in every municipality; audited as the system. Runs daily. */
export async function runPrevalenceRetention(deps: Deps, now = new Date()): Promise<{ erased: number }> {
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'prevalence-retention' } }, async () => {
    let erased = 0;
    for (const study of await repo.findStudiesPastKeepDay(deps.db, localDate(now))) {
      await inTransaction(deps, async (tx) => {
        const gone = await repo.deleteMembers(tx, study.municipalityId, study.id);
        await repo.updateStudy(tx, study.municipalityId, study.id, { pseudonymsErasedAt: now });
        await recordAudit(tx, { municipalityId: study.municipalityId, action: 'prevalence.pseudonyms.erased', entityType: 'prevalence_study', entityId: study.id, details: { pseudonyms: gone, trigger: 'retention' } });
      });
      erased += 1;
    }
    return { erased };
  });
}
