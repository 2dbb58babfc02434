import { LEGAL_BASIS_CATEGORIES, LEGAL_BASIS_RECIPIENT_KINDS, SHARE_CATEGORIES, type LegalBasis, type OrganisationKind, type ShareCategory } from '@lykt/shared';
import { AppError } from '../../platform/errors';
import { invalid } from './case.access';
import type { ConsentRow } from './case.repository';

/** Why a part of the case may leave the municipality: the person's consent(s) or a stated legal basis. */
export type SharingBasis =
  | { kind: 'consent'; consentIds: string[]; givenOn: string[]; categories: ShareCategory[] }
  | { kind: 'legal_basis'; legalBasis: LegalBasis; reason: string; categories: ShareCategory[] };

export type SharingRequest = {
  organisationId: string;
  /** The recipient's kind: a legal basis covers only the recipients it is a duty towards. */
  organisationKind: OrganisationKind;
  /** A referral names the one consent it relies on; an export leaves it null and every valid consent to the recipient counts. */
  consentId: string | null;
  legalBasis: LegalBasis | null;
  legalBasisReason: string | null;
};

const isValidFor = (consent: ConsentRow, organisationId: string) => consent.withdrawnAt === null && consent.purpose === 'share_with_organisation' && consent.recipientOrganisationId === organisationId;

/** In the fixed order of SHARE_CATEGORIES, so documents and audit details read the same every time. */
const ordered = (categories: Iterable<string>): ShareCategory[] => {
  const set = new Set(categories);
  return SHARE_CATEGORIES.filter((category) => set.has(category));
};

/**
 * The one check for sharing a case with an organisation, used by referrals and by exports to a recipient:
 * a named consent must be valid (not withdrawn) and given for sharing with exactly this organisation;
 * without a named consent, every valid consent to the organisation counts; a legal basis needs a written
 * reason, applies only to the recipients LEGAL_BASIS_RECIPIENT_KINDS names, and covers only what
 * LEGAL_BASIS_CATEGORIES allows for it. Returns the categories covered.
 */
export function resolveSharingBasis(consents: readonly ConsentRow[], request: SharingRequest): SharingBasis {
  if (request.legalBasis !== null) {
    if (request.consentId !== null) throw invalid('legalBasis', 'Give either a consent or a legal basis, not both');
    const reason = request.legalBasisReason?.trim() ?? '';
    if (!reason) throw invalid('legalBasisReason', 'Required when sharing without consent');
    const kinds = LEGAL_BASIS_RECIPIENT_KINDS[request.legalBasis];
    if (kinds && !kinds.includes(request.organisationKind)) {
      throw invalid('legalBasis', `This legal basis covers sharing only with ${kinds.join(' or ').replace('_', ' ')}; with anyone else the person's consent is needed`);
    }
    return { kind: 'legal_basis', legalBasis: request.legalBasis, reason, categories: [...LEGAL_BASIS_CATEGORIES[request.legalBasis]] };
  }
  if (request.consentId !== null) {
    const consent = consents.find((entry) => entry.id === request.consentId);
    if (!consent) throw invalid('consentId', 'No such consent on this case');
    if (consent.withdrawnAt) throw new AppError('CONFLICT', 'The consent has been withdrawn.', [{ field: 'consentId', message: 'Withdrawn' }]);
    if (!isValidFor(consent, request.organisationId)) throw invalid('consentId', 'The consent does not cover sharing with this organisation');
    return { kind: 'consent', consentIds: [consent.id], givenOn: [consent.givenOn], categories: ordered(consent.dataCategories) };
  }
  const valid = consents.filter((consent) => isValidFor(consent, request.organisationId));
  return { kind: 'consent', consentIds: valid.map((consent) => consent.id), givenOn: valid.map((consent) => consent.givenOn), categories: ordered(valid.flatMap((consent) => consent.dataCategories)) };
}

/** Refuses categories the basis does not cover (a referral asks for named categories). */
export function assertCovered(basis: SharingBasis, requested: readonly ShareCategory[]): void {
  const uncovered = requested.filter((category) => !basis.categories.includes(category));
  if (uncovered.length === 0) return;
  const by = basis.kind === 'consent' ? 'the consent' : 'the legal basis';
  throw invalid('dataCategories', `Not covered by ${by}: ${uncovered.join(', ')}`);
}
