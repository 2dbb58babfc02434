import {
  can,
  DocumentSchema,
  effectiveThreshold,
  ReportNarrativeSchema,
  REPORT_QUESTIONS,
  type ReportCaseFields,
  type ReportCreateBody,
  type ReportFormat,
  type ReportList,
  type ReportNarrative,
  type ReportNarrativeBody,
  type ReportQuestionTexts,
  type ReportSummary,
  type ReportVersionDetail,
  type ReportVersionSummary,
} from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import type { DocModel } from '../../platform/documents/model';
import { renderDocx, renderPdf } from '../../platform/documents/render';
import { AppError, notFound } from '../../platform/errors';
import { userNames } from '../plans/plans.repository';
import { buildReportDocument, type BuiltReport } from './report-document';
import { printableReport } from './report-print';
import * as repo from './reports.repository';
import type { ReportRow, ReportVersionRow } from './reports.repository';

const NARRATIVE_FIELD = 'council_report_version.narrative';
const SNAPSHOT_FIELD = 'council_report_version.snapshot';
const EMPTY_NARRATIVE: ReportNarrative = ReportNarrativeSchema.parse({ summary: '', assessment: '', proposals: '' });

/** Viewers read final versions only; drafts are the coordinator's work in progress. */
const seesDrafts = (actor: UserActor) => can(actor.role, 'reports:write');

/** The narrative of a version; one stored before background and question answers existed reads them as empty. */
async function narrativeOf(deps: Deps, municipalityId: string, row: ReportVersionRow): Promise<ReportNarrative> {
  return ReportNarrativeSchema.parse(JSON.parse(await deps.keyring.decrypt(deps.db, municipalityId, NARRATIVE_FIELD, row.narrativeEnc)));
}

/** The saksframlegg fields of a version (public case metadata, stored in plain columns). */
function caseFieldsOf(row: ReportVersionRow): ReportCaseFields {
  return {
    caseNumber: row.caseNumber,
    archiveCode: row.archiveCode,
    committee: row.committee,
    meetingDate: row.meetingDate,
    caseOfficer: row.caseOfficer,
    recommendation: row.recommendation,
    attachments: row.attachments,
  };
}

function summaryOf(report: ReportRow, versions: ReportVersionRow[], names: Map<string, string>, actor: UserActor): ReportSummary {
  const visible = versions.filter((version) => version.reportId === report.id && (seesDrafts(actor) || version.status === 'final'));
  const finals = visible.filter((version) => version.status === 'final');
  return {
    id: report.id,
    year: report.year,
    language: report.language as 'nb' | 'en',
    versions: visible.map((version) => versionSummary(version, names)),
    draftVersion: visible.find((version) => version.status === 'draft')?.number ?? null,
    latestFinalVersion: finals.at(-1)?.number ?? null,
  };
}

function versionSummary(row: ReportVersionRow, names: Map<string, string>): ReportVersionSummary {
  return {
    number: row.number,
    status: row.status as 'draft' | 'final',
    createdAt: row.createdAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    finalisedBy: row.finalisedByUserId ? (names.get(row.finalisedByUserId) ?? null) : null,
  };
}

async function namesFor(db: Database, municipalityId: string, versions: ReportVersionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(versions.map((version) => version.finalisedByUserId).filter((id): id is string => id !== null))];
  return userNames(db, municipalityId, ids);
}

export async function listReports(deps: Deps, actor: UserActor): Promise<ReportList> {
  const reports = await repo.findReports(deps.db, actor.municipalityId);
  const versions = await repo.findVersions(deps.db, actor.municipalityId, reports.map((report) => report.id));
  const names = await namesFor(deps.db, actor.municipalityId, versions);
  const items = reports.map((report) => summaryOf(report, versions, names, actor)).filter((summary) => summary.versions.length > 0);
  return { items };
}

async function loadReport(deps: Deps, actor: UserActor, reportId: string): Promise<{ report: ReportRow; versions: ReportVersionRow[]; summary: ReportSummary }> {
  const report = await repo.findReport(deps.db, actor.municipalityId, reportId);
  if (!report) throw notFound('The report');
  const versions = await repo.findVersions(deps.db, actor.municipalityId, [report.id]);
  const summary = summaryOf(report, versions, await namesFor(deps.db, actor.municipalityId, versions), actor);
  if (summary.versions.length === 0) throw notFound('The report');
  return { report, versions, summary };
}

export async function getReport(deps: Deps, actor: UserActor, reportId: string): Promise<ReportSummary> {
  return (await loadReport(deps, actor, reportId)).summary;
}

