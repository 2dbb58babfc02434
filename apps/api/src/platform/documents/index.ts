export type { DocBlock, DocEdition, DocLogo, DocModel } from './model';
export { renderPdf, numberFormatFor, type RenderOptions } from './pdf';
export { renderDocx } from './docx';
export { renderChartPng } from './chart-image';
export { renderHtml } from './html';
export { countText, editionLines, type PluralForms } from './labels';
