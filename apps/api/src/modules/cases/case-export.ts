import { localDate, localDateTime, SHARE_CATEGORIES, UNSHARED_CASE_PARTS, type Case, type CaseExportLanguage, type CaseRecipientExportBody, type OrganisationKind, type ShareCategory } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { renderPdf, type DocBlock, type DocModel } from '../../platform/documents';
import { AppError } from '../../platform/errors';
import { caseExportTexts, type CaseExportTexts, type SourcedText } from '@lykt/content/case-export-texts';
import { getPublicSettings } from '../tips/tips.service';
import { accessCase, assertAbility, invalid } from './case.access';
import type { CaseAccess } from './case.policy';
import { firstNameOf } from './case.person';
import { presentFullCase } from './case.service';
import { retentionMonthsFor } from './case-protection.service';
import { findCaseReads, findConsents, findMunicipalityName, findOrganisationNames, findOrganisationOptions } from './case.repository';
import { resolveSharingBasis, type SharingBasis } from './sharing-basis';

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
/** The day in Norway of a stored instant (an event at 00:30 in Norway is 23:30 UTC the day before). */
const day = (iso: string): string => localDate(new Date(iso));

/** A text that states law, followed by its sources as the reader can look them up. */
function sourcedBlocks(x: CaseExportTexts, entry: SourcedText): DocBlock[] {
  const blocks: DocBlock[] = [{ type: 'paragraph', text: entry.text }];
  if (entry.sources && entry.sources.length > 0) {
    const names = entry.sources.map((source) => ('law' in source ? source.law : `${source.publisher}: «${source.title}», ${source.url}`));
    blocks.push({ type: 'paragraph', text: `${x.access.sourcesLabel}: ${names.join('; ')}` });
  }
  return blocks;
}

/** Who received data from the case, when and on what basis: referrals and exports to a recipient. */
export type DisclosureEntry = { recipient: string; kind: 'referral' | 'export'; date: string; basis: string };
export type AccessFacts = { municipalityName: string; contact: string | null; retentionMonths: number; disclosures: DisclosureEntry[] };

/** The document's heading facts. A recipient gets only the reference and the date: the case's status and age are not theirs to know. */
function keyFacts(theCase: Case, x: CaseExportTexts, generatedAt: Date, forRecipient = false): DocBlock {
  const d = x.document;
  return {
    type: 'keyValue',
    items: [
      { label: d.caseNumber, value: theCase.caseNumber },
      ...(forRecipient ? [] : [{ label: d.status, value: x.values.statuses[theCase.status] }, { label: d.opened, value: day(theCase.createdAt) }]),
      { label: d.generated, value: localDateTime(generatedAt) },
    ],
  };
}

/** The GDPR art. 15 part of the person's own copy: purposes, categories, recipients with dates, retention, source, rights and complaint. */
function accessBlocks(x: CaseExportTexts, facts: AccessFacts): DocBlock[] {
  const a = x.access;
  return [
    { type: 'heading', level: 2, text: a.heading },
    ...sourcedBlocks(x, a.intro),
    { type: 'keyValue', items: [{ label: a.controller, value: facts.municipalityName }, { label: a.contact, value: facts.contact ?? a.noContact }] },
    { type: 'heading', level: 3, text: a.purposesHeading },
    { type: 'list', items: a.purposes },
    { type: 'heading', level: 3, text: a.categoriesHeading },
    { type: 'paragraph', text: a.categoriesIntro },
    { type: 'list', items: a.categories },
    { type: 'heading', level: 3, text: a.recipientsHeading },
    facts.disclosures.length === 0
      ? { type: 'paragraph', text: a.recipientsNone }
      : {
          type: 'table',
          caption: a.recipientsIntro,
          headers: [a.columns.recipient, a.columns.kind, a.columns.date, a.columns.basis],
          rows: facts.disclosures.map((entry) => [entry.recipient, a.recipientKinds[entry.kind], entry.date, entry.basis]),
        },
    { type: 'heading', level: 3, text: a.retentionHeading },
    { type: 'paragraph', text: fill(a.retention, { months: String(facts.retentionMonths) }) },
    { type: 'heading', level: 3, text: a.sourceHeading },
    ...sourcedBlocks(x, a.source),
    { type: 'heading', level: 3, text: a.rightsHeading },
    ...a.rights.flatMap((right) => sourcedBlocks(x, right)),
    { type: 'paragraph', text: a.rightsHow },
    { type: 'heading', level: 3, text: a.complaintHeading },
    ...sourcedBlocks(x, a.complaint),
    { type: 'pageBreak' },
  ];
}

