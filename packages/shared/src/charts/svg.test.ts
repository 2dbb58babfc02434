import { describe, expect, it } from 'vitest';
import type { ChartDefinition } from './chart';
import { chartTable } from './chart';
import { estimateTextWidth, layoutChart, niceStep, renderChartSvg } from './svg';

/** The size of a value label in the layout (svg.ts SMALL). */
const SMALL_TEXT = 11;

const progress: ChartDefinition = {
  id: 'progress-by-area',
  kind: 'bar',
  title: 'Framdrift per område',
  description: 'Gjennomsnittlig framdrift i prosent for hvert område i planen.',
  categoryLabel: 'Område',
  valueLabel: 'Framdrift (%)',
  categories: ['A Kunnskap', 'B Samarbeid', 'C Forebygging & <tidlig> innsats'],
  series: [{ key: 'progress', label: 'Framdrift', values: [40, 75, 100] }],
  max: 100,
};

const withheld: ChartDefinition = {
  id: 'concerns',
  kind: 'bar',
  title: 'Bekymringer per kvartal',
  categoryLabel: 'Kvartal',
  valueLabel: 'Antall',
  categories: ['K1', 'K2', 'K3', 'K4'],
  series: [{ key: 'count', label: 'Bekymringer', values: [12, null, 8, 0], display: [null, 'færre enn 5', null, null] }],
  note: 'Tall under 5 vises ikke.',
};

