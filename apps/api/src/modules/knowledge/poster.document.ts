import { routineTexts } from '@lykt/content/knowledge';
import { inlineText, parseMarkdown, type ArticleLang, type KnowledgeService, type RoutingCard } from '@lykt/shared';
import type { DocBlock, DocModel } from '../../platform/documents/model';

export type PosterInput = {
  service: KnowledgeService;
  lang: ArticleLang;
  municipalityName: string;
  /** The service's signs article as the municipality shows it (its override when it has one). */
  signsBody: string | null;
  /** The routing card, or null when the actor may not read it. */
  card: RoutingCard | null;
};

/** The bullet points of the first list in an article: the signs to look for. */
export function signsFrom(body: string): string[] {
  const list = parseMarkdown(body).find((block) => block.type === 'list');
  return list?.type === 'list' ? list.items.map(inlineText) : [];
}

/**
 * The one-page "signs and whom to call" for a staff room, per service: the service's signs,
 * the routing card's numbers and the national numbers. No personal data about residents.
 */
export function buildPosterDocument(input: PosterInput): DocModel {
  const texts = routineTexts();
  const { lang } = input;
  const blocks: DocBlock[] = [];
  const signs = input.signsBody ? signsFrom(input.signsBody) : [];
  if (signs.length > 0) blocks.push({ type: 'heading', level: 2, text: texts.poster.signsHeading[lang] }, { type: 'list', items: signs });
  blocks.push({ type: 'paragraph', text: texts.poster.remember[lang] });
  blocks.push({ type: 'heading', level: 2, text: texts.poster.callHeading[lang] });
  const entries = (input.card?.entries ?? []).filter((entry) => entry.phone || entry.contact || entry.organisation);
  if (entries.length === 0) blocks.push({ type: 'paragraph', text: texts.cardMissing[lang] });
  else
    blocks.push({
      type: 'keyValue',
      items: entries.map((entry) => ({
        label: texts.situations[entry.situation][lang],
        value: [entry.contact, entry.organisation?.name, entry.phone].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' – '),
      })),
    });
  blocks.push({ type: 'heading', level: 2, text: texts.poster.nationalHeading[lang] }, { type: 'list', items: texts.poster.national[lang] });
  return {
    title: texts.poster.title[lang],
    subtitle: `${texts.services[input.service][lang]} – ${input.municipalityName}`,
    lang,
    author: input.municipalityName,
    footer: texts.poster.footer[lang],
    blocks,
  };
}
