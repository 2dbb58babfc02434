import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { ContentArticle } from '@lykt/content/knowledge';
import { schema, type Database } from '@lykt/db';
import { formatContentSource, markdownPlainText, type ArticleLang } from '@lykt/shared';

export type ContentArticleRow = typeof schema.knowledgeContentArticle.$inferSelect;
export type MunicipalArticleRow = typeof schema.knowledgeArticle.$inferSelect;
export type ArticleVersionRow = typeof schema.knowledgeArticleVersion.$inferSelect;

/** The PostgreSQL text-search configuration of a staff language (both exist in PostgreSQL and PGlite). */
export const searchConfig = (lang: ArticleLang): 'norwegian' | 'english' => (lang === 'nb' ? 'norwegian' : 'english');

/** The weighted search vector of an article: title A, summary B, body (as plain text) C. */
export function searchVector(lang: ArticleLang, text: { title: string; summary: string; body: string }): SQL {
  const config = searchConfig(lang);
  return sql`setweight(to_tsvector(${config}::regconfig, ${text.title}), 'A') || setweight(to_tsvector(${config}::regconfig, ${text.summary}), 'B') || setweight(to_tsvector(${config}::regconfig, ${markdownPlainText(text.body)}), 'C')`;
}

/** Brings the shipped-article table in line with the content files: new and changed versions written, removed ones deleted. */
export async function syncContentArticles(db: Database, articles: readonly ContentArticle[]): Promise<number> {
  const existing = await db.select({ slug: schema.knowledgeContentArticle.slug, lang: schema.knowledgeContentArticle.lang, version: schema.knowledgeContentArticle.version, body: schema.knowledgeContentArticle.body }).from(schema.knowledgeContentArticle);
  const known = new Map(existing.map((row) => [`${row.slug}.${row.lang}`, row]));
  let written = 0;
  for (const article of articles) {
    const row = known.get(`${article.slug}.${article.lang}`);
    known.delete(`${article.slug}.${article.lang}`);
    if (row && row.version === article.version && row.body === article.body) continue;
    const values = {
      slug: article.slug,
      lang: article.lang,
      version: article.version,
      kind: article.kind,
      title: article.title,
      summary: article.summary,
      body: article.body,
      services: [...article.services],
      forms: [...article.forms],
      sources: article.sources.map(formatContentSource),
      search: searchVector(article.lang, article),
      syncedAt: new Date(),
    };
    const { slug: _slug, lang: _lang, ...changes } = values;
    await db
      .insert(schema.knowledgeContentArticle)
      .values(values as unknown as typeof schema.knowledgeContentArticle.$inferInsert)
      .onConflictDoUpdate({ target: [schema.knowledgeContentArticle.slug, schema.knowledgeContentArticle.lang], set: changes });
    written += 1;
  }
  for (const gone of known.values()) {
    await db.delete(schema.knowledgeContentArticle).where(and(eq(schema.knowledgeContentArticle.slug, gone.slug), eq(schema.knowledgeContentArticle.lang, gone.lang)));
    written += 1;
  }
  return written;
}

export type ArticleFilter = { lang: ArticleLang; q?: string | undefined; service?: string | undefined; form?: string | undefined };
export type RankedContentRow = Omit<ContentArticleRow, 'search' | 'body' | 'syncedAt'> & { rank: number | null };
export type RankedMunicipalRow = Omit<MunicipalArticleRow, 'search' | 'body'> & { rank: number | null };

const query = (filter: ArticleFilter) => sql`websearch_to_tsquery(${searchConfig(filter.lang)}::regconfig, ${filter.q ?? ''})`;

/** Shipped articles in a language that the municipality has not overridden, filtered and ranked. */
export async function searchContentArticles(db: Database, municipalityId: string, filter: ArticleFilter): Promise<RankedContentRow[]> {
  const t = schema.knowledgeContentArticle;
  const overridden = sql`exists (select 1 from ${schema.knowledgeArticle} ka where ka.municipality_id = ${municipalityId} and ka.slug = ${t.slug} and ka.lang = ${t.lang} and ka.archived_at is null)`;
  const conditions: SQL[] = [eq(t.lang, filter.lang), sql`not ${overridden}`];
  if (filter.service) conditions.push(sql`${filter.service} = any(${t.services})`);
  if (filter.form) conditions.push(sql`${filter.form} = any(${t.forms})`);
  if (filter.q) conditions.push(sql`${t.search} @@ ${query(filter)}`);
  return db
    .select({ slug: t.slug, lang: t.lang, version: t.version, kind: t.kind, title: t.title, summary: t.summary, services: t.services, forms: t.forms, sources: t.sources, rank: filter.q ? sql<number>`ts_rank(${t.search}, ${query(filter)})` : sql<null>`null` })
    .from(t)
    .where(and(...conditions))
    .orderBy(asc(t.title));
}

