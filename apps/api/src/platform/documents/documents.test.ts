import { describe, expect, it } from 'vitest';
import type { ChartDefinition } from '@lykt/shared';
import { renderDocx, renderHtml, renderPdf } from './index';
import { textRuns, woffToSfnt, fontFaces } from './fonts';
import type { DocModel } from './model';
import { docxText, inspectPdf, unzipDocx } from './testing';

const chart: ChartDefinition = {
  id: 'progress-by-area',
  kind: 'bar',
  title: 'Framdrift per område',
  description: 'Gjennomsnittlig framdrift i prosent for hvert område.',
  categoryLabel: 'Område',
  valueLabel: 'Framdrift (%)',
  categories: ['A Kunnskap', 'B Samarbeid', 'C Forebygging'],
  series: [{ key: 'progress', label: 'Framdrift', values: [40, null, 100], display: [null, 'færre enn 5', null] }],
  max: 100,
  note: 'Tall under 5 vises ikke.',
};

const rows = Array.from({ length: 70 }, (_, index) => [`Tiltak ${index + 1}: opplæring i Sámi čđŋšŧž`, `${index} %`, 'Pågår', 'Politiet']);

const model: DocModel = {
  title: 'Rapport til kommunestyret 2026',
  subtitle: 'Handlingsplan mot menneskehandel – Øvre Ås kommune',
  lang: 'nb',
  footer: 'Øvre Ås kommune',
  author: 'Øvre Ås kommune',
  blocks: [
    { type: 'heading', level: 1, text: 'Sammendrag' },
    { type: 'paragraph', text: 'Året har gått godt. Blåbærsyltetøy, ærfugl og øl: æ ø å Æ Ø Å.' },
    { type: 'list', items: ['Første punkt', 'Andre punkt'], ordered: true },
    { type: 'list', items: ['Kulepunkt'] },
    { type: 'heading', level: 2, text: 'Framdrift' },
    { type: 'chart', chart },
    { type: 'keyValue', items: [{ label: 'Periode', value: '2026' }] },
    { type: 'pageBreak' },
    { type: 'heading', level: 3, text: 'Tiltakene' },
    { type: 'table', caption: 'Alle tiltak', headers: ['Tiltak', 'Framdrift', 'Status', 'Eier'], rows, note: 'Eier er ansvarlig virksomhet.' },
  ],
};

describe('renderPdf', () => {
  it('makes a tagged PDF with language, title, headings, lists, tables and a described figure', async () => {
    const pdf = await renderPdf(model, { createdAt: new Date('2026-01-15T10:00:00Z') });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const inspected = await inspectPdf(pdf);
    expect(inspected.title).toBe('Rapport til kommunestyret 2026');
    expect(inspected.lang).toBe('nb');
    expect(inspected.marked).toBe(true);
    expect(inspected.pages).toBeGreaterThanOrEqual(3);
    expect(inspected.text).toContain('Blåbærsyltetøy, ærfugl og øl');
    expect(inspected.text).toContain('Øvre Ås kommune');
    expect(inspected.text).toContain('čđŋšŧž');
    expect(inspected.text).toContain('Tiltak 70');
    expect(inspected.text).toContain('færre enn 5');
    expect(inspected.text).toMatch(/Side 1 av \d/);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'Caption', 'TR', 'TH', 'TD', 'Figure']) expect(inspected.roles).toContain(role);
    expect(inspected.roles.filter((role) => role === 'H1')).toHaveLength(1);
    expect(inspected.figureAlts[0]).toContain('Framdrift per område');
  });

  it('gives the same bytes for the same model and creation date', async () => {
    const createdAt = new Date('2026-01-15T10:00:00Z');
    const [first, second] = await Promise.all([renderPdf(model, { createdAt }), renderPdf(model, { createdAt })]);
    expect(first.equals(second)).toBe(true);
  });

  it('renders English labels for an English document and survives an empty one', async () => {
    const inspected = await inspectPdf(await renderPdf({ title: 'Empty', lang: 'en', blocks: [] }));
    expect(inspected.lang).toBe('en');
    expect(inspected.text).toContain('Page 1 of 1');
  });
});

describe('renderDocx', () => {
  it('makes a DOCX with headings, lists, tables, a chart image with alt text and the language set', async () => {
    const docx = await renderDocx(model);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipDocx(docx);
    const document = files['word/document.xml'] ?? '';
    expect(document).toContain('w:val="Title"');
    expect(document).toContain('w:val="Heading1"');
    expect(document).toContain('w:val="Heading2"');
    expect(document).toContain('w:val="Heading3"');
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:numPr>');
    const text = docxText(document);
    expect(text).toContain('Rapport til kommunestyret 2026');
    expect(text).toContain('Blåbærsyltetøy, ærfugl og øl');
    expect(text).toContain('Tiltak 70: opplæring i Sámi čđŋšŧž');
    expect(text).toContain('færre enn 5');
    expect(document).toMatch(/<wp:docPr [^>]*descr="Gjennomsnittlig framdrift[^"]*"[^>]*title="Framdrift per område"/);
    expect(Object.keys(files).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true);
    expect(files['word/styles.xml']).toContain('w:lang w:val="nb-NO"');
    expect(files['docProps/core.xml']).toContain('<dc:title>Rapport til kommunestyret 2026</dc:title>');
    expect(files['docProps/core.xml']).toContain('Øvre Ås kommune');
    const footer = Object.entries(files).find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(docxText(footer)).toContain('Side');
  });
});

describe('renderHtml', () => {
  it('escapes text and renders the chart as a figure with its table', () => {
    const html = renderHtml({ ...model, title: '<b>Rapport</b>' });
    expect(html).toContain('<h1>&lt;b&gt;Rapport&lt;/b&gt;</h1>');
    expect(html).toContain('<figure class="doc-chart"');
    expect(html).toContain('role="img"');
    expect(html).toContain('<th scope="row">B Samarbeid</th><td>færre enn 5</td>');
    expect(html).toContain('<h2>Sammendrag</h2>');
  });
});

describe('fonts', () => {
  it('splits text into runs each face covers', () => {
    expect(textRuns('Øl og brød', 400)).toEqual([{ text: 'Øl og brød', font: 'Inter-latin-400' }]);
    const runs = textRuns('Sámi čázi', 700);
    expect(runs.map((run) => run.font)).toEqual(['Inter-latin-700', 'Inter-latin-ext-700', 'Inter-latin-700']);
    expect(runs.map((run) => run.text).join('')).toBe('Sámi čázi');
  });

  it('converts WOFF to a TrueType file', () => {
    const face = fontFaces()[0];
    if (!face) throw new Error('no font');
    const sfnt = woffToSfnt(face.woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(face.woff.readUInt16BE(12));
  });
});