describe('renderChartSvg', () => {
  it('is an accessible image named by its title and described by its desc', () => {
    const svg = renderChartSvg(progress, { width: 480, height: 260 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="progress-by-area-title"');
    expect(svg).toContain('aria-describedby="progress-by-area-desc"');
    expect(svg).toContain('<title id="progress-by-area-title">Framdrift per område</title>');
    expect(svg).toContain('<desc id="progress-by-area-desc">Gjennomsnittlig framdrift');
    expect(svg.match(/<rect [^>]*fill="#1f5d99"/g)).toHaveLength(3);
  });

  it('escapes text and never lets markup through', () => {
    const svg = renderChartSvg({ ...progress, title: 'A <script>alert(1)</script> & "x"' }, { width: 480, height: 260 });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(svg).toContain('&lt;tidlig&gt;');
  });

  it('is deterministic', () => {
    expect(renderChartSvg(progress, { width: 480, height: 260 })).toBe(renderChartSvg(progress, { width: 480, height: 260 }));
  });

  it('draws a withheld value as a gap with a marker, not as a bar', () => {
    const layout = layoutChart(withheld, { width: 400, height: 240 });
    const bars = layout.shapes.filter((shape) => shape.kind === 'rect' && shape.role === 'bar');
    expect(bars).toHaveLength(3);
    const markers = layout.shapes.filter((shape) => shape.kind === 'text' && shape.role === 'suppressed');
    expect(markers).toHaveLength(1);
    expect(layout.shapes.some((shape) => shape.kind === 'text' && shape.text === 'færre enn 5')).toBe(false);
    expect(chartTable(withheld).rows[1]).toEqual(['K2', 'færre enn 5']);
  });

  it('breaks a line at a withheld value and formats ticks with the given formatter', () => {
    const line: ChartDefinition = { ...withheld, kind: 'line', series: [{ key: 'a', label: 'A', values: [1000, 2000, null, 3000, 2500] }], categories: ['1', '2', '3', '4', '5'] };
    const layout = layoutChart(line, { width: 400, height: 240, formatNumber: (value) => value.toLocaleString('nb-NO') });
    const lines = layout.shapes.filter((shape) => shape.kind === 'polyline');
    expect(lines).toHaveLength(2);
    const ticks = layout.shapes.filter((shape) => shape.kind === 'text' && shape.role === 'tick').map((shape) => (shape.kind === 'text' ? shape.text : ''));
    expect(ticks).toContain((3000).toLocaleString('nb-NO'));
  });

  it('stacks series and shows a legend when there is more than one', () => {
    const stacked: ChartDefinition = {
      ...withheld,
      kind: 'stacked_bar',
      series: [
        { key: 'done', label: 'Fullført', values: [2, 3, 0, 1] },
        { key: 'open', label: 'Pågår', values: [4, 1, 2, null] },
      ],
    };
    const layout = layoutChart(stacked, { width: 400, height: 240 });
    expect(layout.shapes.filter((shape) => shape.kind === 'rect' && shape.role === 'legend')).toHaveLength(2);
    expect(layout.shapes.filter((shape) => shape.kind === 'rect' && shape.role === 'bar')).toHaveLength(6);
    const highest = Math.min(...layout.shapes.filter((shape) => shape.kind === 'rect' && shape.role === 'bar').map((shape) => (shape.kind === 'rect' ? shape.y : 0)));
    expect(highest).toBeGreaterThanOrEqual(0);
  });

  it('writes long series names in the legend whole, on two lines where needed, and keeps the plot below the legend', () => {
    const long: ChartDefinition = {
      ...withheld,
      kind: 'stacked_bar',
      series: [
        { key: 'a', label: 'Grunnkurs: menneskehandel i kommunen', values: [2, 3, 0, 1] },
        { key: 'b', label: 'Tegn hos barn og familier: skole, barnehage, bibliotek og barnevern', values: [4, 1, 2, null] },
        { key: 'c', label: 'Tegn hos voksne: helse, NAV, flyktningtjeneste og tilsyn', values: [1, 1, 1, 1] },
      ],
    };
    for (const width of [300, 400, 600]) {
      const layout = layoutChart(long, { width, height: 260 });
      const legend = layout.shapes.filter((shape) => shape.kind === 'text' && shape.role === 'legend').map((shape) => (shape.kind === 'text' ? shape : null)).filter((shape) => shape !== null);
      expect(legend.some((shape) => shape.text.endsWith('…')), `${width}: ${legend.map((shape) => shape.text).join(' | ')}`).toBe(false);
      // Every word of every name is in the legend, once the lines are put back together (hyphens at line ends dropped).
      const words = legend.map((shape) => shape.text).join(' ').replace(/- /g, '');
      for (const series of long.series) for (const word of series.label.split(' ')) expect(words, `${width}`).toContain(word);
      for (const shape of legend) expect(shape.x + estimateTextWidth(shape.text, SMALL_TEXT), `${width}: ${shape.text}`).toBeLessThanOrEqual(width);
      const lowestLegend = Math.max(...legend.map((shape) => shape.y));
      const highestBar = Math.min(...layout.shapes.filter((shape) => shape.kind === 'rect' && shape.role === 'bar').map((shape) => (shape.kind === 'rect' ? shape.y : Infinity)));
      expect(highestBar, `${width}`).toBeGreaterThan(lowestLegend);
    }
  });

  it('writes the value of every bar above it, the tallest included, inside the chart', () => {
    const percent: ChartDefinition = { ...progress, categories: ['A', 'B', 'C', 'D', 'E', 'F'], series: [{ key: 'p', label: 'P', values: [49, 12, 100, 70, 85, 33], display: ['49 %', '12 %', '100 %', '70 %', '85 %', '33 %'] }] };
    for (const width of [300, 480]) {
      const layout = layoutChart(percent, { width, height: 220 });
      const values = layout.shapes.filter((shape) => shape.kind === 'text' && shape.role === 'value');
      expect(values.map((shape) => (shape.kind === 'text' ? shape.text : ''))).toEqual(['49 %', '12 %', '100 %', '70 %', '85 %', '33 %']);
      for (const shape of values) if (shape.kind === 'text') expect(shape.y - SMALL_TEXT).toBeGreaterThanOrEqual(0);
    }
  });

  it('survives an empty chart and all-withheld values', () => {
    const empty: ChartDefinition = { ...withheld, categories: [], series: [] };
    expect(renderChartSvg(empty, { width: 300, height: 200 })).toContain('</svg>');
    const none: ChartDefinition = { ...withheld, series: [{ key: 'x', label: 'X', values: [null, null, null, null] }] };
    expect(layoutChart(none, { width: 300, height: 200 }).shapes.filter((shape) => shape.kind === 'text' && shape.role === 'suppressed')).toHaveLength(4);
  });

  it('slants labels that would need more than three lines, whole on one line, and shortens only one longer than the room', () => {
    const long: ChartDefinition = { ...progress, categories: ['Et svært langt områdenavn som ikke får plass under en smal søyle i det hele tatt'], series: [{ key: 'p', label: 'P', values: [10] }] };
    const labels = layoutChart(long, { width: 200, height: 200 }).shapes.filter((shape) => shape.kind === 'text' && shape.role === 'category');
    expect(labels).toHaveLength(1);
    const [label] = labels;
    expect(label?.kind === 'text' && label.rotate).toBe(-40);
    expect(label?.kind === 'text' && label.text.endsWith('…')).toBe(true);
    expect(renderChartSvg(long, { width: 200, height: 200 })).toContain('transform="rotate(-40 ');
  });

  it('writes nine area names whole on slanted lines in a page-wide chart and reports the room they take', () => {
    const areas = ['A Styring og forankring', 'B Kartlegging av lokal situasjon', 'C Samarbeidsgruppe', 'D Identifisering og henvisning', 'E Bistand og beskyttelse', 'F Forebygging', 'G Opplæring', 'H Innkjøp og næringsliv', 'I Oppfølging og rapportering'];
    const nine: ChartDefinition = { ...progress, categories: areas, series: [{ key: 'p', label: 'P', values: areas.map((_, index) => index * 10) }] };
    const layout = layoutChart(nine, { width: 483, height: 230 });
    const labels = layout.shapes.flatMap((shape) => (shape.kind === 'text' && shape.role === 'category' ? [shape] : []));
    expect(labels.map((label) => label.text)).toEqual(areas);
    expect(labels.every((label) => label.rotate === -40 && label.anchor === 'end')).toBe(true);
    expect(layout.labelRoom).toBeGreaterThan(100);
    // No label's slanted tail runs off the left edge.
    for (const label of labels) expect(label.x - estimateTextWidth(label.text, label.size) * Math.cos((40 * Math.PI) / 180)).toBeGreaterThanOrEqual(-1);
  });

  it('shows whole area names under five bars in a page-wide chart, hyphenating a word too long for its slot', () => {
    const areas: ChartDefinition = {
      ...progress,
      categories: ['A Kunnskap og kompetanse', 'B Samarbeid på tvers', 'C Forebygging i skolen', 'D Identifisering av ofre', 'E Barneverntjenester'],
      series: [{ key: 'p', label: 'P', values: [10, 20, 30, 40, 50] }],
    };
    const layout = layoutChart(areas, { width: 483, height: 230 });
    const labels = layout.shapes.flatMap((shape) => (shape.kind === 'text' && shape.role === 'category' ? [shape] : []));
    // Each label fits its slot, which is narrower than a fifth of the chart.
    const slotWidth = 483 / 5 - 6;
    expect(labels.some((label) => label.text.endsWith('…'))).toBe(false);
    for (const label of labels) expect(estimateTextWidth(label.text, label.size)).toBeLessThanOrEqual(slotWidth);
    const byColumn = new Map<number, string[]>();
    for (const label of labels) byColumn.set(label.x, [...(byColumn.get(label.x) ?? []), label.text]);
    const joined = [...byColumn.values()].map((lines) => lines.reduce((text, line) => (text.endsWith('-') ? `${text.slice(0, -1)}${line}` : text ? `${text} ${line}` : line), ''));
    expect(joined).toEqual(areas.categories);
    expect(labels.some((label) => label.text.endsWith('-'))).toBe(true);
    // The bars stand above the lowest label line.
    const bottomOfBars = Math.max(...layout.shapes.flatMap((shape) => (shape.kind === 'rect' && shape.role === 'bar' ? [shape.y + shape.height] : [])));
    expect(Math.min(...labels.map((label) => label.y - label.size))).toBeGreaterThan(bottomOfBars);
  });
});

describe('niceStep', () => {
  it('gives readable steps', () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(12)).toBe(2.5);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });
});
