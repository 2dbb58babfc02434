import PDFDocument from 'pdfkit';
import { chartTable, layoutChart, type ChartDefinition, type ChartShape } from '@lykt/shared';
import { faceSfnt, fontFaces, textRuns, type FontWeight } from './fonts';
import { editionLines, rendererLabels } from './labels';
import { introducesNext, type DocBlock, type DocModel } from './model';
import { numberFormatFor, type RenderOptions } from './options';
import { breakLines, columnWidths } from './table-layout';


type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit's outline item; its addItem also takes the destination's position, which the types leave out. */
type OutlineItem = { addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number }): OutlineItem };
/** A heading listed in the table of contents: its text, level (1 or 2) and the page it landed on. */
type TocEntry = { text: string; depth: number; page: number; destination: string };

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const INK = '#1d2939';
const MUTED = '#475467';
const RULE = '#98a2b3';
const HEAD_FILL = '#eef2f6';
const SIZES = { title: 22, subtitle: 13, h1: 17, h2: 14, h3: 12, body: 10.5, small: 9, footer: 8 };
const CHART_HEIGHT = 230;
const CELL_PAD = 4;
/** The space after a body paragraph. */
const PARAGRAPH_GAP = 6;
const LOGO = { width: 150, height: 42 };
const TOC_PAGE_WIDTH = 28;

function baseFont(weight: FontWeight): string {
  return `Inter-latin-${weight}`;
}

/**
 * Renders a DocModel to a tagged PDF (PDF 1.7, PDF/UA-minded): document language and title set
 * (and shown as the window title), one H1 (the document title) with H2–H4 under it, paragraphs,
 * real lists (L/LI/Lbl/LBody), tables (Table/TR/TH/TD with a Caption; the header row repeats
 * as an artifact on a new page), charts drawn as vectors inside a Figure with alternative text
 * followed by their data table, and page footers marked as pagination artifacts. Inter is
 * embedded (subset) so every Norwegian and Sami letter prints and the text can be extracted.
 */
export async function renderPdf(model: DocModel, options: RenderOptions = {}): Promise<Buffer> {
  const createdAt = options.createdAt ?? new Date();
  const first = await drawPdf(model, { ...options, createdAt }, null);
  if (!model.toc || first.toc.length === 0) return first.buffer;
  // The contents list has a fixed height, so the second pass lays out every page exactly as the
  // first did; it only fills in the page numbers the first pass found.
  return (await drawPdf(model, { ...options, createdAt }, first.toc)).buffer;
}