/**
 * The data subject's copy (GDPR art. 15): first what the law says they must be told, then everything
 * the case holds, labelled from the versioned texts in packages/content (plain blocks, no HTML).
 */
export function buildCaseExportDoc(theCase: Case, facts: AccessFacts, generatedAt: Date, language: CaseExportLanguage = 'nb'): DocModel {
  const x = caseExportTexts(language);
  const d = x.document;
  const v = x.values;
  const yesNo = (value: boolean | null) => (value === null ? d.unknown : value ? d.yes : d.no);
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : d.none);
  const f = theCase.facts;
  const blocks: DocBlock[] = [
    keyFacts(theCase, x, generatedAt),
    ...accessBlocks(x, facts),
    { type: 'heading', level: 2, text: x.sections.facts },
    {
      type: 'keyValue',
      items: [
        { label: x.facts.gender, value: v.genders[f.gender] },
        { label: x.facts.ageBand, value: v.ageBands[f.ageBand] },
        { label: x.facts.isMinor, value: yesNo(f.isMinor) },
        { label: x.facts.nationality, value: f.nationality ?? d.unknown },
        { label: x.facts.exploitationForms, value: list(f.exploitationForms.map((form) => v.exploitationForms[form])) },
        { label: x.facts.sectors, value: list(f.sectors.map((sector) => v.sectors[sector])) },
        { label: x.facts.identifyingService, value: v.identifyingServices[f.identifyingService] },
        { label: x.facts.residenceStatus, value: v.residenceStatuses[f.residenceStatus] },
        { label: x.facts.reflectionPeriod, value: f.reflectionPeriodStart ? `${f.reflectionPeriodStart} – ${f.reflectionPeriodEnd ?? ''}` : d.none },
        { label: x.facts.policeReportMade, value: yesNo(f.policeReportMade) },
        { label: x.facts.assistedReturn, value: yesNo(f.assistedReturn) },
        { label: x.facts.childWelfareMeasure, value: yesNo(f.childWelfareMeasure) },
        { label: x.facts.outcome, value: f.outcome ? v.outcomes[f.outcome] : d.unknown },
      ],
    },
    { type: 'heading', level: 2, text: x.sections.person },
  ];
  const p = theCase.person;
  if (!p) blocks.push({ type: 'paragraph', text: theCase.personalDataErasedAt ? d.erased : d.none });
  else
    blocks.push({
      type: 'keyValue',
      items: [
        { label: x.person.name, value: p.name ?? d.unknown },
        { label: x.person.aliases, value: list(p.aliases) },
        { label: x.person.dateOfBirth, value: p.dateOfBirth ?? d.unknown },
        { label: x.person.phone, value: p.phone ?? d.none },
        { label: x.person.email, value: p.email ?? d.none },
        { label: x.person.address, value: p.address ?? d.none },
        { label: x.person.languages, value: list(p.languages) },
        { label: x.person.interpreterNeeded, value: yesNo(p.interpreterNeeded) },
        { label: x.person.notes, value: p.notes ?? d.none },
      ],
    });
  blocks.push(
    { type: 'heading', level: 2, text: x.sections.needs },
    { type: 'table', caption: x.sections.needs, headers: [x.columns.need, x.columns.needStatus, x.columns.note], rows: theCase.needs.map((need) => [v.needKinds[need.kind], v.needStatuses[need.status], need.note ?? '']) },
    { type: 'heading', level: 2, text: x.sections.safetyPlan },
    { type: 'paragraph', text: theCase.safetyPlan ?? d.none },
    { type: 'heading', level: 2, text: x.sections.tasks },
    theCase.tasks.length === 0
      ? { type: 'paragraph', text: d.none }
      : { type: 'table', caption: x.sections.tasks, headers: [x.columns.task, x.columns.owner, x.columns.due, x.columns.done], rows: theCase.tasks.map((task) => [task.title, task.owner?.name ?? '', task.dueOn, task.doneAt ? day(task.doneAt) : '']) },
    { type: 'heading', level: 2, text: x.sections.journal },
  );
  if (theCase.journal.length === 0) blocks.push({ type: 'paragraph', text: d.none });
  for (const entry of theCase.journal) blocks.push({ type: 'heading', level: 3, text: `${entry.entryDate} – ${entry.author?.name ?? ''}` }, { type: 'paragraph', text: entry.text });
  blocks.push(
    { type: 'heading', level: 2, text: x.sections.consents },
    theCase.consents.length === 0
      ? { type: 'paragraph', text: d.none }
      : {
          type: 'table',
          caption: x.sections.consents,
          headers: [x.columns.purpose, x.columns.recipient, x.columns.given, x.columns.method, x.columns.withdrawn],
          rows: theCase.consents.map((consent) => [
            v.consentPurposes[consent.purpose],
            consent.recipient?.name ?? '',
            consent.givenOn,
            `${v.consentMethods[consent.method]}${consent.withInterpreter ? ` (${d.withInterpreter})` : ''}`,
            consent.withdrawnAt ? day(consent.withdrawnAt) : '',
          ]),
        },
    { type: 'heading', level: 2, text: x.sections.referrals },
    theCase.referrals.length === 0
      ? { type: 'paragraph', text: d.none }
      : {
          type: 'table',
          caption: x.sections.referrals,
          headers: [x.columns.recipient, x.columns.need, x.columns.needStatus, x.columns.sent, x.columns.basis],
          rows: theCase.referrals.map((referral) => [
            referral.organisation.name,
            v.needKinds[referral.needKind],
            v.referralStatuses[referral.status],
            day(referral.sentAt),
            referral.legalBasis ? v.legalBases[referral.legalBasis] : d.consentBasis,
          ]),
        },
  );
  return { title: fill(d.title, { number: theCase.caseNumber }), subtitle: d.subtitle.data_subject, lang: language, footer: d.footer, author: facts.municipalityName, blocks };
}

