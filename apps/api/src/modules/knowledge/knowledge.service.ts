import { contentArticle, contentArticles, routineTexts } from '@lykt/content/knowledge';
import type { Database } from '@lykt/db';
import {
  can,
  OWN_ROUTINE_SLUG,
  type Article,
  type ArticleBody,
  type ArticleKind,
  type ArticleLang,
  type ArticleList,
  type ArticleListQuery,
  type ArticleSummary,
  type ArticleVersion,
  type CreateArticleBody,
  type ExploitationForm,
  type KnowledgeService,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { renderPdf } from '../../platform/documents/render';
import { getRoutingCard } from '../cooperation/cooperation.service';
import { findMunicipality } from '../municipality/municipality.repository';
import { getPathway } from '../pathway/pathway.service';
import { userNames } from '../plans/plans.repository';
import * as repo from './knowledge.repository';
import { buildOwnRoutineBody } from './own-routine';
import { buildPosterDocument } from './poster.document';

const indexed = new WeakMap<object, Promise<number>>();

/**
 * Makes sure the shipped articles are in the search table (once per database handle and
 * process; cheap when nothing changed). Called before every read, so a new release's texts
 * are searchable without a separate step.
 */
export function ensureContentIndexed(db: Database): Promise<number> {
  let pending = indexed.get(db);
  if (!pending) {
    pending = repo.syncContentArticles(db, contentArticles());
    pending.catch(() => indexed.delete(db));
    indexed.set(db, pending);
  }
  return pending;
}

const fieldError = (field: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ field, message }]);
const canEdit = (actor: UserActor) => can(actor.role, 'knowledge:write');

function summaryFromContent(row: repo.RankedContentRow): ArticleSummary {
  return {
    slug: row.slug,
    lang: row.lang as ArticleLang,
    kind: row.kind as ArticleKind,
    source: 'content',
    title: row.title,
    summary: row.summary,
    services: row.services as KnowledgeService[],
    forms: row.forms as ExploitationForm[],
    version: row.version,
    rank: row.rank,
    updatedAt: null,
  };
}

