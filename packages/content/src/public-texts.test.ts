import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '@lykt/shared';
import { loadPublicNumbers, loadPublicTexts, PUBLIC_TEXT_FILES, PublicTextsSchema } from './public-texts';

/** Every string leaf of a texts object, by path. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  return [];
}

describe('public texts', () => {
  it.each(LANGUAGE_CODES)('%s is complete and valid', (code) => {
    const parsed = PublicTextsSchema.safeParse(PUBLIC_TEXT_FILES[code]);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
  });

  it('all 14 languages load, each with its own code, and say how they were translated and whether a native speaker reviewed them', () => {
    const texts = loadPublicTexts();
    expect(Object.keys(texts).sort()).toEqual([...LANGUAGE_CODES].sort());
    for (const code of LANGUAGE_CODES) {
      const meta = texts[code].meta;
      expect(meta.code).toBe(code);
      expect(typeof meta.translation.reviewedByNativeSpeaker).toBe('boolean');
      // Honest labels: only bokmål is the original; nothing has been reviewed by a native speaker yet.
      expect(meta.translation.method).toBe(code === 'nb' ? 'original' : 'machine');
      expect(meta.translation.reviewedByNativeSpeaker).toBe(false);
    }
    expect(texts.ar.meta.dir).toBe('rtl');
    expect(LANGUAGE_CODES.filter((code) => texts[code].meta.dir === 'rtl')).toEqual(['ar']);
  });

  it('every language has the same shape as bokmål (same keys, same list lengths) and is actually translated', () => {
    const texts = loadPublicTexts();
    const shape = (code: (typeof LANGUAGE_CODES)[number]) => leaves(texts[code]).map(([path]) => path).filter((path) => !path.startsWith('meta'));
    const reference = shape('nb');
    for (const code of LANGUAGE_CODES) {
      expect(shape(code), code).toEqual(reference);
    }
    const english = new Map(leaves(texts.en));
    for (const code of LANGUAGE_CODES.filter((code) => code !== 'en')) {
      const same = leaves(texts[code]).filter(([path, value]) => !path.startsWith('meta') && english.get(path) === value && value.length > 12);
      expect(same.map(([path]) => path), `${code} copies English`).toEqual([]);
    }
  });

  it('no text carries markup (texts are escaped when rendered, markup would show as text)', () => {
    for (const code of LANGUAGE_CODES) {
      for (const [path, value] of leaves(loadPublicTexts()[code])) expect(value, `${code}.${path}`).not.toMatch(/<[a-z/]/i);
    }
  });

  it('national numbers validate', () => {
    expect(loadPublicNumbers('NO')).toMatchObject({ emergency: '112', police: '02800' });
  });
});