/** What an export to a recipient leaves out, grouped by the reason the first page gives (at most two rows). */
export function leftOutOf(basis: SharingBasis, x: CaseExportTexts): Array<{ parts: string[]; why: string }> {
  const notCovered = SHARE_CATEGORIES.filter((category) => !basis.categories.includes(category)).map((category) => x.categories[category]);
  return [
    ...(notCovered.length > 0 ? [{ parts: notCovered, why: basis.kind === 'consent' ? x.recipient.notCoveredConsent : x.recipient.notCoveredBasis }] : []),
    { parts: UNSHARED_CASE_PARTS.map((part) => x.unsharedParts[part]), why: x.recipient.neverShared },
  ];
}

/** The label of a basis as a reader sees it: consent with its dates, or the legal basis with its law. */
function basisLabel(basis: SharingBasis, x: CaseExportTexts): string {
  if (basis.kind === 'consent') return fill(x.recipient.basisConsent, { dates: [...new Set(basis.givenOn)].sort().join(', ') });
  const laws = (x.recipient.basisTexts[basis.legalBasis].sources ?? []).flatMap((source) => ('law' in source ? [source.law] : []));
  return laws.length > 0 ? `${x.values.legalBases[basis.legalBasis]} (${laws.join(', ')})` : x.values.legalBases[basis.legalBasis];
}

/**
 * An export to a named organisation: the first page names the recipient and the basis, and lists what
 * is included and what was left out and why; then only the covered categories follow.
 */
