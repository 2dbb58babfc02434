import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nb } from './nb';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a text tree as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : leaves(value, path);
  });
}

describe('i18n resources', () => {
  const nbLeaves = leaves(nb);
  const enLeaves = leaves(en);

  it('have the same keys in Norwegian Bokmål and English', () => {
    const nbKeys = nbLeaves.map(([key]) => key).sort();
    const enKeys = enLeaves.map(([key]) => key).sort();
    expect(enKeys).toEqual(nbKeys);
  });

  it('have no empty texts', () => {
    const empty = [...nbLeaves.map(([key, text]) => ['nb', key, text]), ...enLeaves.map(([key, text]) => ['en', key, text])]
      .filter(([, , text]) => !text?.trim())
      .map(([language, key]) => `${language}:${key}`);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const enByKey = new Map(enLeaves);
    const mismatched = nbLeaves
      .filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(enByKey.get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
