import { describe, expect, it } from 'vitest';
import { breakLines, hyphenationPoints } from '@lykt/shared';
import { countText, editionLines, renderDocx, renderHtml, renderPdf } from './index';
import type { DocModel } from './model';
import { columnWidths } from './table-layout';
import { docxText, inspectPdf, unzipDocx } from './testing';

const measure = (text: string): number => [...text].length * 6;

const filler = (count: number): DocModel['blocks'] => Array.from({ length: count }, (_, index) => ({ type: 'paragraph', text: `Avsnitt ${index + 1}. Kommunen har arbeidet systematisk med handlingsplanen gjennom hele året, med god hjelp fra samarbeidspartnerne.` }));

const model: DocModel = {
  title: 'Rapport til kommunestyret 2026',
  lang: 'nb',
  toc: true,
  edition: { dataAsOf: '2026-12-04', version: 2, status: 'final', frozenAt: '2026-12-04T13:05:00Z' },
  blocks: [
    { type: 'heading', level: 1, text: 'Sammendrag' },
    ...filler(3),
    { type: 'heading', level: 2, text: 'Om året' },
    ...filler(30),
    { type: 'heading', level: 1, text: 'Tiltakene' },
    { type: 'paragraph', text: 'Tiltakene står i tabellen.' },
    { type: 'heading', level: 3, text: 'Detaljer' },
  ],
};

describe('edition line and plurals', () => {
  it('says what date the data is as of, the version, final or draft, and when a final version was frozen, in Norwegian time', () => {
    expect(editionLines({ dataAsOf: '2026-12-04', version: 2, status: 'final', frozenAt: '2026-12-04T13:05:00Z' }, 'nb')).toEqual(['Data per 4. desember 2026, versjon 2, endelig', 'Endelig versjon frosset 4. desember 2026 kl. 14:05']);
    expect(editionLines({ dataAsOf: '2026-06-30', version: 1, status: 'draft' }, 'en')).toEqual(['Data as of 30 June 2026, version 1, draft']);
    // Summer time: 22:30 UTC is already the next day in Oslo.
    expect(editionLines({ dataAsOf: '2026-07-01', frozenAt: '2026-07-01T22:30:00Z' }, 'nb')[1]).toBe('Endelig versjon frosset 2. juli 2026 kl. 00:30');
  });

  it('puts the right form of the noun after a count', () => {
    const forms = { one: 'møte', other: 'møter' };
    expect([0, 1, 2, 1000].map((count) => countText('nb', count, forms))).toEqual(['0 møter', '1 møte', '2 møter', '1\u00a0000 møter']);
    expect(countText('en', 1, { one: 'meeting', other: 'meetings' })).toBe('1 meeting');
    expect(countText('en', 3, { one: 'meeting', other: 'meetings' })).toBe('3 meetings');
  });
});

describe('hyphenation and column widths', () => {
  it('hyphenates at syllables and keeps sounds like "kj" and "tj" together', () => {
    const word = 'barneverntjenesten';
    const pieces = hyphenationPoints(word).map((point, index, points) => word.slice(points[index - 1] ?? 0, point));
    expect(pieces.join('|')).toBe('bar|ne|vern|tje|nes');
    expect(hyphenationPoints('kjøkken')).not.toContain(1);
    expect(hyphenationPoints('Sør-Varanger')).toContain(4);
  });

  it('breaks lines at spaces and a word wider than the line only with a hyphen', () => {
    const lines = breakLines('Opplæring i menneskehandelsindikatorer for barneverntjenesten', 60, measure);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(60);
    // Joining hyphenated lines directly and the others with a space gives the text back: so every
    // break inside a word carries a hyphen, and there are no other breaks inside words.
    const joined = lines.reduce((text, line) => (text.endsWith('-') ? `${text.slice(0, -1)}${line}` : text ? `${text} ${line}` : line), '');
    expect(joined).toBe('Opplæring i menneskehandelsindikatorer for barneverntjenesten');
    expect(lines.some((line) => line.endsWith('-'))).toBe(true);
  });

  it('gives each column at least its longest word and shares the rest by what the column needs', () => {
    const widths = columnWidths([['Nr', 'Tiltak', 'Status'], ['1', 'Opplæring av ansatte i barneverntjenesten om menneskehandel', 'Pågår']], 3, 400, measure, 8);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(400, 5);
    expect(widths[0]).toBeGreaterThanOrEqual(measure('Nr') + 8);
    expect(widths[2]).toBeGreaterThanOrEqual(measure('Status') + 8);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
    // Long words that cannot all fit: short columns keep their words, the long ones share the rest.
    const tight = columnWidths([['Nr', 'Barneverntjenesteinstitusjonsplasser', 'Kommunehelsetjenesteorganisasjonene']], 3, 200, measure, 8);
    expect(tight[0]).toBeGreaterThanOrEqual(measure('Nr') + 8);
    expect(tight[1]).toBeCloseTo(tight[2] ?? 0, 5);
  });
});

