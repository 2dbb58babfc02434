import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nb } from './nb';

function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

const ALL = [...strings(nb, 'nb'), ...strings(en, 'en')];
const offending = (pattern: RegExp) => ALL.filter(([, text]) => pattern.test(text)).map(([path]) => path);

/**
 * The staff app's own texts (next steps, hints) are held to the same corrections as the content in
 * packages/content (issue 12): a frontline worker acts on them.
 */
describe('staff app texts keep the corrected facts', () => {
  it('never say ROSA itself gives legal or health help', () => {
    expect(offending(/ROSA[^.]{0,80}(?:med juridisk hjelp og helsehjelp|with legal and health help)/)).toEqual([]);
  });

  it('never say exploiting a child is always trafficking', () => {
    expect(offending(/alltid menneskehandel|always (?:human )?trafficking/i)).toEqual([]);
  });

  it('never advise an interpreter from the person’s circle', () => {
    expect(offending(/tolk (?:de|hen|personen) stoler på|egen tolk|their own interpreter|an interpreter (?:they|the person) trusts?/i)).toEqual([]);
  });

  it('never give an A-krim centre as a police contact, nor make the labour step an either-or with A-krim', () => {
    expect(offending(/politi[^.]{0,40}\(A-krim\)|police[^.]{0,40}\(A-krim\)|Arbeidstilsynet eller a-krimsenteret|Labour Inspection(?: Authority)? or the A-krim/i)).toEqual([]);
  });

  it('tie the reflection period to no police report for the municipality’s help', () => {
    const reflection = [nb.identification.stepKinds.explain_reflection_period.body, en.identification.stepKinds.explain_reflection_period.body];
    expect(reflection[0]).toMatch(/aldri av en anmeldelse/);
    expect(reflection[1]).toMatch(/never depends on a police report/);
  });
});
