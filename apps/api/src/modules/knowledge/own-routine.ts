import { contentArticle, routineTexts } from '@lykt/content/knowledge';
import { localDate, type ArticleLang, type Pathway, type PathwayCondition, type RoutingCard } from '@lykt/shared';

/** What the actor may see of the live data the routine is built from (null: no access). */
export type RoutineInput = { pathway: Pathway | null; card: RoutingCard | null };

const line = (...parts: Array<string | null | undefined>) => parts.filter((part) => part && part.trim() !== '').join(' – ');

/** "When …" text of a pathway condition, in plain words. */
export function conditionText(when: PathwayCondition, lang: ArticleLang): string {
  const texts = routineTexts().conditions;
  const parts: string[] = [];
  if (when.immediateDanger) parts.push(texts.immediateDanger[lang]);
  if (when.possibleMinor === true) parts.push(texts.possibleMinor[lang]);
  if (when.possibleMinor === false) parts.push(texts.adult[lang]);
  if (when.wantsHelp === 'yes') parts.push(texts.wantsHelp[lang]);
  if (when.wantsHelp === 'no') parts.push(texts.declinesHelp[lang]);
  if (when.minLevel === 'strong_indicators' || (when.minStrong ?? 0) > 0) parts.push(texts.strongIndicators[lang]);
  else if ((when.minAny ?? 0) > 0 || when.minLevel === 'some_indicators' || (when.minMedium ?? 0) > 0) parts.push(texts.anyIndicator[lang]);
  return parts.length === 0 ? texts.always[lang] : parts.join(', ');
}

/**
 * The Markdown body of "the municipality's own routine", built at read time from the routing
 * card and the referral pathway, so it can never be out of date. Pure: the caller loads the data.
 */
export function buildOwnRoutineBody(input: RoutineInput, lang: ArticleLang): string {
  const texts = routineTexts();
  const out: string[] = [texts.intro[lang], ''];
  out.push(`## ${texts.alwaysHeading[lang]}`, '', ...texts.always[lang].map((text) => `- ${text}`), '');
  out.push(`## ${texts.cardHeading[lang]}`, '');
  if (!input.card) out.push(texts.cardHidden[lang]);
  else {
    const filled = input.card.entries.filter((entry) => entry.contact || entry.phone || entry.organisation);
    if (filled.length === 0) out.push(texts.cardMissing[lang]);
    for (const entry of filled) {
      const who = line(entry.contact, entry.organisation?.name, entry.phone ? `**${entry.phone}**` : null);
      out.push(`- **${texts.situations[entry.situation][lang]}**: ${who}${entry.whatToTell ? `. ${texts.tellLabel[lang]}: ${entry.whatToTell}` : ''}`);
    }
    if (input.card.updatedAt) out.push('', `*${texts.updatedLabel[lang]}: ${localDate(new Date(input.card.updatedAt))}*`);
  }
  out.push('', `## ${texts.stepsHeading[lang]}`, '');
  if (!input.pathway) out.push(texts.stepsHidden[lang]);
  else {
    if (input.pathway.isDefault) out.push(texts.defaultNote[lang], '');
    input.pathway.rules.forEach((rule, index) => {
      const contact = input.pathway?.contacts[rule.id];
      const phone = rule.step.phone ?? contact?.phone ?? null;
      const step = `${texts.steps[rule.step.kind][lang]} (${texts.urgencies[rule.step.urgency][lang]})`;
      out.push(`${index + 1}. ${conditionText(rule.when, lang)}: **${step}**${contact || phone ? `: ${line(contact?.name, phone)}` : ''}`);
    });
    if (input.pathway.updatedAt) out.push('', `*${texts.updatedLabel[lang]}: ${localDate(new Date(input.pathway.updatedAt))}*`);
  }
  const talking = contentArticle('talking-with-a-possible-victim', lang);
  if (talking) out.push('', `[${talking.title}](kb:${talking.slug})`);
  return out.join('\n');
}