export async function createReport(deps: Deps, actor: UserActor, body: ReportCreateBody): Promise<ReportSummary> {
  const year = body.year;
  if (await repo.findReportByYear(deps.db, actor.municipalityId, year)) {
    throw new AppError('CONFLICT', `There is already a report for ${year}. Open it, or start a new version of it.`, [{ field: 'year', message: 'A report for this year exists.' }]);
  }
  const report = await inTransaction(deps, async (tx) => {
    const created = await repo.insertReport(tx, { municipalityId: actor.municipalityId, year, language: body.language ?? 'nb', createdByUserId: actor.userId });
    const version = await repo.insertVersion(tx, {
      municipalityId: actor.municipalityId,
      reportId: created.id,
      number: 1,
      status: 'draft',
      narrativeEnc: await deps.keyring.encrypt(tx, actor.municipalityId, NARRATIVE_FIELD, JSON.stringify(EMPTY_NARRATIVE)),
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.created', entityType: 'council_report', entityId: created.id, details: { year, language: created.language, version: version.number } });
    return created;
  });
  return getReport(deps, actor, report.id);
}

async function loadVersion(deps: Deps, actor: UserActor, reportId: string, number: number) {
  const loaded = await loadReport(deps, actor, reportId);
  const version = loaded.versions.find((row) => row.number === number);
  if (!version || (version.status === 'draft' && !seesDrafts(actor))) throw notFound('The report version');
  return { ...loaded, version };
}

/** The document of a version: a final version's frozen snapshot, or a draft generated now (with the question texts generated from its figures). */
async function documentOf(
  deps: Deps,
  actor: UserActor,
  report: ReportRow,
  version: ReportVersionRow,
  narrative: ReportNarrative,
): Promise<{ document: DocModel; generatedAt: Date; generatedQuestions: ReportQuestionTexts | null }> {
  if (version.status === 'final') {
    if (!version.snapshotEnc || !version.finalisedAt) throw new Error(`final report version ${version.id} has no snapshot`);
    const document: DocModel = DocumentSchema.parse(JSON.parse(await deps.keyring.decrypt(deps.db, actor.municipalityId, SNAPSHOT_FIELD, version.snapshotEnc)));
    return { document, generatedAt: version.finalisedAt, generatedQuestions: null };
  }
  const built = await generate(deps.db, actor.municipalityId, report, version, narrative, true);
  return { document: built.document, generatedAt: new Date(), generatedQuestions: built.generatedQuestions };
}

async function generate(db: Database, municipalityId: string, report: ReportRow, version: ReportVersionRow, narrative: ReportNarrative, draft: boolean): Promise<BuiltReport> {
  const municipality = await repo.municipalityOf(db, municipalityId);
  if (!municipality) throw notFound('The municipality');
  return buildReportDocument(db, {
    municipalityId,
    municipalityName: municipality.name,
    year: report.year,
    lang: report.language === 'en' ? 'en' : 'nb',
    suppressionThreshold: effectiveThreshold(municipality.suppressionThreshold),
    roundingBase: municipality.roundingBase,
    narrative,
    caseFields: caseFieldsOf(version),
    draft,
  });
}

export async function getVersion(deps: Deps, actor: UserActor, reportId: string, number: number): Promise<ReportVersionDetail> {
  const { report, version, summary, versions } = await loadVersion(deps, actor, reportId, number);
  const narrative = await narrativeOf(deps, actor.municipalityId, version);
  const { document, generatedAt, generatedQuestions } = await documentOf(deps, actor, report, version, narrative);
  return {
    report: summary,
    version: versionSummary(version, await namesFor(deps.db, actor.municipalityId, versions)),
    narrative,
    caseFields: caseFieldsOf(version),
    generatedQuestions,
    document,
    generatedAt: generatedAt.toISOString(),
  };
}

const finalConflict = () => new AppError('CONFLICT', 'This version is final and cannot be changed. Start a new version instead.');

export async function updateNarrative(deps: Deps, actor: UserActor, reportId: string, number: number, input: ReportNarrativeBody): Promise<ReportVersionDetail> {
  const body = ReportNarrativeSchema.parse(input);
  const { version } = await loadVersion(deps, actor, reportId, number);
  if (version.status !== 'draft') throw finalConflict();
  const before = await narrativeOf(deps, actor.municipalityId, version);
  const changed = [
    ...(['summary', 'background', 'assessment', 'proposals'] as const).filter((field) => body[field] !== before[field]),
    ...REPORT_QUESTIONS.filter((question) => body.questions[question] !== before.questions[question]).map((question) => `questions.${question}`),
  ];
  await inTransaction(deps, async (tx) => {
    const updated = await repo.updateDraft(tx, actor.municipalityId, version.id, { narrativeEnc: await deps.keyring.encrypt(tx, actor.municipalityId, NARRATIVE_FIELD, JSON.stringify(body)) });
    if (!updated) throw finalConflict();
    await repo.touchReport(tx, actor.municipalityId, reportId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.narrative.updated', entityType: 'council_report_version', entityId: version.id, details: { reportId, version: number, fields: changed } });
  });
  return getVersion(deps, actor, reportId, number);
}

/** How many years after the report's year its council meeting may be (a report is treated in its year or soon after). */
const MEETING_YEARS_AFTER = 2;

/**
 * Replaces a draft's saksframlegg fields. The meeting date must fall in the report's year or the two
 * years after it. The audit event names the fields that changed (their values are public case data,
 * but the event keeps to names like every other change event).
 */
export async function updateCaseFields(deps: Deps, actor: UserActor, reportId: string, number: number, body: ReportCaseFields): Promise<ReportVersionDetail> {
  const { report, version } = await loadVersion(deps, actor, reportId, number);
  if (version.status !== 'draft') throw finalConflict();
  if (body.meetingDate !== null) {
    const meetingYear = Number(body.meetingDate.slice(0, 4));
    if (meetingYear < report.year || meetingYear > report.year + MEETING_YEARS_AFTER) {
      throw new AppError('VALIDATION_ERROR', `The meeting date must be in ${report.year} or the ${MEETING_YEARS_AFTER} years after.`, [
        { field: 'meetingDate', message: `Choose a date from ${report.year}-01-01 to ${report.year + MEETING_YEARS_AFTER}-12-31.` },
      ]);
    }
  }
  const before = caseFieldsOf(version);
  const changed = (Object.keys(body) as (keyof ReportCaseFields)[]).filter((field) => JSON.stringify(body[field]) !== JSON.stringify(before[field]));
  await inTransaction(deps, async (tx) => {
    const updated = await repo.updateDraft(tx, actor.municipalityId, version.id, { ...body });
    if (!updated) throw finalConflict();
    await repo.touchReport(tx, actor.municipalityId, reportId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.case.updated', entityType: 'council_report_version', entityId: version.id, details: { reportId, version: number, fields: changed } });
  });
  return getVersion(deps, actor, reportId, number);
}

/** Freezes a draft: the document generated now is stored and is from then on what the version is. */
export async function finaliseVersion(deps: Deps, actor: UserActor, reportId: string, number: number): Promise<ReportVersionDetail> {
  const { report, version } = await loadVersion(deps, actor, reportId, number);
  if (version.status !== 'draft') throw finalConflict();
  const narrative = await narrativeOf(deps, actor.municipalityId, version);
  const { document } = await generate(deps.db, actor.municipalityId, report, version, narrative, false);
  await inTransaction(deps, async (tx) => {
    const updated = await repo.updateDraft(tx, actor.municipalityId, version.id, {
      status: 'final',
      snapshotEnc: await deps.keyring.encrypt(tx, actor.municipalityId, SNAPSHOT_FIELD, JSON.stringify(document)),
      finalisedAt: new Date(),
      finalisedByUserId: actor.userId,
    });
    if (!updated) throw finalConflict();
    await repo.touchReport(tx, actor.municipalityId, reportId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.version.finalised', entityType: 'council_report_version', entityId: version.id, details: { reportId, version: number, year: report.year } });
  });
  return getVersion(deps, actor, reportId, number);
}

/** Starts the next version as a draft carrying the latest version's narrative and case fields. One draft at a time. */
export async function createVersion(deps: Deps, actor: UserActor, reportId: string): Promise<ReportVersionDetail> {
  const { versions } = await loadReport(deps, actor, reportId);
  if (versions.some((row) => row.status === 'draft')) throw new AppError('CONFLICT', 'This report already has a draft version. Finish it first.');
  const latest = versions.at(-1);
  if (!latest) throw notFound('The report');
  const narrative = await narrativeOf(deps, actor.municipalityId, latest);
  const number = latest.number + 1;
  await inTransaction(deps, async (tx) => {
    const created = await repo.insertVersion(tx, {
      municipalityId: actor.municipalityId,
      reportId,
      number,
      status: 'draft',
      narrativeEnc: await deps.keyring.encrypt(tx, actor.municipalityId, NARRATIVE_FIELD, JSON.stringify(narrative)),
      ...caseFieldsOf(latest),
      createdByUserId: actor.userId,
    });
    await repo.touchReport(tx, actor.municipalityId, reportId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.version.created', entityType: 'council_report_version', entityId: created.id, details: { reportId, version: number, from: latest.number } });
  });
  return getVersion(deps, actor, reportId, number);
}

export type ExportedFile = { body: Buffer; contentType: string; fileName: string };

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The version as PDF or DOCX, from the same document the web view shows. The export is audited. */
/** `onStep` reports progress to a background download (modules/downloads): 'rendering' once the data is gathered. */
export async function exportVersion(deps: Deps, actor: UserActor, reportId: string, number: number, format: ReportFormat, onStep?: (step: 'rendering') => Promise<void>): Promise<ExportedFile> {
  const { report, version } = await loadVersion(deps, actor, reportId, number);
  const narrative = await narrativeOf(deps, actor.municipalityId, version);
  const { document, generatedAt } = await documentOf(deps, actor, report, version, narrative);
  const printable = await printableReport(deps.db, actor.municipalityId, document, version, generatedAt);
  await onStep?.('rendering');
  const body = format === 'pdf' ? await renderPdf(printable, { createdAt: generatedAt }) : await renderDocx(printable, { createdAt: generatedAt });
  await inTransaction(deps, async (tx) => {
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'report.exported', entityType: 'council_report_version', entityId: version.id, details: { reportId, version: number, format, status: version.status } });
  });
  const prefix = report.language === 'en' ? 'council-report' : 'kommunestyrerapport';
  const suffix = version.status === 'draft' ? (report.language === 'en' ? '-draft' : '-utkast') : '';
  return { body, contentType: CONTENT_TYPES[format], fileName: `${prefix}-${report.year}-v${number}${suffix}.${format}` };
}
