/** Search params of the new-case page: where the case comes from. */
export interface NewCaseSearch {
  sourceKind?: 'concern' | 'tip' | undefined;
  sourceId?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only a well-formed source; anything else opens a case directly. */
export function parseNewCaseSearch(search: Record<string, unknown>): NewCaseSearch {
  const kind = search.sourceKind;
  const id = search.sourceId;
  if ((kind === 'concern' || kind === 'tip') && typeof id === 'string' && UUID.test(id)) return { sourceKind: kind, sourceId: id };
  return {};
}
