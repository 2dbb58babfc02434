/**
 * Hyphenation for text that must fit a box: chart labels here, table cells in the server's documents.
 */

const VOWELS = /[aeiouyæøåáàâäéèêëíìîïóòôöúùûüýœ]/i;
const LETTER = /\p{L}/u;
/** Consonant pairs read as one sound in Norwegian and English; never split them. */
const CLUSTERS = new Set(['sj', 'kj', 'tj', 'gj', 'hj', 'skj', 'ch', 'sh', 'th', 'ph', 'ck']);

/**
 * Places where a word may be hyphenated: before the consonant (or consonant cluster like "kj")
 * that starts a syllable, at least two letters from the start and three from the end, and after
 * a hyphen the word already has. A heuristic for Norwegian and English, used only for words that
 * do not fit their column at all; it never produces a break without a hyphen.
 */
export function hyphenationPoints(word: string): number[] {
  const chars = [...word];
  const points: number[] = [];
  const isVowel = (char: string | undefined): boolean => char !== undefined && VOWELS.test(char);
  const isConsonant = (char: string | undefined): boolean => char !== undefined && LETTER.test(char) && !VOWELS.test(char);
  for (let index = 2; index <= chars.length - 3; index += 1) {
    if (chars[index - 1] === '-') {
      points.push(index);
      continue;
    }
    // index is the first letter of a new syllable: a consonant followed by a vowel, after a vowel somewhere before.
    if (!isConsonant(chars[index]) || !isVowel(chars[index + 1])) continue;
    if (!chars.slice(0, index).some(isVowel)) continue;
    let start = index;
    // Keep "kj", "skj", "th" and the like together.
    for (const length of [3, 2]) {
      const cluster = chars.slice(index - length + 1, index + 1).join('').toLowerCase();
      if (CLUSTERS.has(cluster)) {
        start = index - length + 1;
        break;
      }
    }
    if (start >= 2 && chars.slice(0, start).some(isVowel) && !points.includes(start)) points.push(start);
  }
  return points;
}

/** Measures the width of a piece of text in the renderer's units. */
export type MeasureText = (text: string) => number;

/**
 * Splits one word into pieces that each fit `width` with a trailing hyphen, at hyphenation points
 * where possible; only if a single syllable is still too wide is it cut, and then also with a hyphen.
 */
export function hyphenateToWidth(word: string, width: number, measure: MeasureText): string[] {
  if (measure(word) <= width) return [word];
  const chars = [...word];
  const points = hyphenationPoints(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const rest = chars.slice(start).join('');
    if (measure(rest) <= width) {
      pieces.push(rest);
      break;
    }
    const withHyphen = (end: number): string => {
      const piece = chars.slice(start, end).join('');
      return piece.endsWith('-') ? piece : `${piece}-`;
    };
    const fitting = points.filter((point) => point > start && measure(withHyphen(point)) <= width);
    let end = fitting.at(-1);
    if (end === undefined) {
      // No syllable boundary fits: cut at the last letter that fits, still marked with a hyphen.
      end = start + 1;
      while (end + 1 < chars.length && measure(withHyphen(end + 1)) <= width) end += 1;
    }
    pieces.push(withHyphen(end));
    start = end;
  }
  return pieces;
}

/**
 * Breaks text into lines no wider than `width`: words wrap at spaces, and a word longer than a
 * whole line is hyphenated (hyphenateToWidth). Existing line breaks are kept.
 */
export function breakLines(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (measure(candidate) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      const pieces = hyphenateToWidth(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
    }
    lines.push(current);
  }
  return lines;
}
