import type { Plugin } from 'vite';

/**
 * The Inter files every page draws its text with: the Latin subset (Norwegian and English fit in
 * it) in the three weights the app imports in main.tsx.
 */
const PRELOADED = /(^|\/)inter-latin-(400|500|600)-normal-[\w-]+\.woff2$/;

/**
 * Adds `<link rel="preload" as="font">` for the Latin Inter files to the built index.html. Without
 * it the browser finds the fonts only after the stylesheet and the first render, draws the text in
 * a fallback font, and swaps to Inter a moment later (font-display: swap): the text changes size
 * and the layout moves under the reader's pointer. Preloaded, the fonts are usually there before
 * the first render. Fonts are fetched in CORS mode, so the preload must say crossorigin or the
 * browser fetches each file twice.
 */
export function fontPreload(): Plugin {
  let base = '/';
  return {
    name: 'lykt-font-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {})
          .filter((file) => PRELOADED.test(file))
          .sort();
        if (files.length !== 3) throw new Error(`font preload: expected the Latin Inter files in weights 400, 500 and 600, found ${files.length}: ${files.join(', ')}`);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `${base}${file}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
