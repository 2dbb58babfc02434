import { chartTable, escapeXml, renderChartSvg, type ChartDefinition } from '@lykt/shared';
import { editionLines, rendererLabels } from './labels';
import type { DocBlock, DocModel } from './model';
import { numberFormatFor, type RenderOptions } from './options';

const escape = escapeXml;

function tableHtml(caption: string, headers: string[], rows: string[][], note: string | undefined, rowHeaders: boolean): string {
  const head = headers.length > 0 ? `<thead><tr>${headers.map((header) => `<th scope="col">${escape(header)}</th>`).join('')}</tr></thead>` : '';
  const body = rows
    .map((row) => `<tr>${row.map((value, index) => (rowHeaders && index === 0 ? `<th scope="row">${escape(value)}</th>` : `<td>${escape(value)}</td>`)).join('')}</tr>`)
    .join('');
  const table = `<table class="doc-table">${caption ? `<caption>${escape(caption)}</caption>` : ''}${head}<tbody>${body}</tbody></table>`;
  return note ? `${table}<p class="doc-note">${escape(note)}</p>` : table;
}

function chartHtml(definition: ChartDefinition, formatNumber: (value: number) => string): string {
  const data = chartTable(definition, formatNumber);
  const svg = renderChartSvg(definition, { width: 640, height: 280, formatNumber });
  const id = `chart-${definition.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return `<figure class="doc-chart" id="${id}" aria-labelledby="${id}-caption"><figcaption id="${id}-caption">${escape(definition.title)}</figcaption>${svg}${tableHtml(data.caption, data.headers, data.rows, data.note, true)}</figure>`;
}

function blockHtml(block: DocBlock, formatNumber: (value: number) => string, headingId?: string): string {
  switch (block.type) {
    case 'heading': {
      const level = block.level + 1;
      return `<h${level}${headingId ? ` id="${headingId}"` : ''}>${escape(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${escape(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${escape(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(block.caption, block.headers, block.rows, block.note, false);
    case 'chart':
      return chartHtml(block.chart, formatNumber);
    case 'keyValue':
      return `<dl class="doc-kv">${block.items.map((item) => `<div><dt>${escape(item.label)}</dt><dd>${escape(item.value)}</dd></div>`).join('')}</dl>`;
    case 'pageBreak':
      return '';
  }
}

/**
 * The document as an HTML fragment (no <html> wrapper, no script, no inline style: safe under the
 * public pages' CSP): the title as <h1>, the edition lines, with `toc` a contents list linking to
 * the headings, block headings as <h2>–<h4>, tables with caption and
 * scoped headers, charts as <figure> with the accessible inline SVG and its data table.
 * Every text is escaped.
 */
export function renderHtml(model: DocModel, options: RenderOptions = {}): string {
  const formatNumber = options.formatNumber ?? numberFormatFor(model.lang);
  const parts = [`<h1>${escape(model.title)}</h1>`];
  if (model.subtitle) parts.push(`<p class="doc-subtitle">${escape(model.subtitle)}</p>`);
  if (model.edition) parts.push(...editionLines(model.edition, model.lang).map((line) => `<p class="doc-edition">${escape(line)}</p>`));
  let headings = 0;
  const ids = model.blocks.map((block) => (block.type === 'heading' ? `section-${(headings += 1)}` : undefined));
  if (model.toc) {
    const entries = model.blocks.flatMap((block, index) => (block.type === 'heading' && block.level <= 2 ? [`<li class="doc-toc-${block.level}"><a href="#${ids[index] ?? ''}">${escape(block.text)}</a></li>`] : []));
    const label = rendererLabels(model.lang).contents;
    if (entries.length > 0) parts.push(`<nav class="doc-toc" aria-label="${escape(label)}"><h2>${escape(label)}</h2><ul>${entries.join('')}</ul></nav>`);
  }
  model.blocks.forEach((block, index) => parts.push(blockHtml(block, formatNumber, model.toc ? ids[index] : undefined)));
  return parts.join('\n');
}
