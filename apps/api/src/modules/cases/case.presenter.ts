import {
  CaseFactsSchema,
  NEED_KINDS,
  type Case,
  type CaseFacts,
  type CaseSummary,
  type Consent,
  type NeedKind,
  type Referral,
} from '@lykt/shared';
import type { CaseListRow, CaseNeedRow, CaseRow, ConsentRow, ReferralRow } from './case.repository';

export type NameMap = Map<string, string>;

function ref(id: string | null, names: NameMap): { id: string; name: string } | null {
  if (!id) return null;
  const name = names.get(id);
  return name === undefined ? null : { id, name };
}

/** The coded facts of a row (plain columns, safe for statistics). */
export function presentFacts(row: CaseRow): CaseFacts {
  return CaseFactsSchema.parse({
    gender: row.gender,
    ageBand: row.ageBand,
    isMinor: row.isMinor,
    nationality: row.nationality,
    exploitationForms: row.exploitationForms,
    sectors: row.sectors,
    identifyingService: row.identifyingService,
    residenceStatus: row.residenceStatus,
    reflectionPeriodStart: row.reflectionPeriodStart,
    reflectionPeriodEnd: row.reflectionPeriodEnd,
    policeReportMade: row.policeReportMade,
    assistedReturn: row.assistedReturn,
    childWelfareMeasure: row.childWelfareMeasure,
    outcome: row.outcome,
  });
}

export function presentCaseSummary(row: CaseListRow, users: NameMap): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as CaseSummary['status'],
    sourceKind: row.sourceKind as CaseSummary['sourceKind'],
    owner: ref(row.ownerUserId, users),
    isMinor: row.isMinor,
    ageBand: row.ageBand as CaseSummary['ageBand'],
    exploitationForms: row.exploitationForms as CaseSummary['exploitationForms'],
    isMember: row.isMember,
    openReferrals: row.openReferrals,
    ...(row.dueTasks == null ? {} : { dueTasks: row.dueTasks }),
    personalDataErased: row.personalDataErasedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export function presentConsent(row: ConsentRow, users: NameMap, organisations: NameMap): Consent {
  return {
    id: row.id,
    purpose: row.purpose as Consent['purpose'],
    recipient: ref(row.recipientOrganisationId, organisations),
    dataCategories: row.dataCategories as Consent['dataCategories'],
    method: row.method as Consent['method'],
    withInterpreter: row.withInterpreter,
    givenOn: row.givenOn,
    recordedBy: ref(row.recordedByUserId, users),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    isActive: row.withdrawnAt === null,
  };
}

/** A referral as the case team sees it; texts are passed in decrypted. */
export function presentReferral(
  row: ReferralRow,
  organisations: NameMap,
  texts: { partnerNote: string | null; legalBasisReason: string | null; revokeReason: string | null },
  now: Date,
): Referral {
  return {
    id: row.id,
    caseId: row.caseId,
    organisation: { id: row.organisationId, name: organisations.get(row.organisationId) ?? '' },
    needKind: row.needKind as Referral['needKind'],
    dataCategories: row.dataCategories as Referral['dataCategories'],
    consentId: row.consentId,
    legalBasis: (row.legalBasis as Referral['legalBasis']) ?? null,
    legalBasisReason: texts.legalBasisReason,
    withoutConsent: row.consentId === null,
    status: row.status as Referral['status'],
    partnerNote: texts.partnerNote,
    sharedDataHidden: row.sharedSnapshotEnc === null,
    answerDueAt: row.answerDueAt.toISOString(),
    overdue: row.status === 'sent' && row.answerDueAt < now,
    sentAt: row.sentAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: texts.revokeReason,
  };
}

/** Every need kind with its stored status, or "not assessed"; child welfare only for a minor. */
export function presentNeeds(rows: CaseNeedRow[], isMinor: boolean, notes: Map<string, string | null>): Case['needs'] {
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const kinds: NeedKind[] = NEED_KINDS.filter((kind) => kind !== 'child_welfare' || isMinor || byKind.has(kind));
  return kinds.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      status: (row?.status as Case['needs'][number]['status'] | undefined) ?? 'not_assessed',
      note: notes.get(kind) ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}
