export type { DocBlock, DocEdition, DocLogo, DocModel } from './model';
export { numberFormatFor, type RenderOptions } from './options';
export { renderPdf, renderDocx } from './render';
export { renderHtml } from './html';
export { countText, editionLines, type PluralForms } from './labels';
