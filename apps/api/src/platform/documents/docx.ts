import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { chartTable, type ChartDefinition } from '@lykt/shared';
import { renderChartPng } from './chart-image';
import { rendererLabels } from './labels';
import type { DocBlock, DocModel } from './model';
import { numberFormatFor, type RenderOptions } from './pdf';

const FONT = 'Calibri';
const CHART_WIDTH_PX = 600;
const CHART_HEIGHT_PX = 300;
const RULE = '98A2B3';
const HEAD_FILL = 'EEF2F6';

/** Word's language tags are region-qualified. */
function wordLanguage(lang: string): string {
  if (/^nn\b/i.test(lang)) return 'nn-NO';
  if (/^(nb|no)\b/i.test(lang)) return 'nb-NO';
  if (/^en\b/i.test(lang)) return 'en-GB';
  return lang;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: cellBorders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(caption: string, headers: string[], rows: string[][], note: string | undefined, rowHeaders: boolean): FileChild[] {
  const columns = Math.max(1, headers.length, ...rows.map((row) => row.length));
  const width = Math.floor(100 / columns);
  const out: FileChild[] = [];
  if (caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: caption })] }));
  const tableRows: TableRow[] = [];
  if (headers.length > 0) {
    tableRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: Array.from({ length: columns }, (_, index) => cell(headers[index] ?? '', true, width)) }));
  }
  for (const row of rows) {
    tableRows.push(new TableRow({ cantSplit: true, children: Array.from({ length: columns }, (_, index) => cell(row[index] ?? '', rowHeaders && index === 0, width)) }));
  }
  if (tableRows.length > 0) out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows }));
  if (note) out.push(new Paragraph({ style: 'Note', children: [new TextRun({ text: note })] }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

function chart(definition: ChartDefinition, options: Required<Pick<RenderOptions, 'formatNumber'>>, chartDataLabel: string): FileChild[] {
  const png = renderChartPng(definition, { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX, formatNumber: options.formatNumber, scale: 2 });
  const data = chartTable(definition, options.formatNumber);
  const description = [definition.description, chartDataLabel].filter(Boolean).join(' ');
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX },
          altText: { name: definition.id, title: definition.title, description },
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

  const block = (item: DocBlock): FileChild[] => {
    switch (item.type) {
      case 'heading':
        return [new Paragraph({ heading: item.level === 1 ? HeadingLevel.HEADING_1 : item.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun({ text: item.text })] })];
      case 'paragraph':
        return [new Paragraph({ children: [new TextRun({ text: item.text })] })];
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
        return chart(item.chart, { formatNumber }, labels.chartData);
      case 'keyValue':
        return table('', [], item.items.map((entry) => [entry.label, entry.value]), undefined, true);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  };

  const children: FileChild[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: model.title })] })];
  if (model.subtitle) children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun({ text: model.subtitle })] }));
  for (const item of model.blocks) children.push(...block(item));

  const [before, middle, after] = labels.pageParts;
  const document = new Document({
    title: model.title,
    ...(model.subtitle ? { subject: model.subtitle } : {}),
    creator: model.author ?? 'Lykt',
    lastModifiedBy: 'Lykt',
    description: model.subtitle ?? model.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: '1D2939' } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '1D2939' }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 26, color: '475467' } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 20 }, paragraph: { spacing: { before: 120, after: 60 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: '475467' } },
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
