export type { DocBlock, DocEdition, DocLogo, DocModel } from './model';
export { numberFormatFor, type RenderOptions } from './options';
export { renderPdf, renderDocx, renderXlsx, type WorkerRenderOptions } from './render';
export { renderHtml } from './html';
export { countText, editionLines, type PluralForms } from './labels';
