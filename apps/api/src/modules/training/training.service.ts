import { contentArticle, routineTexts, trainingModule, trainingModules } from '@lykt/content/knowledge';
import {
  OWN_ROUTINE_SLUG,
  type ArticleLang,
  type Attempt,
  type AttemptResult,
  type Completion,
  type Coverage,
  type SubmitAttemptBody,
  type TrainingModule,
  type TrainingModuleSource,
  type TrainingModuleSummary,
  type TrainingSettings,
  type TrainingSettingsBody,
  todayInNorway,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { renderPdf } from '../../platform/documents/render';
import { AppError, notFound } from '../../platform/errors';
import { findMunicipality } from '../municipality/municipality.repository';
import { documentLogo } from '../municipality/municipality.service';
import { buildCertificateDocument } from './certificate.document';
import { computeCoverage } from './training.coverage';
import { followCoverage } from './training.plan-links';
import { ATTEMPT_HOURS, audienceOf, drawQuestions, isModuleFor, moduleOrThrow, scoreAnswers, trainingStatus, validUntil } from './training.logic';
import * as repo from './training.repository';

/** A module with the municipality's pass score and refresh period applied. */
export type EffectiveModule = TrainingModuleSource & { passScore: number; refreshMonths: number; isDefault: boolean };

export async function effectiveModules(deps: Deps, municipalityId: string): Promise<EffectiveModule[]> {
  const settings = await repo.findSettings(deps.db, municipalityId);
  return trainingModules().map((module) => {
    const setting = settings.find((row) => row.moduleKey === module.key);
    return { ...module, passScore: setting?.passScore ?? module.quiz.passScore, refreshMonths: setting?.refreshMonths ?? module.refreshMonths, isDefault: !setting };
  });
}

async function effectiveModule(deps: Deps, municipalityId: string, key: string): Promise<EffectiveModule> {
  const module = (await effectiveModules(deps, municipalityId)).find((candidate) => candidate.key === key);
  if (!module) throw notFound('The training module');
  return module;
}

export function presentCompletion(row: repo.CompletionRow, lang: ArticleLang): Completion {
  return {
    id: row.id,
    moduleKey: row.moduleKey,
    moduleVersion: row.moduleVersion,
    moduleTitle: trainingModule(row.moduleKey)?.title[lang] ?? row.moduleKey,
    score: row.score,
    completedAt: row.completedAt.toISOString(),
    validUntil: row.validUntil,
  };
}

function summarise(module: EffectiveModule, actor: UserActor, kind: string, completions: repo.CompletionRow[], lang: ArticleLang, today: string): TrainingModuleSummary {
  const mine = completions.filter((row) => row.moduleKey === module.key);
  const latest = mine.reduce<repo.CompletionRow | null>((best, row) => (!best || row.validUntil > best.validUntil ? row : best), null);
  return {
    key: module.key,
    version: module.version,
    title: module.title[lang],
    description: module.description[lang],
    services: module.services,
    lessonCount: module.lessons.length,
    questionsPerAttempt: module.quiz.questionsPerAttempt,
    passScore: module.passScore,
    refreshMonths: module.refreshMonths,
    isForMe: isModuleFor(module, actor.role, kind),
    status: trainingStatus(latest?.validUntil ?? null, today),
    lastCompletion: latest ? presentCompletion(latest, lang) : null,
  };
}

/** Every module with the actor's status; the ones meant for the actor's role and organisation first. */
/** Whether a module is training due for the user: meant for them and not (validly) completed. The home count and the list's `due=me` filter both use this. */
export function isDueForMe(module: TrainingModuleSummary): boolean {
  return module.isForMe && module.status !== 'completed';
}

export async function findModules(deps: Deps, actor: UserActor, lang: ArticleLang, filter: { dueForMe?: boolean } = {}): Promise<{ items: TrainingModuleSummary[] }> {
  const [modules, completions, kind] = await Promise.all([
    effectiveModules(deps, actor.municipalityId),
    repo.findCompletions(deps.db, actor.municipalityId, { userId: actor.userId }),
    repo.findOrganisationKind(deps.db, actor.municipalityId, actor.organisationId),
  ]);
  const today = todayInNorway();
  const items = modules.map((module) => summarise(module, actor, kind ?? 'other', completions, lang, today));
  items.sort((a, b) => Number(b.isForMe) - Number(a.isForMe));
  return { items: filter.dueForMe ? items.filter(isDueForMe) : items };
}

/** One module with its lessons (titles as the municipality shows them). */
export async function getModule(deps: Deps, actor: UserActor, key: string, lang: ArticleLang): Promise<TrainingModule> {
  moduleOrThrow(key);
  const [module, completions, kind] = await Promise.all([
    effectiveModule(deps, actor.municipalityId, key),
    repo.findCompletions(deps.db, actor.municipalityId, { userId: actor.userId, moduleKey: key }),
    repo.findOrganisationKind(deps.db, actor.municipalityId, actor.organisationId),
  ]);
  const routine = routineTexts();
  const lessons = module.lessons.map((slug) => {
    if (slug === OWN_ROUTINE_SLUG) return { slug, title: routine.title[lang], summary: routine.summary[lang] };
    const article = contentArticle(slug, lang);
    return { slug, title: article?.title ?? slug, summary: article?.summary ?? '' };
  });
  return { ...summarise(module, actor, kind ?? 'other', completions, lang, todayInNorway()), lessons };
}

/** Starts a quiz attempt: questions drawn from the bank, options shuffled, and never which one is correct. */
export async function startAttempt(deps: Deps, actor: UserActor, key: string, lang: ArticleLang): Promise<Attempt> {
  moduleOrThrow(key);
  const module = await effectiveModule(deps, actor.municipalityId, key);
  const drawn = drawQuestions(module.quiz.bank, module.quiz.questionsPerAttempt);
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertAttempt(tx, actor.municipalityId, { userId: actor.userId, moduleKey: key, moduleVersion: module.version, lang, questions: drawn, passScore: module.passScore });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.attempt.started', entityType: 'training_attempt', entityId: created.id, details: { moduleKey: key, moduleVersion: module.version, questions: drawn.length } });
    return created;
  });
  return {
    id: row.id,
    moduleKey: key,
    moduleVersion: module.version,
    lang,
    startedAt: row.startedAt.toISOString(),
    passScore: row.passScore,
    questions: drawn.map((item) => {
      const question = module.quiz.bank.find((candidate) => candidate.id === item.id);
      return {
        id: item.id,
        text: question?.text[lang] ?? '',
        options: item.options.map((optionId) => ({ id: optionId, text: question?.options.find((option) => option.id === optionId)?.text[lang] ?? '' })),
      };
    }),
  };
}