describe('PDF contents, bookmarks and headings kept with what follows', () => {
  it('lists the level 1 and 2 headings with the pages they are on, and bookmarks them in a nested outline', async () => {
    const pdf = await renderPdf(model, { createdAt: new Date('2026-12-04T13:05:00Z') });
    const inspected = await inspectPdf(pdf);
    const pages = inspected.text.split('\n');
    const pageOf = (text: string): number => pages.findIndex((page, index) => index > 0 && page.includes(text)) + 1 || (pages[0]?.split('Innhold')[1]?.includes(text) ? 1 : 0);
    expect(pages[0]).toContain('Data per 4. desember 2026, versjon 2, endelig');
    expect(pages[0]).toContain('Endelig versjon frosset 4. desember 2026 kl. 14:05');
    const contents = (pages[0] ?? '').slice((pages[0] ?? '').indexOf('Innhold'));
    const tiltakPage = pages.findIndex((page) => page.includes('Tiltakene står i tabellen')) + 1;
    expect(tiltakPage).toBeGreaterThan(1);
    expect(contents).toMatch(new RegExp(`Tiltakene\\s+${tiltakPage}`));
    expect(contents).toMatch(/Sammendrag\s+1/);
    expect(contents).not.toContain('Detaljer');
    expect(pageOf('Tiltakene står')).toBe(tiltakPage);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    type OutlineNode = { title: string; items: OutlineNode[] };
    const outline = (await document.getOutline()) as OutlineNode[];
    expect(outline.map((item) => item.title)).toEqual(['Sammendrag', 'Tiltakene']);
    expect(outline[0]?.items.map((item: OutlineNode) => item.title)).toEqual(['Om året']);
    expect(outline[1]?.items.map((item: OutlineNode) => item.title)).toEqual(['Detaljer']);
    await document.destroy();
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    // Push a heading towards the page bottom in steps; it must always share its page with its paragraph.
    for (let count = 14; count <= 20; count += 1) {
      const pdf = await renderPdf({ title: 'T', lang: 'nb', blocks: [...filler(count), { type: 'heading', level: 1, text: 'Overskrift som holdes sammen' }, { type: 'paragraph', text: 'Teksten etter overskriften.' }] });
      const pages = (await inspectPdf(pdf)).text.split('\n');
      const headingPage = pages.findIndex((page) => page.includes('Overskrift som holdes sammen'));
      expect(pages[headingPage]).toContain('Teksten etter overskriften.');
    }
  });
});

const areaTable = (rows: number): DocModel['blocks'][number] => ({
  type: 'table',
  caption: 'Tiltak i område F',
  headers: ['Tiltak', 'Ansvarlig virksomhet', 'Status'],
  rows: Array.from({ length: rows }, (_, index) => [`Tiltak ${index + 1}`, 'Flyktningtjenesten', 'Pågår']),
});
/** A section's opening (two headings and a one-line introduction) before its table, as the council report's plan areas have. */
const areaSection: DocModel['blocks'] = [
  { type: 'heading', level: 2, text: 'Hvordan forebygger vi?' },
  { type: 'heading', level: 3, text: 'F Forebygging' },
  { type: 'paragraph', text: 'Framdrift i området: 75 %.' },
  areaTable(3),
];

