import {
  CasePersonSchema,
  OPEN_REFERRAL_STATUSES,
  REFERRAL_ANSWER_DAYS,
  SharedFieldsSchema,
  type Case,
  type ConsentBody,
  type OrganisationKind,
  type PartnerReferral,
  type PartnerReferralListQuery,
  type ReferralBody,
  type ReferralStatus,
  type ShareCategory,
  type SharedFields,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { containsPattern, decodeCursor } from '../../platform/keyset';
import { accessCase, assertEditable, cipher, FIELD, invalid } from './case.access';
import { addDays, firstNameOf } from './case.person';
import { presentFullCase } from './case.service';
import { assertCovered, resolveSharingBasis } from './sharing-basis';
import {
  findCase,
  findConsents,
  findNeeds,
  findOrganisationOptions,
  findReferral,
  findReferrals,
  insertConsent,
  insertReferral,
  countPartnerReferralRows,
  listPartnerReferrals,
  partnerReferralSort,
  updateCaseRow,
  updateReferralRow,
  withdrawConsentRow,
  type ReferralRow,
} from './case.repository';
import { notify } from '../notifications/notify';
import { localDate } from '../reports/period';

async function reload(deps: Deps, actor: UserActor, caseId: string): Promise<Case> {
  return presentFullCase(deps, actor, await accessCase(deps, actor, caseId));
}

async function assertOrganisation(deps: Deps, municipalityId: string, organisationId: string, field: string): Promise<{ id: string; kind: OrganisationKind }> {
  const organisation = (await findOrganisationOptions(deps.db, municipalityId)).find((candidate) => candidate.id === organisationId);
  if (!organisation) throw invalid(field, 'Not an active organisation of this municipality');
  return { id: organisation.id, kind: organisation.kind as OrganisationKind };
}

/** Records a consent per purpose and, for sharing, per recipient and data categories. */
export async function recordConsent(deps: Deps, actor: UserActor, caseId: string, body: ConsentBody): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const isSharing = body.purpose === 'share_with_organisation';
  if (isSharing && body.recipientOrganisationId === null) throw invalid('recipientOrganisationId', 'Required for consent to share with an organisation');
  if (isSharing && body.dataCategories.length === 0) throw invalid('dataCategories', 'Name what may be shared');
  if (!isSharing && (body.recipientOrganisationId !== null || body.dataCategories.length > 0)) throw invalid('purpose', 'Only consent to share names a recipient and data categories');
  // Consent is given on a day in Norway: just after midnight there, the UTC date is still yesterday.
  if (body.givenOn > localDate(new Date())) throw invalid('givenOn', 'Cannot be in the future');
  if (body.recipientOrganisationId) await assertOrganisation(deps, actor.municipalityId, body.recipientOrganisationId, 'recipientOrganisationId');
  await inTransaction(deps, async (tx) => {
    const consent = await insertConsent(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      purpose: body.purpose,
      recipientOrganisationId: body.recipientOrganisationId,
      dataCategories: [...new Set(body.dataCategories)],
      method: body.method,
      withInterpreter: body.withInterpreter,
      givenOn: body.givenOn,
      recordedByUserId: actor.userId,
    });
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'consent.recorded',
      entityType: 'case',
      entityId: caseId,
      details: { consentId: consent.id, purpose: body.purpose, recipientOrganisationId: body.recipientOrganisationId, dataCategories: consent.dataCategories, method: body.method, withInterpreter: body.withInterpreter },
    });
  });
  return reload(deps, actor, caseId);
}

