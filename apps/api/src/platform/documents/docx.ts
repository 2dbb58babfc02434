import {
  AlignmentType,
  Bookmark,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  PageBreak,
  PageNumber,
  PageReference,
  Packer,
  Paragraph,
  ShadingType,
  SoftHyphen,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { chartTable, hyphenationPoints, layoutChart, type ChartDefinition } from '@lykt/shared';
import { renderChartPng } from './chart-image';
import { editionLines, rendererLabels } from './labels';
import { introducesNext, type DocBlock, type DocModel } from './model';
import { numberFormatFor, type RenderOptions } from './options';
import { columnWidths } from './table-layout';
import { imageSize } from './image';

const FONT = 'Calibri';
const CHART_WIDTH_PX = 600;
const CHART_HEIGHT_PX = 300;
const RULE = '98A2B3';
const HEAD_FILL = 'EEF2F6';
/** A4 width less both margins, in twentieths of a point. */
const CONTENT_TWIPS = 11906 - 2 * 1134;
const CELL_MARGIN_TWIPS = 100;
/** Table text is 11 pt Calibri; its average advance is close to half an em. Twips per character. */
const TWIPS_PER_CHAR = 11 * 0.52 * 20;
/** Every paragraph spacing names its line rule: LibreOffice reads a bare w:line as an exact height. */
const LINE = { line: 264, lineRule: LineRuleType.AUTO };
const LOGO_PX = { width: 200, height: 56 };

/** Estimated width of text in a table cell, in twips (DOCX is laid out by Word, not by us). */
const estimate = (text: string): number => [...text].length * TWIPS_PER_CHAR;
/**
 * How much wider than Calibri a cell's text may be drawn: bold type, and the font a reader without
 * Calibri falls back to (LibreOffice without Carlito takes DejaVu Sans, about a third wider). A
 * word that would not fit at that width gets soft hyphens; they show only where a line breaks.
 */
const FALLBACK_WIDTH_FACTOR = 1.4;

/**
 * A cell's text as runs, with soft hyphens in the words too long for the cell's width, so Word and
 * LibreOffice hyphenate them rather than break them anywhere.
 */
function cellRuns(text: string, innerWidth: number, bold: boolean): TextRun[] {
  const children: Array<string | SoftHyphen> = [];
  let current = '';
  for (const part of text.split(/(\s+)/)) {
    if (estimate(part) * FALLBACK_WIDTH_FACTOR <= innerWidth || /^\s+$/.test(part)) {
      current += part;
      continue;
    }
    const chars = [...part];
    let start = 0;
    for (const point of hyphenationPoints(part)) {
      children.push(current + chars.slice(start, point).join(''), new SoftHyphen());
      current = '';
      start = point;
    }
    current += chars.slice(start).join('');
  }
  children.push(current);
  return [new TextRun({ children: children.filter((child) => child !== ''), bold })];
}

/**
 * A bookmark with the numeric id given: docx numbers every Bookmark 1, and Word wants each id once.
 * The name is what links point at.
 */
class NumberedBookmark extends Bookmark {
  constructor(name: string, numericId: number, children: TextRun[]) {
    super({ id: name, children });
    Object.assign(this, { start: new BookmarkStart(name, numericId), end: new BookmarkEnd(numericId) });
  }
}

/** The logo's size in pixels at 96 dpi, fitted into LOGO_PX keeping its aspect ratio. */
function logoSize(data: Buffer, type: 'png' | 'jpg'): { width: number; height: number } {
  const size = imageSize(data, type);
  const scale = Math.min(LOGO_PX.width / size.width, LOGO_PX.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Word's language tags are region-qualified. */
function wordLanguage(lang: string): string {
  if (/^nn\b/i.test(lang)) return 'nn-NO';
  if (/^(nb|no)\b/i.test(lang)) return 'nb-NO';
  if (/^en\b/i.test(lang)) return 'en-GB';
  return lang;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean, bold: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: Math.round(width), type: WidthType.DXA },
    borders: cellBorders,
    margins: { top: 60, bottom: 60, left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL } } : {}),
    // The header row's paragraphs keep with the next row: a header never stands alone at a page's foot.
    children: [new Paragraph({ spacing: { after: 0, ...LINE }, keepNext: header, children: cellRuns(text, width - 2 * CELL_MARGIN_TWIPS, bold) })],
  });
}