export function buildRecipientExportDoc(theCase: Case, recipientName: string, basis: SharingBasis, municipalityName: string, generatedAt: Date, language: CaseExportLanguage = 'nb'): DocModel {
  const x = caseExportTexts(language);
  const d = x.document;
  const r = x.recipient;
  const has = (category: ShareCategory) => basis.categories.includes(category);
  const p = theCase.person;
  const blocks: DocBlock[] = [
    keyFacts(theCase, x, generatedAt, true),
    { type: 'heading', level: 2, text: r.heading },
    {
      type: 'keyValue',
      items: [
        { label: r.recipient, value: recipientName },
        { label: r.basis, value: basisLabel(basis, x) },
        ...(basis.kind === 'legal_basis' ? [{ label: r.reason, value: basis.reason }] : []),
        { label: r.included, value: basis.categories.map((category) => x.categories[category]).join(', ') },
      ],
    },
    ...(basis.kind === 'legal_basis' ? sourcedBlocks(x, r.basisTexts[basis.legalBasis]) : []),
    { type: 'table', caption: r.leftOut, headers: [r.part, r.why], rows: leftOutOf(basis, x).map((entry) => [entry.parts.join(', '), entry.why]) },
    { type: 'pageBreak' },
    { type: 'heading', level: 2, text: r.dataHeading },
  ];
  const items: Array<{ label: string; value: string }> = [];
  if (has('first_name')) items.push({ label: x.categories.first_name, value: firstNameOf(p?.name ?? null) ?? d.unknown });
  if (has('full_name')) items.push({ label: x.person.name, value: p?.name ?? d.unknown });
  if (has('date_of_birth')) items.push({ label: x.person.dateOfBirth, value: p?.dateOfBirth ?? d.unknown });
  if (has('languages')) items.push({ label: x.person.languages, value: p && p.languages.length > 0 ? p.languages.join(', ') : d.none });
  if (has('interpreter_need')) items.push({ label: x.person.interpreterNeeded, value: p?.interpreterNeeded ? d.yes : d.no });
  if (has('contact')) items.push({ label: x.person.phone, value: p?.phone ?? d.none }, { label: x.person.email, value: p?.email ?? d.none }, { label: x.person.address, value: p?.address ?? d.none });
  if (has('age_band')) items.push({ label: x.facts.ageBand, value: x.values.ageBands[theCase.facts.ageBand] });
  if (has('gender')) items.push({ label: x.facts.gender, value: x.values.genders[theCase.facts.gender] });
  if (items.length > 0) blocks.push({ type: 'keyValue', items });
  if (has('need')) {
    blocks.push({ type: 'heading', level: 3, text: x.sections.needs });
    blocks.push({ type: 'table', caption: x.sections.needs, headers: [x.columns.need, x.columns.needStatus, x.columns.note], rows: theCase.needs.map((need) => [x.values.needKinds[need.kind], x.values.needStatuses[need.status], need.note ?? '']) });
  }
  return { title: fill(d.title, { number: theCase.caseNumber }), subtitle: fill(d.subtitle.recipient, { recipient: recipientName }), lang: language, footer: d.footer, author: municipalityName, blocks };
}

async function openForExport(deps: Deps, actor: UserActor, caseId: string): Promise<{ access: CaseAccess; theCase: Case; municipalityName: string }> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'export', 'Only the case team may export a case, and not once its personal data is erased.');
  return { access, theCase: await presentFullCase(deps, actor, access), municipalityName: await findMunicipalityName(deps.db, actor.municipalityId) };
}