/** Withdraws a consent: open referrals relying on it are revoked and every referral's shared data is hidden. */
export async function withdrawConsent(deps: Deps, actor: UserActor, caseId: string, consentId: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  // Withdrawal must be possible even on a closed case: the person's wish wins over case state.
  if (access.teamRole === null && access.breakGlassUntil === null) throw new AppError('FORBIDDEN', 'Only the case team may record a withdrawal.');
  const consent = (await findConsents(deps.db, actor.municipalityId, caseId)).find((entry) => entry.id === consentId);
  if (!consent) throw notFound('The consent');
  if (consent.withdrawnAt) throw new AppError('CONFLICT', 'The consent is already withdrawn.');
  const now = new Date();
  const dependent = (await findReferrals(deps.db, actor.municipalityId, caseId)).filter((referral) => referral.consentId === consentId);
  await inTransaction(deps, async (tx) => {
    await withdrawConsentRow(tx, actor.municipalityId, consentId, actor.userId, now);
    let revoked = 0;
    for (const referral of dependent) {
      const isOpen = OPEN_REFERRAL_STATUSES.includes(referral.status as ReferralStatus);
      if (isOpen) revoked += 1;
      await updateReferralRow(tx, actor.municipalityId, referral.id, { sharedSnapshotEnc: null, ...(isOpen ? { status: 'revoked', revokedAt: now } : {}) });
      if (isOpen) await notify(deps, tx, { kind: 'referral_revoked', municipalityId: actor.municipalityId, referralId: referral.id });
    }
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'consent.withdrawn', entityType: 'case', entityId: caseId, details: { consentId, referralsRevoked: revoked, referralsHidden: dependent.length } });
  });
  return reload(deps, actor, caseId);
}

/** The shared snapshot: only the categories named, from the person's data and the need referred for. */
export function buildSharedFields(
  categories: readonly ShareCategory[],
  person: ReturnType<typeof CasePersonSchema.parse> | null,
  facts: { ageBand: string; gender: string },
  need: { kind: ReferralBody['needKind']; note: string | null },
): SharedFields {
  const shared: SharedFields = {};
  for (const category of categories) {
    switch (category) {
      case 'first_name':
        shared.firstName = firstNameOf(person?.name ?? null);
        break;
      case 'full_name':
        shared.fullName = person?.name ?? null;
        break;
      case 'date_of_birth':
        shared.dateOfBirth = person?.dateOfBirth ?? null;
        break;
      case 'languages':
        shared.languages = person?.languages ?? [];
        break;
      case 'interpreter_need':
        shared.interpreterNeeded = person?.interpreterNeeded ?? false;
        break;
      case 'contact':
        shared.contact = { phone: person?.phone ?? null, email: person?.email ?? null, address: person?.address ?? null };
        break;
      case 'age_band':
        shared.ageBand = facts.ageBand as SharedFields['ageBand'];
        break;
      case 'gender':
        shared.gender = facts.gender as SharedFields['gender'];
        break;
      case 'need':
        shared.need = { kind: need.kind, note: need.note };
        break;
    }
  }
  return SharedFieldsSchema.parse(shared);
}

/** Sends a bounded part of the case to a partner: covered by a consent, or by a recorded legal basis (flagged). */
export async function sendReferral(deps: Deps, actor: UserActor, caseId: string, body: ReferralBody): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  assertEditable(actor, access);
  const recipient = await assertOrganisation(deps, actor.municipalityId, body.organisationId, 'organisationId');
  const categories = [...new Set(body.dataCategories)];
  if (body.consentId === null && body.legalBasis === null) throw invalid('consentId', 'Sharing needs a consent or a recorded legal basis');
  // The same check as an export to a recipient: one piece of code decides what may leave the municipality.
  const basis = resolveSharingBasis(await findConsents(deps.db, actor.municipalityId, caseId), { ...body, organisationKind: recipient.kind });
  assertCovered(basis, categories);
  const { decrypt, encrypt, encryptOrNull } = cipher(deps, actor.municipalityId);
  const row = access.row;
  const person = row.personEnc ? CasePersonSchema.parse(JSON.parse((await decrypt(FIELD.person, row.personEnc)) ?? 'null')) : null;
  const needRow = (await findNeeds(deps.db, actor.municipalityId, caseId)).find((need) => need.kind === body.needKind);
  const shared = buildSharedFields(categories, person, row, { kind: body.needKind, note: needRow ? await decrypt(FIELD.needNote, needRow.noteEnc) : null });
  const sharedSnapshotEnc = await encrypt(FIELD.snapshot, JSON.stringify(shared));
  const legalBasisReasonEnc = await encryptOrNull(FIELD.legalBasisReason, body.legalBasisReason);
  const now = new Date();
  await inTransaction(deps, async (tx) => {
    const referral = await insertReferral(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      organisationId: body.organisationId,
      consentId: body.consentId,
      legalBasis: body.legalBasis,
      legalBasisReasonEnc,
      needKind: body.needKind,
      dataCategories: categories,
      sharedSnapshotEnc,
      status: 'sent',
      answerDueAt: addDays(now, REFERRAL_ANSWER_DAYS),
      sentByUserId: actor.userId,
      sentAt: now,
    });
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'referral.sent',
      entityType: 'case',
      entityId: caseId,
      details: { referralId: referral.id, organisationId: body.organisationId, needKind: body.needKind, dataCategories: categories, withoutConsent: body.consentId === null, legalBasis: body.legalBasis },
    });
    await notify(deps, tx, { kind: 'referral_sent', municipalityId: actor.municipalityId, referralId: referral.id });
  });
  return reload(deps, actor, caseId);
}

