/**
 * A small, safe Markdown subset for knowledge articles. Articles are written by content authors
 * and by coordinators in the web app, so nothing is ever passed through as HTML: the parser
 * returns a tree of text nodes that the web renders as React elements and the server lays out
 * in PDFs. Supported: headings (##, ###), paragraphs, bullet and numbered lists, quotes (>),
 * **strong**, *emphasis* and links [text](target) where target is `kb:<slug>` (another article),
 * `https://…`, `tel:…` or `mailto:…`. Anything else is shown as plain text.
 */
export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'em'; text: string }
  | { type: 'link'; text: string; href: string; internal: boolean };

export type MdBlock =
  | { type: 'heading'; level: 2 | 3; content: MdInline[] }
  | { type: 'paragraph'; content: MdInline[] }
  | { type: 'list'; ordered: boolean; items: MdInline[][] }
  | { type: 'quote'; content: MdInline[] };

const SAFE_LINK = /^(kb:[a-z0-9-]+|https:\/\/[^\s)]+|tel:\+?[0-9]+|mailto:[^\s)]+)$/;
const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits one line of text into inline nodes. Unsafe link targets become plain text. */
export function parseInline(text: string): MdInline[] {
  const nodes: MdInline[] = [];
  let last = 0;
  const push = (node: MdInline) => {
    const previous = nodes[nodes.length - 1];
    if (node.type === 'text' && previous?.type === 'text') previous.text += node.text;
    else if (node.type !== 'text' || node.text !== '') nodes.push(node);
  };
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    push({ type: 'text', text: text.slice(last, index) });
    const [whole, strong, em, label, href] = match;
    if (strong !== undefined) push({ type: 'strong', text: strong });
    else if (em !== undefined) push({ type: 'em', text: em });
    else if (label !== undefined && href !== undefined && SAFE_LINK.test(href)) push({ type: 'link', text: label, href, internal: href.startsWith('kb:') });
    else push({ type: 'text', text: label ?? whole });
    last = index + whole.length;
  }
  push({ type: 'text', text: text.slice(last) });
  return nodes;
}

const HEADING = /^(#{2,3})\s+(.+)$/;
const BULLET = /^[-*]\s+(.+)$/;
const NUMBERED = /^\d+[.)]\s+(.+)$/;
const QUOTE = /^>\s?(.*)$/;

/** Parses an article body into blocks. A level-1 heading is read as level 2 (the page title is the h1). */
export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    if (quote.length > 0) blocks.push({ type: 'quote', content: parseInline(quote.join(' ')) });
    paragraph = [];
    list = null;
    quote = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^#\s+(.+)$/.exec(line) ?? HEADING.exec(line);
    if (heading) {
      flush();
      const level = heading.length === 3 && heading[1] === '###' ? 3 : 2;
      blocks.push({ type: 'heading', level, content: parseInline(heading[heading.length - 1] ?? '') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const text = (bullet ?? numbered)?.[1] ?? '';
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(text);
      continue;
    }
    const quoted = QUOTE.exec(line);
    if (quoted) {
      if (paragraph.length > 0 || list) flush();
      quote.push(quoted[1] ?? '');
      continue;
    }
    if (list) {
      // A continuation line of the last list item.
      const items: string[] = list.items;
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line}`;
      continue;
    }
    if (quote.length > 0) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** The plain text of inline nodes (for PDFs, search and summaries). */
export function inlineText(nodes: readonly MdInline[]): string {
  return nodes.map((node) => node.text).join('');
}

/** Every internal article slug an article links to, in order of first appearance. */
export function internalLinks(blocks: readonly MdBlock[]): string[] {
  const slugs: string[] = [];
  const visit = (nodes: readonly MdInline[]) => {
    for (const node of nodes) if (node.type === 'link' && node.internal && !slugs.includes(node.href.slice(3))) slugs.push(node.href.slice(3));
  };
  for (const block of blocks) {
    if (block.type === 'list') block.items.forEach(visit);
    else visit(block.content);
  }
  return slugs;
}

/** The whole article as plain text, one block per line (used for the search index). */
export function markdownPlainText(source: string): string {
  return parseMarkdown(source)
    .map((block) => (block.type === 'list' ? block.items.map(inlineText).join('\n') : inlineText(block.content)))
    .join('\n');
}