function summaryFromMunicipal(row: repo.RankedMunicipalRow): ArticleSummary {
  return {
    slug: row.slug,
    lang: row.lang as ArticleLang,
    kind: row.kind as ArticleKind,
    source: row.source === 'override' ? 'override' : 'municipal',
    title: row.title,
    summary: row.summary,
    services: row.services as KnowledgeService[],
    forms: row.forms as ExploitationForm[],
    version: row.version,
    rank: row.rank,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function ownRoutineSummary(lang: ArticleLang): ArticleSummary {
  const texts = routineTexts();
  return { slug: OWN_ROUTINE_SLUG, lang, kind: 'routine', source: 'generated', title: texts.title[lang], summary: texts.summary[lang], services: [], forms: [], version: texts.version, rank: null, updatedAt: null };
}

/**
 * Whether the generated routine (not in the search index: it is built at read time) matches the
 * search words: every word of three letters or more starts a word of its title or summary.
 */
export function routineMatchesWords(text: string, q: string): boolean {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const candidates = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && words.every((word) => candidates.some((candidate) => candidate.startsWith(word)));
}

const KIND_ORDER: Record<ArticleKind, number> = { routine: 0, basics: 1, signs: 2, conversation: 3, law: 4, rights: 5, local: 6 };

/**
 * The order of the list: the chosen sort (title, or last change by the municipality, where
 * shipped and generated texts, which have none, come last), else relevance when searched, else
 * kind and title. Ties fall back to the title and then the slug, so the order is stable.
 */
function articleOrder(query: ArticleListQuery, searched: boolean): (a: ArticleSummary, b: ArticleSummary) => number {
  const byTitle = (a: ArticleSummary, b: ArticleSummary) => a.title.localeCompare(b.title, query.lang) || a.slug.localeCompare(b.slug);
  const sort = query.sort;
  if (sort === 'title' || sort === '-title') return (a, b) => (sort === 'title' ? byTitle(a, b) : byTitle(b, a));
  if (sort === 'updated' || sort === '-updated') {
    const direction = sort === 'updated' ? 1 : -1;
    return (a, b) => {
      if (a.updatedAt === b.updatedAt) return byTitle(a, b);
      if (a.updatedAt === null) return 1;
      if (b.updatedAt === null) return -1;
      return direction * a.updatedAt.localeCompare(b.updatedAt) || byTitle(a, b);
    };
  }
  return (a, b) => (searched ? (b.rank ?? 0) - (a.rank ?? 0) : 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byTitle(a, b);
}

/** Articles in one language: shipped (unless overridden), the municipality's own, and the generated routine. Ranked when searched. */
export async function findArticles(deps: Deps, actor: UserActor, query: ArticleListQuery): Promise<ArticleList> {
  await ensureContentIndexed(deps.db);
  const filter = { lang: query.lang, q: query.q?.trim() || undefined, service: query.service, form: query.form };
  const [shipped, own] = await Promise.all([repo.searchContentArticles(deps.db, actor.municipalityId, filter), repo.searchMunicipalArticles(deps.db, actor.municipalityId, filter)]);
  const items = [...shipped.map(summaryFromContent), ...own.map(summaryFromMunicipal)];
  const routine = ownRoutineSummary(query.lang);
  const routineMatches = !filter.form && (!filter.q || routineMatchesWords(`${routine.title} ${routine.summary}`, filter.q));
  if (routineMatches) items.push({ ...routine, rank: filter.q ? 0 : null });
  const listed = query.kind ? items.filter((item) => item.kind === query.kind) : items;
  listed.sort(articleOrder(query, Boolean(filter.q)));
  return { items: listed };
}

async function ownRoutine(deps: Deps, actor: UserActor, lang: ArticleLang): Promise<Article> {
  const [pathway, card] = await Promise.all([
    can(actor.role, 'pathway:read') ? getPathway(deps, actor) : Promise.resolve(null),
    can(actor.role, 'routing:read') ? getRoutingCard(deps, actor) : Promise.resolve(null),
  ]);
  const stamps = [pathway?.updatedAt, card?.updatedAt].filter((stamp): stamp is string => typeof stamp === 'string').sort();
  return {
    ...ownRoutineSummary(lang),
    body: buildOwnRoutineBody({ pathway, card }, lang),
    sources: [],
    updatedAt: stamps[stamps.length - 1] ?? null,
    contentVersion: null,
    contentUpdated: false,
    can: { edit: false, revert: false },
  };
}

/** One article as the actor reads it: the municipality's text when it has one, else the shipped one. */
export async function getArticle(deps: Deps, actor: UserActor, slug: string, lang: ArticleLang): Promise<Article> {
  if (slug === OWN_ROUTINE_SLUG) return ownRoutine(deps, actor, lang);
  await ensureContentIndexed(deps.db);
  const [own, shipped] = await Promise.all([repo.findMunicipalArticle(deps.db, actor.municipalityId, slug, lang), repo.findContentArticle(deps.db, slug, lang)]);
  if (own && !own.archivedAt) {
    return {
      ...summaryFromMunicipal({ ...own, rank: null }),
      body: own.body,
      sources: shipped?.sources ?? [],
      updatedAt: own.updatedAt.toISOString(),
      contentVersion: own.contentVersion,
      contentUpdated: shipped !== null && own.contentVersion !== null && shipped.version > own.contentVersion,
      can: { edit: canEdit(actor), revert: canEdit(actor) },
    };
  }
  if (!shipped) throw notFound('The article');
  return {
    ...summaryFromContent({ ...shipped, rank: null }),
    body: shipped.body,
    sources: shipped.sources,
    updatedAt: null,
    contentVersion: shipped.version,
    contentUpdated: false,
    can: { edit: canEdit(actor), revert: false },
  };
}

function textOf(body: ArticleBody): repo.ArticleText {
  return { title: body.title, summary: body.summary, body: body.body, services: [...new Set(body.services)], forms: [...new Set(body.forms)] };
}

/** Adds an article of the municipality's own. The address must not be taken by a shipped or active article. */
export async function createArticle(deps: Deps, actor: UserActor, body: CreateArticleBody): Promise<Article> {
  await ensureContentIndexed(deps.db);
  if (body.slug === OWN_ROUTINE_SLUG || contentArticles().some((article) => article.slug === body.slug)) throw fieldError('slug', 'This address belongs to a shipped article; change that article instead.');
  const existing = await repo.findMunicipalArticle(deps.db, actor.municipalityId, body.slug, body.lang);
  if (existing && !existing.archivedAt) throw new AppError('CONFLICT', 'An article with this address already exists in this language.', [{ field: 'slug', message: 'Taken' }]);
  await inTransaction(deps, async (tx) => {
    const row = existing
      ? await repo.updateMunicipalArticle(tx, actor.municipalityId, existing, { ...textOf(body), contentVersion: null, userId: actor.userId })
      : await repo.insertMunicipalArticle(tx, actor.municipalityId, { ...textOf(body), slug: body.slug, lang: body.lang, source: 'municipal', kind: 'local', contentVersion: null, userId: actor.userId });
    await repo.insertArticleVersion(tx, actor.municipalityId, row, 'created', actor.userId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'knowledge.article.created', entityType: 'knowledge_article', entityId: row.id, details: { slug: body.slug, lang: body.lang, version: row.version } });
  });
  return getArticle(deps, actor, body.slug, body.lang);
}

/** Changes a municipal article, or overrides the text of a shipped one. A stale baseVersion answers 409. */
export async function updateArticle(deps: Deps, actor: UserActor, slug: string, body: ArticleBody): Promise<Article> {
  if (slug === OWN_ROUTINE_SLUG) throw new AppError('CONFLICT', 'The own routine is built from the referral pathway and routing card; change those instead.');
  await ensureContentIndexed(deps.db);
  const existing = await repo.findMunicipalArticle(deps.db, actor.municipalityId, slug, body.lang);
  const shipped = contentArticle(slug, body.lang);
  const active = existing && !existing.archivedAt ? existing : null;
  if (!active && !shipped) throw notFound('The article');
  const shownVersion = active ? active.version : (shipped?.version ?? 0);
  if (body.baseVersion !== shownVersion) throw new AppError('CONFLICT', 'The article was changed after you opened it. Reload it and make your change again.', { currentVersion: shownVersion });
  await inTransaction(deps, async (tx) => {
    const contentVersion = active ? active.contentVersion : (shipped?.version ?? null);
    const row = existing
      ? await repo.updateMunicipalArticle(tx, actor.municipalityId, existing, { ...textOf(body), contentVersion, userId: actor.userId })
      : await repo.insertMunicipalArticle(tx, actor.municipalityId, { ...textOf(body), slug, lang: body.lang, source: 'override', kind: shipped?.kind ?? 'local', contentVersion, userId: actor.userId });
    await repo.insertArticleVersion(tx, actor.municipalityId, row, active ? 'updated' : 'created', actor.userId);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'knowledge.article.updated',
      entityType: 'knowledge_article',
      entityId: row.id,
      details: { slug, lang: body.lang, version: row.version, source: row.source },
    });
  });
  return getArticle(deps, actor, slug, body.lang);
}