/** The sender revokes a referral: the recipient loses the shared data. */
export async function revokeReferral(deps: Deps, actor: UserActor, caseId: string, referralId: string, reason: string): Promise<Case> {
  const access = await accessCase(deps, actor, caseId);
  if (access.teamRole === null && access.breakGlassUntil === null) throw new AppError('FORBIDDEN', 'Only the case team may revoke a referral.');
  const referral = await findReferral(deps.db, actor.municipalityId, referralId);
  if (!referral || referral.caseId !== caseId) throw notFound('The referral');
  if (!OPEN_REFERRAL_STATUSES.includes(referral.status as ReferralStatus)) throw new AppError('CONFLICT', 'Only a sent or accepted referral can be revoked.');
  const revokeReasonEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.revokeReason, reason);
  await inTransaction(deps, async (tx) => {
    await updateReferralRow(tx, actor.municipalityId, referralId, { status: 'revoked', revokedAt: new Date(), sharedSnapshotEnc: null, revokeReasonEnc });
    await updateCaseRow(tx, actor.municipalityId, caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'referral.revoked', entityType: 'case', entityId: caseId, details: { referralId, from: referral.status } });
    await notify(deps, tx, { kind: 'referral_revoked', municipalityId: actor.municipalityId, referralId });
  });
  return reload(deps, actor, caseId);
}

// ----- The receiving partner's side -----------------------------------------------------------

/** A referral to the actor's organisation that it may still see; anything else is 404. */
async function partnerReferral(deps: Deps, actor: UserActor, referralId: string): Promise<ReferralRow> {
  const row = await findReferral(deps.db, actor.municipalityId, referralId);
  if (!row || row.organisationId !== actor.organisationId || row.status === 'revoked' || row.sharedSnapshotEnc === null) throw notFound('The referral');
  return row;
}

async function presentPartner(deps: Deps, actor: UserActor, row: ReferralRow): Promise<PartnerReferral> {
  const { decrypt } = cipher(deps, actor.municipalityId);
  const caseRow = await findCase(deps.db, actor.municipalityId, row.caseId);
  const shared = SharedFieldsSchema.parse(JSON.parse((await decrypt(FIELD.snapshot, row.sharedSnapshotEnc)) ?? '{}'));
  return { ...presentPartnerSummary({ ...row, caseNumber: caseRow?.caseNumber ?? '' }), shared, partnerNote: await decrypt(FIELD.partnerNote, row.partnerNoteEnc) };
}

