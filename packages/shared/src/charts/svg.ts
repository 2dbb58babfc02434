import type { ChartDefinition } from './chart';
import { breakLines } from './hyphenation';

/**
 * The chart drawn as plain shapes: one layout for every output. The web app turns it into
 * React SVG elements, the server into an SVG string (renderChartSvg, rasterised for DOCX) and
 * into vector drawing in the PDF. Deterministic: the same definition and size give the same
 * shapes, coordinates rounded to two decimals, no randomness, no clock, no locale lookups
 * beyond the formatNumber the caller passes.
 */
export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; role: 'bar' | 'legend' | 'frame' }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash?: string; role: 'grid' | 'axis' | 'suppressed' }
  | { kind: 'polyline'; points: Array<[number, number]>; stroke: string; strokeWidth: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string }
  | {
      kind: 'text';
      x: number;
      /** Alphabetic baseline. */
      y: number;
      text: string;
      anchor: 'start' | 'middle' | 'end';
      size: number;
      weight: 400 | 700;
      fill: string;
      role: 'tick' | 'category' | 'legend' | 'value' | 'suppressed';
      /** Degrees, clockwise, around (x, y); set on category labels too long to stand level. */
      rotate?: number;
    };

export type ChartLayout = {
  width: number;
  height: number;
  titleId: string;
  descId: string;
  title: string;
  description: string;
  shapes: ChartShape[];
  /** Height under the plot taken by the category labels; a document may give a chart more height when it is large. */
  labelRoom: number;
};

export type ChartRenderOptions = {
  width: number;
  height: number;
  /** Formats axis ticks and value labels; defaults to String. Pass the page's Intl.NumberFormat. */
  formatNumber?: (value: number) => string;
  /** Drawn where a value is withheld (suppressed); the chart's note should explain it. Default "*". */
  suppressedMarker?: string;
  /** Font family written into the SVG. */
  fontFamily?: string;
};

/**
 * Series colours: each has at least 4.5:1 contrast against white (so it also passes as text and
 * non-text contrast, WCAG 1.4.3/1.4.11) and they stay distinguishable for the common colour-vision
 * deficiencies in order of use. The table beside the chart carries every value in text.
 */
export const CHART_COLOURS = ['#1f5d99', '#b34700', '#2e7d32', '#6a3d9a', '#8a5a00', '#a3214f'] as const;
const INK = '#1d2939';
const MUTED = '#475467';
const GRID = '#d0d5dd';
const FONT_SIZE = 12;
const SMALL = 11;
/** Slant of category labels that cannot stand level, in degrees. */
const SLANT = 40;

const round = (value: number): number => Math.round(value * 100) / 100;

/** Inter's average advance is close to 0.56 em for mixed text; good enough to fit labels. */
export function estimateTextWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}

/**
 * Wraps a label into at most maxLines lines of maxWidth: words wrap at spaces and a word wider
 * than a line is hyphenated, never cut without a hyphen. Only a label that needs more lines than
 * allowed ends in "…" (the chart's data table always has the whole text).
 */
function fitLines(text: string, maxWidth: number, size: number, maxLines: number): string[] {
  const measure = (part: string): number => estimateTextWidth(part, size);
  const lines = breakLines(text.trim(), maxWidth, measure).filter(Boolean);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}…`;
  while (last.length > 1 && measure(last) > maxWidth) last = `${last.slice(0, -2).replace(/[-\s]+$/, '')}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least value / count: readable ticks. */