/** Scores a submitted attempt on the server; a pass records a completion valid for the refresh period. */
export async function submitAttempt(deps: Deps, actor: UserActor, attemptId: string, body: SubmitAttemptBody): Promise<AttemptResult> {
  const attempt = await repo.findAttempt(deps.db, actor.municipalityId, actor.userId, attemptId);
  if (!attempt) throw notFound('The attempt');
  if (attempt.submittedAt) throw new AppError('CONFLICT', 'This attempt has already been submitted. Start a new one.');
  if (Date.now() - attempt.startedAt.getTime() > ATTEMPT_HOURS * 3_600_000) throw new AppError('CONFLICT', 'This attempt has expired. Start a new one.');
  const module = await effectiveModule(deps, actor.municipalityId, attempt.moduleKey);
  if (module.version !== attempt.moduleVersion) throw new AppError('CONFLICT', 'The module has changed since the attempt started. Start a new one.');
  const scored = scoreAnswers(attempt.questions, module.quiz.bank, body.answers);
  if (!scored.ok) throw new AppError('VALIDATION_ERROR', `Check the field "${scored.problems[0]?.field}": ${scored.problems[0]?.message}.`, scored.problems);
  const passed = scored.score >= attempt.passScore;
  const completedAt = new Date();
  const completion = await inTransaction(deps, async (tx) => {
    const answers = Object.fromEntries(scored.questions.map((question) => [question.id, question.chosenOptionId]));
    if (!(await repo.submitAttemptRow(tx, actor.municipalityId, attempt.id, { answers, score: scored.score, passed }))) throw new AppError('CONFLICT', 'This attempt has already been submitted. Start a new one.');
    const created = passed
      ? await repo.insertCompletion(tx, actor.municipalityId, {
          userId: actor.userId,
          organisationId: actor.organisationId,
          moduleKey: attempt.moduleKey,
          moduleVersion: attempt.moduleVersion,
          score: scored.score,
          completedAt,
          validUntil: validUntil(completedAt, module.refreshMonths),
          attemptId: attempt.id,
        })
      : null;
    if (created) {
      const municipality = await findMunicipality(tx, actor.municipalityId);
      await followCoverage(tx, actor.municipalityId, attempt.moduleKey, municipality?.settings.defaultLanguage === 'en' ? 'en' : 'nb');
    }
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'training.attempt.submitted',
      entityType: 'training_attempt',
      entityId: attempt.id,
      details: { moduleKey: attempt.moduleKey, moduleVersion: attempt.moduleVersion, score: scored.score, passed, completionId: created?.id ?? null },
    });
    return created;
  });
  const lang = attempt.lang as ArticleLang;
  return {
    attemptId: attempt.id,
    score: scored.score,
    passScore: attempt.passScore,
    passed,
    questions: scored.questions.map((result) => {
      const question = module.quiz.bank.find((candidate) => candidate.id === result.id);
      const order = attempt.questions.find((item) => item.id === result.id)?.options ?? [];
      return {
        ...result,
        text: question?.text[lang] ?? '',
        options: order.map((optionId) => {
          const option = question?.options.find((candidate) => candidate.id === optionId);
          return { id: optionId, text: option?.text[lang] ?? '', explanation: option?.explanation[lang] ?? '' };
        }),
      };
    }),
    completion: completion ? presentCompletion(completion, lang) : null,
  };
}