function table(caption: string, headers: string[], rows: string[][], note: string | undefined, rowHeaders: boolean): FileChild[] {
  const columns = Math.max(1, headers.length, ...rows.map((row) => row.length));
  // Bold header text is a little wider; measure everything as if bold.
  const widths = columnWidths([headers, ...rows], columns, CONTENT_TWIPS, (text) => estimate(text) * 1.06, 2 * CELL_MARGIN_TWIPS).map((width) => Math.floor(width));
  const out: FileChild[] = [];
  if (caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: caption })] }));
  const tableRows: TableRow[] = [];
  if (headers.length > 0) {
    tableRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: Array.from({ length: columns }, (_, index) => cell(headers[index] ?? '', true, true, widths[index] ?? 0)) }));
  }
  for (const row of rows) {
    tableRows.push(new TableRow({ cantSplit: true, children: Array.from({ length: columns }, (_, index) => cell(row[index] ?? '', false, rowHeaders && index === 0, widths[index] ?? 0)) }));
  }
  if (tableRows.length > 0) {
    out.push(new Table({ width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: tableRows }));
  }
  if (note) out.push(new Paragraph({ style: 'Note', children: [new TextRun({ text: note })] }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

function chart(definition: ChartDefinition, options: Required<Pick<RenderOptions, 'formatNumber'>>, chartDataLabel: string, drawingId: number): FileChild[] {
  // Slanted category labels get their room below the usual plot height, as in the PDF.
  const labelRoom = layoutChart(definition, { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX, formatNumber: options.formatNumber }).labelRoom;
  const height = CHART_HEIGHT_PX + Math.max(0, Math.round(labelRoom - 40));
  const png = renderChartPng(definition, { width: CHART_WIDTH_PX, height, formatNumber: options.formatNumber, scale: 2 });
  const data = chartTable(definition, options.formatNumber);
  const description = [definition.description, chartDataLabel].filter(Boolean).join(' ');
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: CHART_WIDTH_PX, height },
          // Each drawing needs its own id in the document; Word may call a file with repeated ids unreadable.
          altText: { id: String(drawingId), name: definition.id, title: definition.title, description },
        }),
      ],
    }),
    ...table(data.caption, data.headers, data.rows, data.note, true),
  ];
}

/**
 * Renders a DocModel to DOCX (Office Open XML) with real structure: the document title in the
 * Title style, headings in Heading 1–3 (so Word's navigation pane and a screen reader see them),
 * numbered and bulleted lists, tables with a repeating header row and a caption, charts as PNG
 * images (rasterised from the shared SVG renderer) with alternative text, followed by their data
 * table. The document language is set on the default run style, the title and author in the core
 * properties, and the footer carries the model's footer and the page number.
 */