async function drawPdf(model: DocModel, options: RenderOptions & { createdAt: Date }, knownToc: TocEntry[] | null): Promise<{ buffer: Buffer; toc: TocEntry[] }> {
  const labels = rendererLabels(model.lang);
  const formatNumber = options.formatNumber ?? numberFormatFor(model.lang);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: model.title,
      ...(model.subtitle ? { Subject: model.subtitle } : {}),
      ...(model.author ? { Author: model.author } : {}),
      Creator: 'Lykt',
      Producer: 'Lykt',
      CreationDate: options.createdAt,
    },
  });
  for (const face of fontFaces()) doc.registerFont(face.name, faceSfnt(face));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN.left;
  const contentWidth = doc.page.width - MARGIN.left - MARGIN.right;
  const pageBottom = (): number => doc.page.height - MARGIN.bottom;
  /** Whether a height fits on an empty page: keeping more than that together would only add a page. */
  const fitsOnAPage = (height: number): boolean => height <= pageBottom() - MARGIN.top;

  /** Writes text in as many font runs as its characters need, wrapping inside width. */
  const write = (text: string, style: { size: number; weight?: FontWeight; color?: string; width?: number; x?: number; y?: number; align?: 'left' | 'right' | 'center'; baseline?: 'alphabetic'; lineBreak?: boolean; paragraphGap?: number }): void => {
    const weight = style.weight ?? 400;
    const runs = textRuns(text.length > 0 ? text : ' ', weight);
    doc.fillColor(style.color ?? INK);
    runs.forEach((run, index) => {
      const continued = index < runs.length - 1;
      const textOptions: PDFKit.Mixins.TextOptions = {
        continued,
        lineGap: 2,
        ...(style.width !== undefined ? { width: style.width } : {}),
        ...(style.align ? { align: style.align } : {}),
        ...(style.baseline ? { baseline: style.baseline } : {}),
        ...(style.lineBreak === false ? { lineBreak: false } : {}),
        ...(!continued && style.paragraphGap !== undefined ? { paragraphGap: style.paragraphGap } : {}),
      };
      doc.font(run.font).fontSize(style.size);
      if (index === 0 && style.x !== undefined && style.y !== undefined) doc.text(run.text, style.x, style.y, textOptions);
      else doc.text(run.text, textOptions);
    });
  };

  const measure = (text: string, size: number, width: number, weight: FontWeight = 400): number => {
    doc.font(baseFont(weight)).fontSize(size);
    return doc.heightOfString(text.length > 0 ? text : ' ', { width, lineGap: 2 });
  };

  const ensureSpace = (height: number): void => {
    if (doc.y + height > pageBottom()) doc.addPage();
  };

  const root = doc.struct('Document');
  doc.addStructure(root);

  const leaf = (parent: Struct, type: string, draw: () => void, structOptions: PDFKit.Mixins.StructureElementOptions = {}): void => {
    const element = doc.struct(type, structOptions, draw);
    parent.add(element);
    element.end();
  };

  const paragraph = (parent: Struct, text: string, size = SIZES.body, color = INK): void => {
    ensureSpace(measure(text, size, contentWidth) > 60 ? 40 : measure(text, size, contentWidth));
    leaf(parent, 'P', () => {
      doc.x = left;
      write(text, { size, color, width: contentWidth, paragraphGap: PARAGRAPH_GAP });
    });
  };

  const outlineRoot: OutlineItem = doc.outline;
  const outlineParents: OutlineItem[] = [outlineRoot];
  const tocFound: TocEntry[] = [];

  const headingSize = (level: 1 | 2 | 3 | 4): number => (level === 1 ? SIZES.title : level === 2 ? SIZES.h1 : level === 3 ? SIZES.h2 : SIZES.h3);
  /** Space above a heading (none at the top of a page) and below it. */
  const headingSpace = (level: 1 | 2 | 3 | 4): { before: number; after: number } => {
    doc.font(baseFont(700)).fontSize(headingSize(level));
    return { before: level > 1 ? 0.6 * doc.currentLineHeight(true) : 0, after: level === 1 ? 4 : PARAGRAPH_GAP };
  };
  /** The height a heading takes, with the space above and below it. */
  const headingHeight = (level: 1 | 2 | 3 | 4, text: string): number => {
    const { before, after } = headingSpace(level);
    return before + measure(text, headingSize(level), contentWidth, 700) + after;
  };

  /**
   * A heading, kept on the page with `keep` points of what follows it; level 2–4 are the model's
   * headings 1–3, which get a bookmark in the outline and a named destination for the contents.
   */
  const heading = (level: 1 | 2 | 3 | 4, text: string, keep = 60, listed = true): void => {
    const size = headingSize(level);
    ensureSpace(headingHeight(level, text) + keep);
    const space = headingSpace(level);
    if (space.before > 0 && doc.y > MARGIN.top + 1) doc.y += space.before;
    if (level > 1 && listed) {
      const depth = level - 1;
      const destination = `section-${tocFound.length + 1}`;
      doc.addNamedDestination(destination, 'XYZ', 0, doc.y, null);
      const pageNumber = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
      tocFound.push({ text, depth, page: pageNumber, destination });
      const parent = outlineParents[Math.min(depth - 1, outlineParents.length - 1)] ?? outlineRoot;
      // pdfkit measures the destination's left edge from the right, hence the page width.
      const item = parent.addItem(text, { expanded: depth === 1, top: doc.y, left: doc.page.width });
      outlineParents.length = depth;
      outlineParents[depth] = item;
    }
    leaf(root, `H${level}`, () => {
      doc.x = left;
      write(text, { size, weight: 700, width: contentWidth, paragraphGap: space.after });
    });
  };

  const list = (items: string[], ordered: boolean): void => {
    const element = doc.struct('L');
    root.add(element);
    const indent = 18;
    items.forEach((item, index) => {
      const height = measure(item, SIZES.body, contentWidth - indent);
      ensureSpace(Math.min(height, 40));
      const y = doc.y;
      const entry = doc.struct('LI');
      element.add(entry);
      leaf(entry, 'Lbl', () => write(ordered ? `${index + 1}.` : '•', { size: SIZES.body, x: left, y, lineBreak: false }));
      leaf(entry, 'LBody', () => write(item, { size: SIZES.body, x: left + indent, y, width: contentWidth - indent, paragraphGap: 3 }));
      entry.end();
      doc.x = left;
    });
    element.end();
    doc.moveDown(0.4);
  };

  const cellMeasure = (weight: FontWeight) => (text: string): number => {
    doc.font(baseFont(weight)).fontSize(SIZES.small);
    return doc.widthOfString(text);
  };

  /** A table's column widths, its cells' lines and its rows' heights. */
  const tableGeometry = (headers: string[], rows: string[][]) => {
    const columns = Math.max(1, headers.length, ...rows.map((row) => row.length));
    const widths = columnWidths([headers, ...rows], columns, contentWidth, cellMeasure(700), CELL_PAD * 2);
    // Lines are broken here, not by pdfkit, so a word too long for its column is hyphenated, never cut.
    const cellLines = (text: string, index: number, weight: FontWeight): string[] => (text ? breakLines(text, (widths[index] ?? contentWidth) - CELL_PAD * 2, cellMeasure(weight)) : []);
    doc.font(baseFont(400)).fontSize(SIZES.small);
    const lineHeight = doc.currentLineHeight(true) + 2;
    const rowHeight = (cells: string[], weight: FontWeight): number => Math.max(1, ...widths.map((_, index) => cellLines(cells[index] ?? '', index, weight).length)) * lineHeight + CELL_PAD * 2;
    const headerHeight = headers.length > 0 ? rowHeight(headers, 700) : 0;
    return { widths, cellLines, lineHeight, rowHeight, headerHeight };
  };

  /** What of a table must stand on the page it starts on: its caption, header row and first row. */
  const tableLead = (caption: string, headers: string[], rows: string[][], geometry = tableGeometry(headers, rows)): number =>
    (caption ? measure(caption, SIZES.body, contentWidth, 700) + 4 : 0) + geometry.headerHeight + (rows[0] ? geometry.rowHeight(rows[0], 400) : 0);

  const table = (caption: string, headers: string[], rows: string[][], note?: string, rowHeaders = false): void => {
    const geometry = tableGeometry(headers, rows);
    const { widths, cellLines, lineHeight, rowHeight, headerHeight } = geometry;
    const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));

    const element = doc.struct('Table');
    root.add(element);
    ensureSpace(tableLead(caption, headers, rows, geometry));
    if (caption) {
      leaf(element, 'Caption', () => {
        doc.x = left;
        write(caption, { size: SIZES.body, weight: 700, width: contentWidth, paragraphGap: 4 });
      });
    }

    const drawCells = (cells: string[], y: number, height: number, header: boolean, struct: Struct | null): void => {
      if (header) doc.rect(left, y, contentWidth, height).fill(HEAD_FILL);
      widths.forEach((width, index) => {
        const draw = (): void => {
          const weight: FontWeight = header ? 700 : 400;
          cellLines(cells[index] ?? '', index, weight).forEach((line, lineIndex) => {
            write(line, { size: SIZES.small, weight, x: (xs[index] ?? left) + CELL_PAD, y: y + CELL_PAD + lineIndex * lineHeight, lineBreak: false });
          });
        };
        if (struct) leaf(struct, header || (rowHeaders && index === 0) ? 'TH' : 'TD', draw);
        else draw();
      });
      doc.moveTo(left, y + height).lineTo(left + contentWidth, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    };

    const drawHeader = (struct: Struct | null): void => {
      if (headers.length === 0) return;
      const y = doc.y;
      drawCells(headers, y, headerHeight, true, struct);
      doc.y = y + headerHeight;
    };

    if (headers.length > 0) {
      const tr = doc.struct('TR');
      element.add(tr);
      drawHeader(tr);
      tr.end();
    }
    for (const row of rows) {
      const height = rowHeight(row, 400);
      if (doc.y + height > pageBottom()) {
        doc.addPage();
        // The repeated header is decoration: a screen reader already met the real one.
        doc.markContent('Artifact', { type: 'Pagination' });
        drawHeader(null);
        doc.endMarkedContent();
      }
      const y = doc.y;
      const tr = doc.struct('TR');
      element.add(tr);
      drawCells(row, y, height, false, tr);
      tr.end();
      doc.y = y + height;
    }
    element.end();
    doc.x = left;
    doc.y += 4;
    if (note) paragraph(root, note, SIZES.small, MUTED);
    doc.moveDown(0.4);
  };

  const drawShape = (shape: ChartShape, x0: number, y0: number): void => {
    switch (shape.kind) {
      case 'rect':
        doc.rect(x0 + shape.x, y0 + shape.y, shape.width, shape.height).fill(shape.fill);
        break;
      case 'line': {
        doc.moveTo(x0 + shape.x1, y0 + shape.y1).lineTo(x0 + shape.x2, y0 + shape.y2).lineWidth(shape.strokeWidth).strokeColor(shape.stroke);
        if (shape.dash) {
          const [dash, space] = shape.dash.split(' ').map(Number);
          doc.dash(dash ?? 2, { space: space ?? 2 });
        }
        doc.stroke();
        doc.undash();
        break;
      }
      case 'polyline': {
        const [first, ...rest] = shape.points;
        if (!first) break;
        doc.moveTo(x0 + first[0], y0 + first[1]);
        for (const [x, y] of rest) doc.lineTo(x0 + x, y0 + y);
        doc.lineWidth(shape.strokeWidth).lineJoin('round').strokeColor(shape.stroke).stroke();
        break;
      }
      case 'circle':
        doc.circle(x0 + shape.cx, y0 + shape.cy, shape.r).lineWidth(2).fillAndStroke(shape.fill, shape.stroke);
        break;
      case 'text': {
        doc.font(baseFont(shape.weight)).fontSize(shape.size);
        const width = doc.widthOfString(shape.text);
        const x = shape.anchor === 'middle' ? shape.x - width / 2 : shape.anchor === 'end' ? shape.x - width : shape.x;
        if (shape.rotate) {
          doc.save();
          doc.rotate(shape.rotate, { origin: [x0 + shape.x, y0 + shape.y] });
        }
        write(shape.text, { size: shape.size, weight: shape.weight, color: shape.fill, x: x0 + x, y: y0 + shape.y, baseline: 'alphabetic', lineBreak: false });
        if (shape.rotate) doc.restore();
        break;
      }
    }
  };

  /** The chart's layout; slanted category labels get their room below the usual plot height. */
  const chartLayout = (definition: ChartDefinition) => {
    const layout = layoutChart(definition, { width: contentWidth, height: CHART_HEIGHT, formatNumber });
    const extra = Math.max(0, layout.labelRoom - 40);
    return extra > 0 ? layoutChart(definition, { width: contentWidth, height: CHART_HEIGHT + extra, formatNumber }) : layout;
  };

  const chart = (definition: ChartDefinition): void => {
    const data = chartTable(definition, formatNumber);
    const layout = chartLayout(definition);
    ensureSpace(layout.height + 40);
    const alt = [definition.title, definition.description, labels.chartData].filter(Boolean).join(' ');
    const y0 = doc.y;
    leaf(
      root,
      'Figure',
      () => {
        for (const shape of layout.shapes) drawShape(shape, left, y0);
      },
      { alt },
    );
    doc.x = left;
    doc.y = y0 + layout.height + 8;
    table(data.caption, data.headers, data.rows, data.note, true);
  };

  const leads = new Map<number, number>();
  /** How much of a block must stand on the same page as the heading before it. */
  const leadHeight = (index: number): number => {
    // Asked again for each heading above a block: a table's lead measures every cell once.
    const known = leads.get(index);
    if (known !== undefined) return known;
    const lead = blockLead(index);
    leads.set(index, lead);
    return lead;
  };
  const blockLead = (index: number): number => {
    const item = model.blocks[index];
    if (!item) return 0;
    switch (item.type) {
      case 'heading':
        return headingHeight((item.level + 1) as 2 | 3 | 4, item.text) + leadHeight(index + 1);
      case 'paragraph':
        // A short paragraph introducing a table or chart brings that one's lead along.
        if (introducesNext(model.blocks, index)) {
          const lead = measure(item.text, SIZES.body, contentWidth) + PARAGRAPH_GAP + leadHeight(index + 1);
          if (fitsOnAPage(lead)) return lead;
        }
        return Math.min(measure(item.text, SIZES.body, contentWidth), 3 * (SIZES.body * 1.21 + 2));
      case 'list':
        return measure(item.items[0] ?? '', SIZES.body, contentWidth - 18);
      case 'table':
        return tableLead(item.caption, item.headers, item.rows);
      case 'chart':
        return chartLayout(item.chart).height + 8;
      case 'keyValue':
        return 24;
      case 'pageBreak':
        return 0;
    }
  };

  const block = (item: DocBlock, index: number): void => {
    switch (item.type) {
      case 'heading': {
        // What cannot stand on one page with the heading (a table row taller than the page) is not kept with it.
        const level = (item.level + 1) as 2 | 3 | 4;
        const lead = leadHeight(index + 1);
        heading(level, item.text, fitsOnAPage(headingHeight(level, item.text) + lead) ? lead : 60);
        break;
      }
      case 'paragraph':
        if (introducesNext(model.blocks, index) && fitsOnAPage(leadHeight(index))) ensureSpace(leadHeight(index));
        paragraph(root, item.text);
        break;
      case 'list':
        list(item.items, item.ordered ?? false);
        break;
      case 'table':
        table(item.caption, item.headers, item.rows, item.note);
        break;
      case 'chart':
        chart(item.chart);
        break;
      case 'keyValue':
        table('', [], item.items.map((entry) => [entry.label, entry.value]), undefined, true);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  };

  /** The logo, top left of the first page, as a figure named by its alternative text. */
  const logo = (): void => {
    if (!model.logo) return;
    const image = model.logo;
    const y0 = doc.y;
    leaf(root, 'Figure', () => {
      doc.image(image.data, left, y0, { fit: [LOGO.width, LOGO.height] });
    }, { alt: image.alt });
    doc.x = left;
    doc.y = y0 + LOGO.height + 12;
  };

  const tocEntries = (): Array<{ text: string; level: 1 | 2 }> =>
    model.blocks.flatMap((item) => (item.type === 'heading' && item.level <= 2 ? [{ text: item.text, level: item.level === 1 ? (1 as const) : (2 as const) }] : []));

  /**
   * The table of contents: headings of level 1 and 2 with their page number, each a link to its
   * heading. Its height depends only on the texts, so both passes lay it out the same.
   */
  const contents = (): void => {
    const entries = tocEntries();
    if (!model.toc || entries.length === 0) return;
    heading(2, labels.contents, 40, false);
    const element = doc.struct('TOC');
    root.add(element);
    entries.forEach((entry, index) => {
      const indent = entry.level === 1 ? 0 : 16;
      const size = entry.level === 1 ? SIZES.body : SIZES.small + 0.5;
      const textWidth = contentWidth - indent - TOC_PAGE_WIDTH - 8;
      const height = measure(entry.text, size, textWidth, entry.level === 1 ? 700 : 400);
      ensureSpace(height + 4);
      const y = doc.y;
      const known = knownToc?.[index];
      const item = doc.struct('TOCI');
      element.add(item);
      leaf(item, 'Reference', () => {
        write(entry.text, { size, weight: entry.level === 1 ? 700 : 400, x: left + indent, y, width: textWidth });
        write(known ? String(known.page) : ' ', { size, x: left + contentWidth - TOC_PAGE_WIDTH, y, width: TOC_PAGE_WIDTH, align: 'right', lineBreak: false });
      });
      item.end();
      doc.goTo(left + indent, y, contentWidth - indent, height, known?.destination ?? 'section-0');
      doc.x = left;
      doc.y = y + height + 4;
    });
    element.end();
    doc.moveDown(0.8);
  };

  logo();
  heading(1, model.title);
  if (model.subtitle) paragraph(root, model.subtitle, SIZES.subtitle, MUTED);
  if (model.edition) for (const line of editionLines(model.edition, model.lang)) paragraph(root, line, SIZES.small + 0.5, MUTED);
  doc.moveDown(0.5);
  contents();
  model.blocks.forEach(block);
  root.end();

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    const y = doc.page.height - 40;
    doc.moveTo(left, y - 6).lineTo(left + contentWidth, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    const pageLabel = labels.page(index - range.start + 1, range.count);
    doc.font(baseFont(400)).fontSize(SIZES.footer);
    const pageWidth = doc.widthOfString(pageLabel) + 2;
    if (model.footer) write(model.footer, { size: SIZES.footer, color: MUTED, x: left, y, width: contentWidth - pageWidth - 12, lineBreak: false });
    write(pageLabel, { size: SIZES.footer, color: MUTED, x: left + contentWidth - pageWidth, y, width: pageWidth, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return { buffer: await done, toc: tocFound.filter((entry) => entry.depth <= 2) };
}
