import type { OverlapTable } from '@lykt/mse';
import { normalisePersonName } from '@lykt/shared';
import { AppError } from '../../platform/errors';

/**
 * Record linkage for prevalence lists without names. Each person becomes a few normalised
 * variant keys; the server turns each key into a keyed pseudonym (HMAC) and forgets the key.
 * Two records are the same person when any pseudonym is shared. See docs/PREVALENCE.md for
 * the variants and the expected false-match rate.
 */

export type ListPerson = {
  name: string;
  /** 'YYYY-MM-DD', or 'YYYY' when only the year is known. */
  birth: string;
};

/**
 * A typo-tolerant skeleton of a normalised name: each word keeps its first letter, then drops
 * vowels (and y, h, w) and collapses repeated letters. "Mohammed Ali" and "Muhamed Aly" agree.
 */
export function nameSkeleton(normalised: string): string {
  return normalised
    .split(' ')
    .map((word) => (word[0] ?? '') + word.slice(1).replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1'))
    .sort()
    .join(' ');
}

/** The variant keys of one person: exact and skeleton name, each with the birth date and, when the day could be a month, with day and month swapped. */
export function personVariants(person: ListPerson): string[] {
  const name = normalisePersonName(person.name);
  const names = [...new Set([name, `~${nameSkeleton(name)}`])];
  const births = [person.birth];
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(person.birth);
  if (date && date[2] !== date[3] && Number(date[3]) <= 12) births.push(`${date[1]}-${date[3]}-${date[2]}`);
  // Sex and nationality are not part of the key: services code them differently, and a
  // mismatch would hide a true link; name and birth date carry almost all the power.
  return names.flatMap((n) => births.map((b) => `${n}|${b}`));
}

const COLUMN_ALIASES: Record<string, 'name' | 'date_of_birth' | 'year_of_birth' | 'sex' | 'nationality'> = {
  name: 'name',
  navn: 'name',
  date_of_birth: 'date_of_birth',
  fodselsdato: 'date_of_birth',
  year_of_birth: 'year_of_birth',
  fodselsar: 'year_of_birth',
  sex: 'sex',
  kjonn: 'sex',
  nationality: 'nationality',
  nasjonalitet: 'nationality',
};

/**
 * Reads a list CSV. Error messages name the line and column, never the value: the file holds
 * identifying data and messages may be logged or shown.
 */
export function parseListCsv(text: string): { people: ListPerson[]; skipped: number } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0);
  const header = lines[0];
  if (header === undefined) throw new AppError('VALIDATION_ERROR', 'The list file is empty.');
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';
  const split = (line: string) => line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
  const columns = split(header).map((column) => COLUMN_ALIASES[column.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/\s+/g, '_')] ?? null);
  if (!columns.includes('name')) throw new AppError('VALIDATION_ERROR', 'The list needs a column "name".');
  if (!columns.includes('date_of_birth') && !columns.includes('year_of_birth')) throw new AppError('VALIDATION_ERROR', 'The list needs a column "date_of_birth" or "year_of_birth".');
  const people: ListPerson[] = [];
  let skipped = 0;
  lines.slice(1).forEach((line, index) => {
    const cells = split(line);
    const value = (column: string) => {
      const at = columns.indexOf(column as never);
      return at >= 0 ? (cells[at] ?? '') : '';
    };
    const name = value('name');
    let birth = value('date_of_birth');
    if (birth !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(birth)) {
      const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(birth);
      if (!dotted) throw new AppError('VALIDATION_ERROR', `Line ${index + 2}: the date of birth must be YYYY-MM-DD or DD.MM.YYYY.`);
      birth = `${dotted[3]}-${(dotted[2] ?? '').padStart(2, '0')}-${(dotted[1] ?? '').padStart(2, '0')}`;
    }
    if (birth === '') birth = value('year_of_birth');
    if (birth !== '' && !/^\d{4}(-\d{2}-\d{2})?$/.test(birth)) throw new AppError('VALIDATION_ERROR', `Line ${index + 2}: the year of birth must be four digits.`);
    if (normalisePersonName(name) === '' || birth === '') {
      skipped += 1;
      return;
    }
    people.push({ name, birth });
  });
  return { people, skipped };
}

/** A person on a list, as stored: the list's position in the study, the person's ordinal, and one pseudonym. */
export type Membership = { list: number; person: number; pseudonym: string };

/**
 * Links people across lists (any shared pseudonym joins two records, transitively) and counts
 * each pattern of lists. A person is one connected group of records.
 */
export function overlapTableFrom(listNames: string[], memberships: Membership[]): OverlapTable {
  const ids = new Map<string, number>();
  const parent: number[] = [];
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let node = i; parent[node] !== root; ) {
      const next = parent[node] as number;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const recordOf = (m: Membership) => {
    const key = `${m.list}:${m.person}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = parent.length;
      parent.push(id);
      ids.set(key, id);
    }
    return id;
  };
  const firstWithPseudonym = new Map<string, number>();
  for (const m of memberships) {
    const record = recordOf(m);
    const other = firstWithPseudonym.get(m.pseudonym);
    if (other === undefined) firstWithPseudonym.set(m.pseudonym, record);
    else parent[find(record)] = find(other);
  }
  const patterns = new Map<number, number>();
  for (const [key, id] of ids) {
    const list = Number(key.split(':')[0]);
    const root = find(id);
    patterns.set(root, (patterns.get(root) ?? 0) | (1 << list));
  }
  const counts = new Map<number, number>();
  for (const bits of patterns.values()) counts.set(bits, (counts.get(bits) ?? 0) + 1);
  return {
    lists: listNames,
    rows: [...counts.entries()].sort(([a], [b]) => a - b).map(([bits, count]) => ({ pattern: listNames.map((_, i) => (bits >> i) & 1), count })),
  };
}