export async function renderDocx(model: DocModel, options: RenderOptions = {}): Promise<Buffer> {
  const labels = rendererLabels(model.lang);
  const formatNumber = options.formatNumber ?? numberFormatFor(model.lang);
  const language = wordLanguage(model.lang);
  let listCount = 0;
  let drawingCount = 0;
  let headingCount = 0;
  const nextDrawingId = (): number => {
    drawingCount += 1;
    return drawingCount;
  };

  const block = (item: DocBlock, index: number): FileChild[] => {
    switch (item.type) {
      case 'heading': {
        headingCount += 1;
        // The bookmark is what the contents' entry links to.
        return [
          new Paragraph({
            heading: item.level === 1 ? HeadingLevel.HEADING_1 : item.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            keepNext: true,
            keepLines: true,
            children: [new NumberedBookmark(`section-${headingCount}`, headingCount, [new TextRun({ text: item.text })])],
          }),
        ];
      }
      case 'paragraph':
        // A short paragraph introducing a table or chart stays on its page (keep with next).
        return [new Paragraph({ keepNext: introducesNext(model.blocks, index), children: [new TextRun({ text: item.text })] })];
      case 'list': {
        listCount += 1;
        const instance = listCount;
        return item.items.map((text) =>
          item.ordered ? new Paragraph({ numbering: { reference: 'lykt-ordered', level: 0, instance }, children: [new TextRun({ text })] }) : new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text })] }),
        );
      }
      case 'table':
        return table(item.caption, item.headers, item.rows, item.note, false);
      case 'chart':
        return chart(item.chart, { formatNumber }, labels.chartData, nextDrawingId());
      case 'keyValue':
        return table('', [], item.items.map((entry) => [entry.label, entry.value]), undefined, true);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  };

  const children: FileChild[] = [];
  if (model.logo) {
    const logo = model.logo;
    children.push(
      new Paragraph({
        spacing: { after: 200, ...LINE },
        children: [
          new ImageRun({ type: logo.type, data: logo.data, transformation: logoSize(logo.data, logo.type), altText: { id: String(nextDrawingId()), name: 'logo', title: logo.alt, description: logo.alt } }),
        ],
      }),
    );
  }
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: [new TextRun({ text: model.title })] }));
  if (model.subtitle) children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun({ text: model.subtitle })] }));
  if (model.edition) for (const line of editionLines(model.edition, model.lang)) children.push(new Paragraph({ style: 'Edition', children: [new TextRun({ text: line })] }));
  const tocEntries = model.blocks.flatMap((item, index) => (item.type === 'heading' ? [{ item, number: model.blocks.slice(0, index + 1).filter((other) => other.type === 'heading').length }] : []));
  const listed = tocEntries.filter(({ item }) => item.level <= 2);
  if (model.toc && listed.length > 0) {
    children.push(new Paragraph({ style: 'TOCHeading', keepNext: true, children: [new TextRun({ text: labels.contents })] }));
    // One paragraph per heading: a link to the heading's bookmark and a PAGEREF field that Word
    // and LibreOffice fill in with the page the heading lands on.
    for (const { item, number } of listed) {
      const anchor = `section-${number}`;
      children.push(
        new Paragraph({
          style: item.level === 1 ? 'TOC1' : 'TOC2',
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS, leader: 'dot' }],
          children: [new InternalHyperlink({ anchor, children: [new TextRun({ text: item.text })] }), new TextRun({ children: [new Tab()] }), new PageReference(anchor)],
        }),
      );
    }
  }
  model.blocks.forEach((item, index) => children.push(...block(item, index)));

  const [before, middle, after] = labels.pageParts;
  const document = new Document({
    title: model.title,
    ...(model.subtitle ? { subject: model.subtitle } : {}),
    creator: model.author ?? 'Lykt',
    lastModifiedBy: 'Lykt',
    description: model.subtitle ?? model.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, ...LINE } } },
        title: { run: { font: FONT, size: 44, bold: true, color: '1D2939' }, paragraph: { spacing: { after: 120, ...LINE } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 320, after: 120, ...LINE } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 240, after: 100, ...LINE } } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 200, after: 80, ...LINE } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 26, color: '475467' }, paragraph: { spacing: { after: 120, ...LINE } } },
        { id: 'Edition', name: 'Edition', basedOn: 'Normal', next: 'Normal', run: { size: 19, color: '475467' }, paragraph: { spacing: { after: 40, ...LINE } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 20 }, paragraph: { spacing: { before: 120, after: 60, ...LINE } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: '475467' }, paragraph: { spacing: { after: 60, ...LINE } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 26, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 360, after: 120, ...LINE } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 60, after: 40, ...LINE } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 360 }, spacing: { after: 40, ...LINE } } },
      ],
    },
    numbering: {
      config: [{ reference: 'lykt-ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              ...(model.footer ? [new Paragraph({ style: 'Note', children: [new TextRun({ text: model.footer })] })] : []),
              new Paragraph({
                style: 'Note',
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
