import type { MeasureText } from '@lykt/shared';

export { breakLines } from '@lykt/shared';

/**
 * Text fitting shared by the renderers: column widths from a table's content, and hyphenation of
 * words too long for their column, so no word is ever broken without a hyphen.
 */

/**
 * Column widths from content: every column gets at least the width of its longest word (so words
 * are not cut) and the rest of the table width is shared by how much more each column's longest
 * cell needs. If even the longest words do not fit side by side, columns shrink in proportion and
 * the long words are hyphenated. `padding` is the cell's inner horizontal padding, both sides together.
 */
export function columnWidths(rows: string[][], columns: number, total: number, measure: MeasureText, padding: number): number[] {
  const longestWord = Array.from({ length: columns }, () => 0);
  const longestCell = Array.from({ length: columns }, () => 0);
  for (const row of rows) {
    for (let index = 0; index < columns; index += 1) {
      const text = row[index] ?? '';
      const words = text.split(/\s+/).filter(Boolean);
      longestWord[index] = Math.max(longestWord[index] ?? 0, ...words.map(measure));
      longestCell[index] = Math.max(longestCell[index] ?? 0, ...text.split('\n').map(measure));
    }
  }
  // A single very long word must not take the whole table: cap what one column may claim.
  const cap = columns > 1 ? total * 0.45 : total;
  const minimum = longestWord.map((width) => Math.min(cap, width + padding) + 1);
  const natural = longestCell.map((width, index) => Math.max(minimum[index] ?? 0, width + padding + 1));
  const naturalSum = natural.reduce((sum, width) => sum + width, 0);
  if (naturalSum <= total) {
    // Everything fits on one line: share the slack in proportion to the natural widths.
    return natural.map((width) => (width / naturalSum) * total);
  }
  const minimumSum = minimum.reduce((sum, width) => sum + width, 0);
  if (minimumSum >= total) {
    // Not even the longest words fit side by side: columns of short words keep their width, and
    // what is left is shared equally by the columns with long words, which get hyphenated.
    const widths = [...minimum];
    let remaining = total;
    let open = minimum.map((_, index) => index).sort((a, b) => (minimum[a] ?? 0) - (minimum[b] ?? 0));
    while (open.length > 0) {
      const fair = remaining / open.length;
      const [smallest] = open;
      if (smallest === undefined || (minimum[smallest] ?? 0) > fair) {
        for (const index of open) widths[index] = fair;
        break;
      }
      widths[smallest] = minimum[smallest] ?? 0;
      remaining -= widths[smallest] ?? 0;
      open = open.slice(1);
    }
    return widths;
  }
  const wants = natural.map((width, index) => width - (minimum[index] ?? 0));
  const wantSum = wants.reduce((sum, width) => sum + width, 0);
  const slack = total - minimumSum;
  return minimum.map((width, index) => width + (wantSum > 0 ? ((wants[index] ?? 0) / wantSum) * slack : slack / columns));
}