describe('a short introduction stays with its table', () => {
  it('PDF: never ends a page with a section\'s opening lines while its table starts on the next', async () => {
    let movedWhole = 0;
    for (let count = 12; count <= 22; count += 1) {
      const pdf = await renderPdf({ title: 'T', lang: 'nb', blocks: [...filler(count), ...areaSection] });
      const pages = (await inspectPdf(pdf)).text.split('\n');
      const introPage = pages.findIndex((page) => page.includes('Framdrift i området: 75 %.'));
      expect(pages[introPage]).toContain('Tiltak i område F');
      expect(pages[introPage]).toContain('Tiltak 1');
      expect(pages[introPage]).toContain('Hvordan forebygger vi?');
      if (introPage > 0 && pages[introPage - 1]?.includes(`Avsnitt ${count}.`)) movedWhole += 1;
    }
    // Some of the steps put the opening near the foot of a page: it moved on with its table.
    expect(movedWhole).toBeGreaterThan(0);
  });

  it('PDF: keeps nothing with a table whose first row is taller than a page (the opening would stand alone on a page)', async () => {
    const tall: DocModel['blocks'][number] = { type: 'table', caption: 'Tiltak i område F', headers: ['Tiltak', 'Merknad'], rows: [['Tiltak 1', 'Lang merknad. '.repeat(700)]] };
    const pdf = await renderPdf({ title: 'T', lang: 'nb', blocks: [...filler(4), ...areaSection.slice(0, 3), tall] });
    const pages = (await inspectPdf(pdf)).text.split('\n');
    const introPage = pages.findIndex((page) => page.includes('Framdrift i området: 75 %.'));
    // The opening stays under the text before it; it does not move to a page of its own.
    expect(pages[introPage]).toContain('Avsnitt 4.');
  });

  it('DOCX: the introduction and the table\'s header row keep with what follows; a long paragraph does not', async () => {
    const long = 'Kommunen har arbeidet systematisk med handlingsplanen gjennom hele året. '.repeat(4);
    const document = unzipDocx(await renderDocx({ title: 'T', lang: 'nb', blocks: [...areaSection, { type: 'paragraph', text: long }, areaTable(2)] }))['word/document.xml'] ?? '';
    const paragraphs = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((match) => match[0]);
    const paragraphOf = (text: string): string => paragraphs.find((paragraph) => docxText(paragraph).includes(text)) ?? '';
    expect(paragraphOf('Framdrift i området')).toContain('<w:keepNext/>');
    expect(paragraphOf('Kommunen har arbeidet')).not.toContain('<w:keepNext/>');
    // Header cells (Ansvarlig virksomhet) keep with the first row; the body rows do not.
    expect(paragraphOf('Ansvarlig virksomhet')).toContain('<w:keepNext/>');
    expect(paragraphOf('Tiltak 1')).not.toContain('<w:keepNext/>');
  });
});

describe('DOCX contents, edition and drawings', () => {
  it('has the edition lines, a contents list linking to bookmarked headings with page fields, line rules and unique drawing ids', async () => {
    const chart = { id: 'c', kind: 'bar' as const, title: 'Figur', categoryLabel: 'Område', valueLabel: 'Antall', categories: ['A'], series: [{ key: 's', label: 'S', values: [1] }] };
    const files = unzipDocx(await renderDocx({ ...model, blocks: [...model.blocks, { type: 'chart', chart }, { type: 'chart', chart: { ...chart, id: 'd' } }] }));
    const document = files['word/document.xml'] ?? '';
    const text = docxText(document);
    expect(text).toContain('Data per 4. desember 2026, versjon 2, endelig');
    expect(text).toContain('Endelig versjon frosset 4. desember 2026 kl. 14:05');
    expect(text).toContain('Innhold');
    expect(document).toContain('w:anchor="section-1"');
    const bookmarkIds = [...document.matchAll(/<w:bookmarkStart w:name="section-\d+" w:id="(\d+)"/g)].map((match) => match[1]);
    expect(bookmarkIds).toEqual(['1', '2', '3', '4']);
    expect(document).toMatch(/PAGEREF section-1/);
    expect(document).toContain('w:name="section-1"');
    expect(document).not.toMatch(/PAGEREF section-4/);
    const ids = [...document.matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['1', '2']);
    // Every spacing with a line height names its rule.
    const spacings = [...(files['word/styles.xml'] ?? '').matchAll(/<w:spacing [^>]*w:line="\d+"[^>]*>/g)].map((match) => match[0]);
    expect(spacings.length).toBeGreaterThan(3);
    for (const spacing of spacings) expect(spacing).toContain('w:lineRule="auto"');
  });
});

describe('HTML contents and edition', () => {
  it('prints the edition lines and a contents list linking to the level 1 and 2 headings', () => {
    const html = renderHtml(model);
    expect(html).toContain('<p class="doc-edition">Data per 4. desember 2026, versjon 2, endelig</p>');
    expect(html).toContain('<nav class="doc-toc" aria-label="Innhold"><h2>Innhold</h2><ul><li class="doc-toc-1"><a href="#section-1">Sammendrag</a></li><li class="doc-toc-2"><a href="#section-2">Om året</a></li><li class="doc-toc-1"><a href="#section-3">Tiltakene</a></li></ul></nav>');
    expect(html).toContain('<h2 id="section-3">Tiltakene</h2>');
    expect(html).toContain('<h4 id="section-4">Detaljer</h4>');
    expect(renderHtml({ ...model, toc: false })).not.toContain('doc-toc');
  });
});