/** Who has received data from the case: referrals, and exports to a recipient (from the audit log). */
async function disclosuresOf(deps: Deps, municipalityId: string, theCase: Case, x: CaseExportTexts): Promise<DisclosureEntry[]> {
  const referrals: DisclosureEntry[] = theCase.referrals.map((referral) => ({
    recipient: referral.organisation.name,
    kind: 'referral',
    date: day(referral.sentAt),
    basis: referral.legalBasis ? x.values.legalBases[referral.legalBasis] : x.document.consentBasis,
  }));
  const exports = (await findCaseReads(deps.db, municipalityId, theCase.id, ['case.exported'])).filter((row) => row.details.purpose === 'recipient' && typeof row.details.recipientOrganisationId === 'string');
  const names = await findOrganisationNames(deps.db, municipalityId, [...new Set(exports.map((row) => String(row.details.recipientOrganisationId)))]);
  const exported: DisclosureEntry[] = exports.map((row) => {
    const legalBasis = typeof row.details.legalBasis === 'string' && row.details.legalBasis in x.values.legalBases ? (row.details.legalBasis as keyof CaseExportTexts['values']['legalBases']) : null;
    return { recipient: names.get(String(row.details.recipientOrganisationId)) ?? '', kind: 'export', date: day(row.occurredAt.toISOString()), basis: legalBasis ? x.values.legalBases[legalBasis] : x.document.consentBasis };
  });
  return [...referrals, ...exported].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The person's own copy (GDPR art. 15) as PDF. Audited. */
export async function exportCase(deps: Deps, actor: UserActor, caseId: string, language: CaseExportLanguage = 'nb'): Promise<{ pdf: Buffer; fileName: string }> {
  const { access, theCase, municipalityName } = await openForExport(deps, actor, caseId);
  const x = caseExportTexts(language);
  const settings = await getPublicSettings(deps, actor.municipalityId);
  const contact = [settings.contactName, settings.contactPhone, settings.contactEmail].filter((part) => part.trim() !== '').join(', ');
  const facts: AccessFacts = { municipalityName, contact: contact || null, retentionMonths: await retentionMonthsFor(deps, actor.municipalityId), disclosures: await disclosuresOf(deps, actor.municipalityId, theCase, x) };
  const now = new Date();
  const pdf = await renderPdf(buildCaseExportDoc(theCase, facts, now, language), { createdAt: now });
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.exported', entityType: 'case', entityId: caseId, details: { purpose: 'data_subject', format: 'pdf', language, breakGlass: access.teamRole === null } }),
  );
  return { pdf, fileName: `sak-${theCase.caseNumber}.pdf` };
}

/**
 * An export to a named organisation. The same check as a referral decides what may go: every valid
 * consent to that organisation, or the stated legal basis with a written reason. Nothing covered: 409
 * NO_SHARING_BASIS. Audited with recipient, basis and categories (no personal data, not the reason).
 */
export async function exportCaseToRecipient(deps: Deps, actor: UserActor, caseId: string, body: CaseRecipientExportBody): Promise<{ pdf: Buffer; fileName: string }> {
  const { access, theCase, municipalityName } = await openForExport(deps, actor, caseId);
  const recipient = (await findOrganisationOptions(deps.db, actor.municipalityId)).find((organisation) => organisation.id === body.recipientOrganisationId);
  if (!recipient) throw invalid('recipientOrganisationId', 'Not an active organisation of this municipality');
  const basis = resolveSharingBasis(await findConsents(deps.db, actor.municipalityId, caseId), { organisationId: recipient.id, organisationKind: recipient.kind as OrganisationKind, consentId: null, legalBasis: body.legalBasis, legalBasisReason: body.legalBasisReason });
  if (basis.categories.length === 0) {
    throw new AppError('NO_SHARING_BASIS', 'No valid consent to this recipient covers any part of the case. State a legal basis with a reason, or record the person’s consent first.', [{ field: 'legalBasis', message: 'No consent or legal basis' }]);
  }
  const now = new Date();
  const pdf = await renderPdf(buildRecipientExportDoc(theCase, recipient.name, basis, municipalityName, now, body.lang), { createdAt: now });
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'case.exported',
      entityType: 'case',
      entityId: caseId,
      details: {
        purpose: 'recipient',
        recipientOrganisationId: recipient.id,
        basis: basis.kind,
        legalBasis: basis.kind === 'legal_basis' ? basis.legalBasis : null,
        consentIds: basis.kind === 'consent' ? basis.consentIds : [],
        categories: basis.categories,
        leftOut: SHARE_CATEGORIES.filter((category) => !basis.categories.includes(category)),
        reasonGiven: basis.kind === 'legal_basis',
        format: 'pdf',
        language: body.lang,
        breakGlass: access.teamRole === null,
      },
    }),
  );
  return { pdf, fileName: `sak-${theCase.caseNumber}-utlevering.pdf` };
}