/** Withdraws the municipality's text: an override falls back to the shipped article, an own article disappears. History stays. */
export async function revertArticle(deps: Deps, actor: UserActor, slug: string, lang: ArticleLang): Promise<{ ok: true }> {
  const existing = await repo.findMunicipalArticle(deps.db, actor.municipalityId, slug, lang);
  if (!existing || existing.archivedAt) throw notFound('The article');
  await inTransaction(deps, async (tx) => {
    const row = await repo.archiveMunicipalArticle(tx, actor.municipalityId, existing, actor.userId);
    await repo.insertArticleVersion(tx, actor.municipalityId, row, 'reverted', actor.userId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'knowledge.article.reverted', entityType: 'knowledge_article', entityId: row.id, details: { slug, lang, version: row.version, source: row.source } });
  });
  return { ok: true };
}

/** Every saved version of the municipality's text for an article, newest first. */
export async function findArticleVersions(deps: Deps, actor: UserActor, slug: string, lang: ArticleLang): Promise<{ items: ArticleVersion[] }> {
  const existing = await repo.findMunicipalArticle(deps.db, actor.municipalityId, slug, lang);
  if (!existing) {
    if (slug === OWN_ROUTINE_SLUG || contentArticle(slug, lang)) return { items: [] };
    throw notFound('The article');
  }
  const rows = await repo.findArticleVersions(deps.db, actor.municipalityId, existing.id);
  const names = await userNames(deps.db, actor.municipalityId, [...new Set(rows.flatMap((row) => (row.changedByUserId ? [row.changedByUserId] : [])))]);
  return {
    items: rows.map((row) => ({
      version: row.version,
      title: row.title,
      summary: row.summary,
      body: row.body,
      changedAt: row.changedAt.toISOString(),
      changedBy: row.changedByUserId ? (names.get(row.changedByUserId) ?? null) : null,
      change: row.change as ArticleVersion['change'],
    })),
  };
}

/** The staff-room poster for a service as a PDF: the service's signs (as the municipality shows them) and whom to call. */
export async function getPosterPdf(deps: Deps, actor: UserActor, service: KnowledgeService, lang: ArticleLang): Promise<{ pdf: Buffer; fileName: string }> {
  const signsArticle = contentArticles().find((article) => article.kind === 'signs' && article.lang === lang && article.services.includes(service));
  const [municipality, signs, card] = await Promise.all([
    findMunicipality(deps.db, actor.municipalityId),
    signsArticle ? getArticle(deps, actor, signsArticle.slug, lang) : Promise.resolve(null),
    can(actor.role, 'routing:read') ? getRoutingCard(deps, actor) : Promise.resolve(null),
  ]);
  if (!municipality) throw notFound('The municipality');
  const document = buildPosterDocument({ service, lang, municipalityName: municipality.name, signsBody: signs?.body ?? null, card });
  return { pdf: await renderPdf(document), fileName: `lykt-${service}-${lang}.pdf` };
}
