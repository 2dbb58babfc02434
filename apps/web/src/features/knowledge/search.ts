import { ARTICLE_KINDS, ARTICLE_SORTS, EXPLOITATION_FORMS, KNOWLEDGE_SERVICES, type ArticleKind, type ArticleSort, type ExploitationForm, type KnowledgeService } from '@lykt/shared';

/** Search words and filters of the knowledge base, kept in the address so they can be shared. */
export interface KnowledgeSearch {
  q?: string | undefined;
  service?: KnowledgeService | undefined;
  form?: ExploitationForm | undefined;
  kind?: ArticleKind | undefined;
  sort?: ArticleSort | undefined;
}

/** The module shown on the coverage page. */
export interface CoverageSearch {
  module?: string | undefined;
}

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

export function parseKnowledgeSearch(search: Record<string, unknown>): KnowledgeSearch {
  return {
    q: text(search.q, 200),
    service: oneOf(KNOWLEDGE_SERVICES, search.service),
    form: oneOf(EXPLOITATION_FORMS, search.form),
    kind: oneOf(ARTICLE_KINDS, search.kind),
    sort: oneOf(ARTICLE_SORTS, search.sort),
  };
}

export function parseCoverageSearch(search: Record<string, unknown>): CoverageSearch {
  const module = text(search.module, 80);
  return { module: module && /^[a-z0-9-]+$/.test(module) ? module : undefined };
}
