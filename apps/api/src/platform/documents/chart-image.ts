import { Resvg } from '@resvg/resvg-js';
import { renderChartSvg, type ChartDefinition, type ChartRenderOptions } from '@lykt/shared';
import { rasterFontFiles } from './fonts';

/**
 * A chart as PNG, for documents that cannot hold vector SVG (DOCX). Rendered from the same
 * renderChartSvg output the web app shows, at `scale` times the layout size for sharp print.
 */
export function renderChartPng(definition: ChartDefinition, options: ChartRenderOptions & { scale?: number }): Buffer {
  const svg = renderChartSvg(definition, { ...options, fontFamily: 'Inter' });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: rasterFontFiles(), defaultFontFamily: 'Inter' },
  });
  return resvg.render().asPng();
}