function presentPartnerSummary(row: ReferralRow & { caseNumber: string }): Omit<PartnerReferral, 'shared' | 'partnerNote'> {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    needKind: row.needKind as PartnerReferral['needKind'],
    status: row.status as PartnerReferral['status'],
    withoutConsent: row.consentId === null,
    answerDueAt: row.answerDueAt.toISOString(),
    sentAt: row.sentAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Referrals to the partner's organisation, without the shared fields (those are read one at a time, audited). */
export async function findPartnerReferrals(deps: Deps, actor: UserActor, query: PartnerReferralListQuery, now = new Date()) {
  const sort = partnerReferralSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  // state=awaiting|overdue is the home page's count (countPartnerReferrals) with the same conditions.
  const filter = {
    status: query.state !== undefined ? 'sent' : query.status,
    answerDueBefore: query.state === 'overdue' ? now : undefined,
    needKind: query.needKind,
    pattern: query.q ? containsPattern(query.q) : undefined,
  };
  const { rows, nextCursor, total } = await listPartnerReferrals(deps.db, actor.municipalityId, actor.organisationId, filter, { sort, cursor, limit: query.limit });
  return { items: rows.map((row) => ({ ...presentPartnerSummary(row), partnerNote: null })), nextCursor, total };
}

/** How many referrals the partner's list holds with the filter (answer due before a time: overdue when that time is now). */
export async function countPartnerReferrals(deps: Deps, actor: UserActor, filter: { status?: 'sent'; answerDueBefore?: Date }): Promise<number> {
  return countPartnerReferralRows(deps.db, actor.municipalityId, actor.organisationId, filter);
}

/** One referral with only its shared fields. The read is audited on the case. */
export async function getPartnerReferral(deps: Deps, actor: UserActor, referralId: string): Promise<PartnerReferral> {
  const row = await partnerReferral(deps, actor, referralId);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'referral.viewed', entityType: 'case', entityId: row.caseId, details: { referralId, organisationId: row.organisationId } }),
  );
  return presentPartner(deps, actor, row);
}

/** The partner accepts or declines (with a reason) a sent referral. */
export async function respondToReferral(deps: Deps, actor: UserActor, referralId: string, body: { decision: 'accept' | 'decline'; reason: string | null }): Promise<PartnerReferral> {
  const row = await partnerReferral(deps, actor, referralId);
  if (row.status !== 'sent') throw new AppError('CONFLICT', 'The referral has already been answered.');
  if (body.decision === 'decline' && !body.reason) throw invalid('reason', 'Required when declining');
  const partnerNoteEnc = await cipher(deps, actor.municipalityId).encryptOrNull(FIELD.partnerNote, body.reason);
  const status = body.decision === 'accept' ? 'accepted' : 'declined';
  await inTransaction(deps, async (tx) => {
    await updateReferralRow(tx, actor.municipalityId, referralId, { status, respondedAt: new Date(), respondedByUserId: actor.userId, ...(partnerNoteEnc ? { partnerNoteEnc } : {}) });
    await updateCaseRow(tx, actor.municipalityId, row.caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: status === 'accepted' ? 'referral.accepted' : 'referral.declined', entityType: 'case', entityId: row.caseId, details: { referralId } });
    await notify(deps, tx, { kind: 'referral_answered', municipalityId: actor.municipalityId, referralId });
  });
  return presentPartner(deps, actor, await partnerReferral(deps, actor, referralId));
}

/** The partner sends an update back to the case, optionally completing the referral. */
export async function updatePartnerReferral(deps: Deps, actor: UserActor, referralId: string, body: { text: string; completed: boolean }): Promise<PartnerReferral> {
  const row = await partnerReferral(deps, actor, referralId);
  if (row.status !== 'accepted') throw new AppError('CONFLICT', 'Only an accepted referral can be updated or completed.');
  const partnerNoteEnc = await cipher(deps, actor.municipalityId).encrypt(FIELD.partnerNote, body.text);
  await inTransaction(deps, async (tx) => {
    await updateReferralRow(tx, actor.municipalityId, referralId, { partnerNoteEnc, ...(body.completed ? { status: 'completed', completedAt: new Date() } : {}) });
    await updateCaseRow(tx, actor.municipalityId, row.caseId, {});
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: body.completed ? 'referral.completed' : 'referral.updated', entityType: 'case', entityId: row.caseId, details: { referralId } });
    await notify(deps, tx, { kind: 'referral_answered', municipalityId: actor.municipalityId, referralId });
  });
  return presentPartner(deps, actor, await partnerReferral(deps, actor, referralId));
}
