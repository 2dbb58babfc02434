import type { Case } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import type { DocBlock, DocModel } from '../../platform/documents/model';
import { caseExportTexts, type CaseExportLanguage } from '@lykt/content/case-export-texts';
import { renderPdf } from '../../platform/documents/pdf';
import { accessCase, assertAbility } from './case.access';
import { presentFullCase } from './case.service';
import { findMunicipalityName } from './case.repository';

export type ExportPurpose = 'data_subject' | 'police';

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);

/** The export document: what the case holds, in plain blocks (no HTML), labelled from the versioned texts in packages/content. */
export function buildCaseExportDoc(theCase: Case, purpose: ExportPurpose, municipalityName: string, generatedAt: Date, language: CaseExportLanguage = 'nb'): DocModel {
  const x = caseExportTexts(language);
  const d = x.document;
  const v = x.values;
  const yesNo = (value: boolean | null) => (value === null ? d.unknown : value ? d.yes : d.no);
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : d.none);
  const f = theCase.facts;
  const blocks: DocBlock[] = [
    {
      type: 'keyValue',
      items: [
        { label: d.caseNumber, value: theCase.caseNumber },
        { label: d.status, value: v.statuses[theCase.status] },
        { label: d.opened, value: theCase.createdAt.slice(0, 10) },
        { label: d.generated, value: generatedAt.toISOString().slice(0, 16).replace('T', ' ') },
      ],
    },
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
      : { type: 'table', caption: x.sections.tasks, headers: [x.columns.task, x.columns.owner, x.columns.due, x.columns.done], rows: theCase.tasks.map((task) => [task.title, task.owner?.name ?? '', task.dueOn, task.doneAt ? task.doneAt.slice(0, 10) : '']) },
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
            consent.withdrawnAt?.slice(0, 10) ?? '',
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
            referral.sentAt.slice(0, 10),
            referral.legalBasis ? v.legalBases[referral.legalBasis] : d.consentBasis,
          ]),
        },
  );
  return { title: fill(d.title, { number: theCase.caseNumber }), subtitle: d.subtitle[purpose], lang: language, footer: d.footer, author: municipalityName, blocks };
}

/** Exports one case as a PDF for the person themselves or for the police. Audited with the purpose. */
export async function exportCase(deps: Deps, actor: UserActor, caseId: string, purpose: ExportPurpose, language: CaseExportLanguage = 'nb'): Promise<{ pdf: Buffer; fileName: string }> {
  const access = await accessCase(deps, actor, caseId);
  assertAbility(actor, access, 'export', 'Only the case team may export a case, and not once its personal data is erased.');
  const theCase = await presentFullCase(deps, actor, access);
  const municipalityName = await findMunicipalityName(deps.db, actor.municipalityId);
  const now = new Date();
  const pdf = await renderPdf(buildCaseExportDoc(theCase, purpose, municipalityName, now, language), { createdAt: now });
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'case.exported', entityType: 'case', entityId: caseId, details: { purpose, format: 'pdf', language, breakGlass: access.teamRole === null } }),
  );
  return { pdf, fileName: `sak-${theCase.caseNumber}.pdf` };
}