export function niceStep(maximum: number, count = 5): number {
  if (!(maximum > 0)) return 1;
  const raw = maximum / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

function valueMaximum(definition: ChartDefinition): number {
  if (definition.max !== undefined && definition.max > 0) return definition.max;
  let maximum = 0;
  if (definition.kind === 'stacked_bar') {
    definition.categories.forEach((_, index) => {
      const sum = definition.series.reduce((total, series) => total + Math.max(0, series.values[index] ?? 0), 0);
      maximum = Math.max(maximum, sum);
    });
  } else {
    for (const series of definition.series) for (const value of series.values) if (value !== null && value !== undefined) maximum = Math.max(maximum, value);
  }
  if (maximum <= 0) return 1;
  const step = niceStep(maximum);
  return Math.ceil(maximum / step) * step;
}

/** Lays the chart out in a width x height box. */
export function layoutChart(definition: ChartDefinition, options: ChartRenderOptions): ChartLayout {
  const width = Math.max(160, options.width);
  const height = Math.max(120, options.height);
  const format = options.formatNumber ?? String;
  const marker = options.suppressedMarker ?? '*';
  const shapes: ChartShape[] = [];
  const seriesCount = Math.max(1, definition.series.length);
  const categories = definition.categories;

  // Legend (only when there is more than one series): swatch + label, items side by side in rows.
  // A long series name wraps onto a second line (the whole width is its room) rather than being
  // cut short; only a name longer than two lines ends in "…" (the data table has it whole).
  let legendBottom = 0;
  if (definition.series.length > 1) {
    const lineHeight = 14;
    let x = 0;
    let rowTop = 0;
    let rowHeight = 18;
    for (const [index, series] of definition.series.entries()) {
      const lines = fitLines(series.label, width - 18 - 16, SMALL, 2);
      const itemWidth = 18 + Math.max(0, ...lines.map((line) => estimateTextWidth(line, SMALL))) + 16;
      if (x > 0 && x + itemWidth > width) {
        x = 0;
        rowTop += rowHeight;
        rowHeight = 18;
      }
      rowHeight = Math.max(rowHeight, 18 + (lines.length - 1) * lineHeight);
      shapes.push({ kind: 'rect', x: round(x), y: round(rowTop + 2), width: 12, height: 12, fill: CHART_COLOURS[index % CHART_COLOURS.length] ?? INK, role: 'legend' });
      for (const [number, line] of lines.entries()) {
        shapes.push({ kind: 'text', x: round(x + 18), y: round(rowTop + 12 + number * lineHeight), text: line, anchor: 'start', size: SMALL, weight: 400, fill: INK, role: 'legend' });
      }
      x += itemWidth;
    }
    legendBottom = rowTop + rowHeight + 6;
  }

  const maximum = valueMaximum(definition);
  const step = niceStep(maximum);
  const ticks: number[] = [];
  for (let tick = 0; tick <= maximum + step / 1000; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  const tickLabelWidth = Math.max(...ticks.map((tick) => estimateTextWidth(format(tick), SMALL)));

  const tickRoom = Math.ceil(tickLabelWidth + 10);
  const plotRight = width - 8;
  // A bar chart writes each value above its bar: the plot leaves a line of room for the tallest.
  const valueRoom = definition.kind === 'bar' ? SMALL + 4 : 0;
  const plotTop = legendBottom + 8 + valueRoom;
  // Category labels stand level under their bar in up to three lines. If one would need more (many
  // long area names), all are written whole on one slanted line instead, never cut short; the
  // plot gives up the room below and, for the first label's tail, on the left.
  const levelSlot = Math.max(1, plotRight - tickRoom) / Math.max(1, categories.length);
  const levelLines = categories.map((category) => fitLines(category, levelSlot - 6, SMALL, 99));
  const slanted = levelLines.some((lines) => lines.length > 3);
  const longest = Math.max(0, ...categories.map((category) => estimateTextWidth(category, SMALL)));
  const maxSlantedWidth = height * 0.9;
  const slantedWidth = Math.min(longest, maxSlantedWidth);
  const cos = Math.cos((SLANT * Math.PI) / 180);
  const sin = Math.sin((SLANT * Math.PI) / 180);
  const plotLeft = slanted ? Math.max(tickRoom, Math.ceil(slantedWidth * cos - levelSlot / 2 + 4)) : tickRoom;
  const slot = Math.max(1, plotRight - plotLeft) / Math.max(1, categories.length);
  const categoryLines = slanted ? categories.map((category) => fitLines(category, maxSlantedWidth, SMALL, 1)) : levelLines;
  const labelRows = Math.max(1, ...categoryLines.map((lines) => lines.length));
  const plotBottom = slanted ? height - Math.ceil(slantedWidth * sin + SMALL + 12) : height - (labelRows * 13 + 14);
  const plotHeight = Math.max(1, plotBottom - plotTop);
  const yOf = (value: number): number => round(plotBottom - (Math.min(Math.max(value, 0), maximum) / maximum) * plotHeight);

  for (const tick of ticks) {
    const y = yOf(tick);
    shapes.push({ kind: 'line', x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick === 0 ? MUTED : GRID, strokeWidth: 1, role: tick === 0 ? 'axis' : 'grid' });
    shapes.push({ kind: 'text', x: plotLeft - 6, y: round(y + 4), text: format(tick), anchor: 'end', size: SMALL, weight: 400, fill: MUTED, role: 'tick' });
  }

  const centre = (index: number): number => round(plotLeft + slot * index + slot / 2);
  for (const [index, lines] of categoryLines.entries()) {
    if (slanted) {
      const line = lines[0] ?? '';
      shapes.push({ kind: 'text', x: round(centre(index) + 4), y: round(plotBottom + 14), text: line, anchor: 'end', size: SMALL, weight: 400, fill: INK, role: 'category', rotate: -SLANT });
      continue;
    }
    lines.forEach((line, lineIndex) => {
      shapes.push({ kind: 'text', x: centre(index), y: round(plotBottom + 15 + lineIndex * 13), text: line, anchor: 'middle', size: SMALL, weight: 400, fill: INK, role: 'category' });
    });
  }

  const suppressedAt = (x: number): void => {
    shapes.push({ kind: 'line', x1: round(x - 5), y1: plotBottom - 3, x2: round(x + 5), y2: plotBottom - 3, stroke: INK, strokeWidth: 1.5, dash: '2 2', role: 'suppressed' });
    shapes.push({ kind: 'text', x: round(x), y: round(plotBottom - 7), text: marker, anchor: 'middle', size: FONT_SIZE, weight: 700, fill: INK, role: 'suppressed' });
  };

  const displayOf = (seriesIndex: number, index: number, value: number): string => definition.series[seriesIndex]?.display?.[index] ?? format(value);

  if (definition.kind === 'bar') {
    const groupWidth = slot * 0.72;
    const barWidth = groupWidth / seriesCount;
    definition.series.forEach((series, seriesIndex) => {
      const colour = CHART_COLOURS[seriesIndex % CHART_COLOURS.length] ?? INK;
      categories.forEach((_, index) => {
        const x = plotLeft + slot * index + (slot - groupWidth) / 2 + barWidth * seriesIndex;
        const value = series.values[index];
        if (value === null || value === undefined) {
          suppressedAt(x + barWidth / 2);
          return;
        }
        const top = yOf(value);
        shapes.push({ kind: 'rect', x: round(x + 1), y: top, width: round(Math.max(1, barWidth - 2)), height: round(Math.max(0, plotBottom - top)), fill: colour, role: 'bar' });
        const label = displayOf(seriesIndex, index, value);
        // One series: a value may be as wide as its category's slot (it cannot reach the next
        // one's); several: as wide as its own bar, which its neighbours' values stand beside.
        const labelRoom = seriesCount === 1 ? slot - 4 : barWidth + 2;
        if (estimateTextWidth(label, SMALL) <= labelRoom && top - 4 - SMALL >= legendBottom) {
          shapes.push({ kind: 'text', x: round(x + barWidth / 2), y: round(top - 4), text: label, anchor: 'middle', size: SMALL, weight: 400, fill: INK, role: 'value' });
        }
      });
    });
  } else if (definition.kind === 'stacked_bar') {
    const barWidth = slot * 0.6;
    categories.forEach((_, index) => {
      const x = plotLeft + slot * index + (slot - barWidth) / 2;
      let base = 0;
      let withheld = false;
      definition.series.forEach((series, seriesIndex) => {
        const value = series.values[index];
        if (value === null || value === undefined) {
          withheld = true;
          return;
        }
        if (value <= 0) return;
        const top = yOf(base + value);
        const bottom = yOf(base);
        shapes.push({ kind: 'rect', x: round(x), y: top, width: round(barWidth), height: round(Math.max(0, bottom - top)), fill: CHART_COLOURS[seriesIndex % CHART_COLOURS.length] ?? INK, role: 'bar' });
        base += value;
      });
      if (withheld) {
        const top = yOf(base);
        shapes.push({ kind: 'text', x: round(x + barWidth / 2), y: round(top - 4), text: marker, anchor: 'middle', size: FONT_SIZE, weight: 700, fill: INK, role: 'suppressed' });
      }
    });
  } else {
    definition.series.forEach((series, seriesIndex) => {
      const colour = CHART_COLOURS[seriesIndex % CHART_COLOURS.length] ?? INK;
      let run: Array<[number, number]> = [];
      const flush = (): void => {
        if (run.length > 1) shapes.push({ kind: 'polyline', points: run, stroke: colour, strokeWidth: 2 });
        run = [];
      };
      categories.forEach((_, index) => {
        const value = series.values[index];
        if (value === null || value === undefined) {
          flush();
          suppressedAt(centre(index));
          return;
        }
        run.push([centre(index), yOf(value)]);
      });
      flush();
      categories.forEach((_, index) => {
        const value = series.values[index];
        if (value === null || value === undefined) return;
        shapes.push({ kind: 'circle', cx: centre(index), cy: yOf(value), r: 3, fill: '#ffffff', stroke: colour });
      });
    });
  }

  const safeId = definition.id.replace(/[^A-Za-z0-9_-]/g, '-');
  return {
    width,
    height,
    titleId: `${safeId}-title`,
    descId: `${safeId}-desc`,
    title: definition.title,
    description: definition.description ?? '',
    shapes,
    labelRoom: round(height - plotBottom),
  };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function shapeSvg(shape: ChartShape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"/>`;
    case 'line':
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${shape.dash ? ` stroke-dasharray="${shape.dash}"` : ''}/>`;
    case 'polyline':
      return `<polyline points="${shape.points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}" stroke-linejoin="round"/>`;
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="2"/>`;
    case 'text':
      return `<text x="${shape.x}" y="${shape.y}" text-anchor="${shape.anchor}" font-size="${shape.size}"${shape.weight === 700 ? ' font-weight="700"' : ''} fill="${shape.fill}"${shape.rotate ? ` transform="rotate(${shape.rotate} ${shape.x} ${shape.y})"` : ''}>${escapeXml(shape.text)}</text>`;
  }
}

/**
 * The chart as a standalone, accessible SVG document: role="img" named by its <title> and
 * described by its <desc>; withheld values drawn as gaps with a marker. The data table
 * (chartTable) must stand beside it wherever it is shown.
 */
export function renderChartSvg(definition: ChartDefinition, options: ChartRenderOptions): string {
  const layout = layoutChart(definition, options);
  const family = options.fontFamily ?? 'Inter, system-ui, sans-serif';
  const describedBy = layout.description ? ` aria-describedby="${layout.descId}"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="${layout.titleId}"${describedBy} font-family="${escapeXml(family)}">`,
    `<title id="${layout.titleId}">${escapeXml(layout.title)}</title>`,
    layout.description ? `<desc id="${layout.descId}">${escapeXml(layout.description)}</desc>` : '',
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    ...layout.shapes.map(shapeSvg),
    '</svg>',
  ].join('');
}