/** The actor's own completions, newest first. */
export async function findMyCompletions(deps: Deps, actor: UserActor, lang: ArticleLang): Promise<{ items: Completion[] }> {
  const rows = await repo.findCompletions(deps.db, actor.municipalityId, { userId: actor.userId });
  return { items: rows.map((row) => presentCompletion(row, lang)) };
}

/** The certificate of one of the actor's own completions as a PDF (someone else's is not found). */
export async function getCertificatePdf(deps: Deps, actor: UserActor, completionId: string, lang: ArticleLang): Promise<{ pdf: Buffer; fileName: string }> {
  const row = await repo.findCompletion(deps.db, actor.municipalityId, completionId);
  if (!row || row.userId !== actor.userId) throw notFound('The completion');
  const [municipality, staff] = await Promise.all([findMunicipality(deps.db, actor.municipalityId), repo.findStaff(deps.db, actor.municipalityId)]);
  const organisationName = staff.find((person) => person.organisationId === row.organisationId)?.organisationName ?? '';
  const document = buildCertificateDocument({
    lang,
    municipalityName: municipality?.name ?? '',
    personName: actor.name,
    organisationName,
    moduleTitle: trainingModule(row.moduleKey)?.title[lang] ?? row.moduleKey,
    moduleVersion: row.moduleVersion,
    score: row.score,
    completedAt: row.completedAt,
    validUntil: row.validUntil,
    reference: row.id.slice(0, 8).toUpperCase(),
  });
  const logo = municipality ? documentLogo(municipality) : undefined;
  const pdf = await renderPdf(logo ? { ...document, logo } : document, { createdAt: row.completedAt });
  await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.certificate.downloaded', entityType: 'training_completion', entityId: row.id, details: { moduleKey: row.moduleKey } }));
  return { pdf, fileName: `lykt-certificate-${row.moduleKey}.pdf` };
}

/** Coverage of a module for the coordinator, with the named list of who is due (that read is audited). */
export async function getCoverage(deps: Deps, actor: UserActor, key: string, lang: ArticleLang): Promise<Coverage> {
  const module = moduleOrThrow(key);
  const [staff, completions, municipality] = await Promise.all([
    repo.findStaff(deps.db, actor.municipalityId),
    repo.findCompletions(deps.db, actor.municipalityId, { moduleKey: key }),
    findMunicipality(deps.db, actor.municipalityId),
  ]);
  const today = todayInNorway();
  const coverage = computeCoverage(audienceOf(staff, module), completions, today);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.coverage.viewed', entityType: 'training_module', entityId: key, details: { due: coverage.due.length } }),
  );
  return { moduleKey: key, moduleTitle: module.title[lang], asOf: today, suppressionThreshold: municipality?.settings.suppressionThreshold ?? 5, ...coverage };
}

function presentSettings(module: EffectiveModule): TrainingSettings {
  return { moduleKey: module.key, passScore: module.passScore, refreshMonths: module.refreshMonths, isDefault: module.isDefault };
}

export async function findSettings(deps: Deps, actor: UserActor): Promise<{ items: TrainingSettings[] }> {
  return { items: (await effectiveModules(deps, actor.municipalityId)).map(presentSettings) };
}

/** Sets the municipality's pass score and refresh period for a module (existing completions keep their dates). */
export async function saveSettings(deps: Deps, actor: UserActor, key: string, body: TrainingSettingsBody): Promise<TrainingSettings> {
  moduleOrThrow(key);
  await inTransaction(deps, async (tx) => {
    await repo.upsertSetting(tx, actor.municipalityId, key, { ...body, userId: actor.userId });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.settings.updated', entityType: 'training_module', entityId: key, details: { passScore: body.passScore, refreshMonths: body.refreshMonths } });
  });
  return presentSettings(await effectiveModule(deps, actor.municipalityId, key));
}
