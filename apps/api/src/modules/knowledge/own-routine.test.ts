import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHWAY_NO } from '@lykt/content/indicators';
import { internalLinks, parseMarkdown, type Pathway, type RoutingCard } from '@lykt/shared';
import { buildOwnRoutineBody, conditionText } from './own-routine';
import { buildPosterDocument, signsFrom } from './poster.document';

const card: RoutingCard = {
  entries: [
    { situation: 'immediate_danger', contact: 'Politiet', organisation: null, phone: '112', whatToTell: 'Hvor du er' },
    { situation: 'minor', contact: null, organisation: null, phone: null, whatToTell: null },
  ],
  updatedAt: '2026-10-01T10:00:00.000Z',
  updatedBy: 'Kari Koordinator',
};
const pathway: Pathway = { rules: DEFAULT_PATHWAY_NO.rules, isDefault: true, version: 0, updatedAt: null, contacts: {} };

describe('the generated own routine', () => {
  it('lists the filled routing-card lines and every pathway rule in plain words', () => {
    const body = buildOwnRoutineBody({ pathway, card }, 'nb');
    expect(body).toContain('**Noen er i akutt fare**: Politiet – **112**. Fortell: Hvor du er');
    expect(body).not.toContain('Det gjelder et barn');
    expect(body).toContain('nasjonale standardrutinen');
    expect(body).toContain('Sist endret: 2026-10-01');
    const steps = parseMarkdown(body).filter((block) => block.type === 'list' && block.ordered);
    expect(steps[0]?.type === 'list' && steps[0].items).toHaveLength(DEFAULT_PATHWAY_NO.rules.length);
    expect(internalLinks(parseMarkdown(body))).toEqual(['talking-with-a-possible-victim']);
  });

  it('says what the reader may not see instead of showing it', () => {
    const body = buildOwnRoutineBody({ pathway: null, card: null }, 'en');
    expect(body).toContain('The routing card is shown to staff with access to it.');
    expect(body).toContain('The referral pathway is shown to staff with access to it.');
  });

  it('words conditions', () => {
    expect(conditionText({}, 'en')).toBe('Always');
    expect(conditionText({ possibleMinor: true, minAny: 1 }, 'nb')).toBe('Personen kan være under 18 år, Du har sett minst ett tegn');
    expect(conditionText({ possibleMinor: false, minLevel: 'strong_indicators' }, 'en')).toBe('The person is an adult, There are strong signs');
  });
});

describe('the staff-room poster', () => {
  it('takes the signs from the first list of the article and the numbers from the card', () => {
    expect(signsFrom('## A\n\nText\n\n- one **sign**\n- two\n\n## B\n\n- other')).toEqual(['one sign', 'two']);
    const document = buildPosterDocument({ service: 'library', lang: 'en', municipalityName: 'Eksempel kommune', signsBody: '- a sign', card });
    expect(document).toMatchObject({ title: 'Signs of human trafficking – and whom to call', subtitle: 'Libraries – Eksempel kommune', lang: 'en' });
    expect(document.blocks).toContainEqual({ type: 'list', items: ['a sign'] });
    expect(document.blocks).toContainEqual({ type: 'keyValue', items: [{ label: 'Someone is in immediate danger', value: 'Politiet – 112' }] });
  });
});