/** The municipality's own and overriding articles in a language, filtered and ranked. Empty services means "all services". */
export async function searchMunicipalArticles(db: Database, municipalityId: string, filter: ArticleFilter): Promise<RankedMunicipalRow[]> {
  const t = schema.knowledgeArticle;
  const conditions: SQL[] = [eq(t.municipalityId, municipalityId), eq(t.lang, filter.lang), isNull(t.archivedAt)];
  if (filter.service) conditions.push(sql`(cardinality(${t.services}) = 0 or ${filter.service} = any(${t.services}))`);
  if (filter.form) conditions.push(sql`${filter.form} = any(${t.forms})`);
  if (filter.q) conditions.push(sql`${t.search} @@ ${query(filter)}`);
  const { search: _search, body: _body, ...columns } = schema.knowledgeArticle;
  return db
    .select({
      id: columns.id,
      municipalityId: columns.municipalityId,
      slug: columns.slug,
      lang: columns.lang,
      source: columns.source,
      kind: columns.kind,
      title: columns.title,
      summary: columns.summary,
      services: columns.services,
      forms: columns.forms,
      contentVersion: columns.contentVersion,
      version: columns.version,
      createdAt: columns.createdAt,
      updatedAt: columns.updatedAt,
      updatedByUserId: columns.updatedByUserId,
      archivedAt: columns.archivedAt,
      rank: filter.q ? sql<number>`ts_rank(${t.search}, ${query(filter)})` : sql<null>`null`,
    })
    .from(t)
    .where(and(...conditions))
    .orderBy(asc(t.title));
}

export async function findContentArticle(db: Database, slug: string, lang: ArticleLang): Promise<ContentArticleRow | null> {
  const [row] = await db
    .select()
    .from(schema.knowledgeContentArticle)
    .where(and(eq(schema.knowledgeContentArticle.slug, slug), eq(schema.knowledgeContentArticle.lang, lang)))
    .limit(1);
  return row ?? null;
}

/** The municipality's row for a slug and language, withdrawn or not. */
export async function findMunicipalArticle(db: Database, municipalityId: string, slug: string, lang: ArticleLang): Promise<MunicipalArticleRow | null> {
  const t = schema.knowledgeArticle;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.slug, slug), eq(t.lang, lang)))
    .limit(1);
  return row ?? null;
}

export type ArticleText = { title: string; summary: string; body: string; services: string[]; forms: string[] };

export async function insertMunicipalArticle(
  tx: Database,
  municipalityId: string,
  values: ArticleText & { slug: string; lang: ArticleLang; source: 'override' | 'municipal'; kind: string; contentVersion: number | null; userId: string },
): Promise<MunicipalArticleRow> {
  const [row] = await tx
    .insert(schema.knowledgeArticle)
    .values({
      municipalityId,
      slug: values.slug,
      lang: values.lang,
      source: values.source,
      kind: values.kind,
      title: values.title,
      summary: values.summary,
      body: values.body,
      services: values.services,
      forms: values.forms,
      contentVersion: values.contentVersion,
      version: 1,
      search: searchVector(values.lang, values),
      updatedByUserId: values.userId,
    })
    .returning();
  if (!row) throw new Error('article insert returned nothing');
  return row;
}

/** Writes a new current text (and un-withdraws the row); the caller records the version row. */
export async function updateMunicipalArticle(
  tx: Database,
  municipalityId: string,
  row: MunicipalArticleRow,
  values: ArticleText & { contentVersion: number | null; userId: string },
): Promise<MunicipalArticleRow> {
  const [updated] = await tx
    .update(schema.knowledgeArticle)
    .set({
      title: values.title,
      summary: values.summary,
      body: values.body,
      services: values.services,
      forms: values.forms,
      contentVersion: values.contentVersion,
      version: row.version + 1,
      search: searchVector(row.lang as ArticleLang, values),
      updatedAt: new Date(),
      updatedByUserId: values.userId,
      archivedAt: null,
    })
    .where(and(eq(schema.knowledgeArticle.municipalityId, municipalityId), eq(schema.knowledgeArticle.id, row.id)))
    .returning();
  if (!updated) throw new Error('article update returned nothing');
  return updated;
}

/** Withdraws a municipal text (an override then stops applying); the version number moves on. */
export async function archiveMunicipalArticle(tx: Database, municipalityId: string, row: MunicipalArticleRow, userId: string): Promise<MunicipalArticleRow> {
  const [updated] = await tx
    .update(schema.knowledgeArticle)
    .set({ archivedAt: new Date(), updatedAt: new Date(), updatedByUserId: userId, version: row.version + 1 })
    .where(and(eq(schema.knowledgeArticle.municipalityId, municipalityId), eq(schema.knowledgeArticle.id, row.id)))
    .returning();
  if (!updated) throw new Error('article archive returned nothing');
  return updated;
}

export async function insertArticleVersion(
  tx: Database,
  municipalityId: string,
  row: MunicipalArticleRow,
  change: 'created' | 'updated' | 'reverted',
  userId: string,
): Promise<void> {
  await tx.insert(schema.knowledgeArticleVersion).values({
    municipalityId,
    articleId: row.id,
    version: row.version,
    change,
    title: row.title,
    summary: row.summary,
    body: row.body,
    services: row.services,
    forms: row.forms,
    changedByUserId: userId,
  });
}

export async function findArticleVersions(db: Database, municipalityId: string, articleId: string): Promise<ArticleVersionRow[]> {
  const t = schema.knowledgeArticleVersion;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.articleId, articleId)))
    .orderBy(sql`${t.version} desc, ${t.changedAt} desc`);
}
