import { readFileSync } from 'node:fs';
import type { PublicLanguage } from '@lykt/content/public-texts';

/**
 * What search engines need to find the information pages: robots.txt, a sitemap of the
 * information pages in each offered language, and a favicon. The tip form, receipt and
 * follow-up are left out of the sitemap and carry noindex (see `isInformationPage`).
 */

/** robots.txt: the public information pages may be crawled; the staff app and the API may not. */
export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Disallow: /app/', 'Disallow: /api/', 'Allow: /', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The information pages (home, the page on deleting the browser history, and the action plan when published) in every language the municipality offers, each with its other-language versions. */
export function sitemapXml(origin: string, languages: readonly PublicLanguage[], planPublished: boolean): string {
  const paths = ['/', '/safety', ...(planPublished ? ['/plan'] : [])];
  const url = (lang: PublicLanguage, path: string) => `${origin}/${lang}${path}`;
  const entries = paths.flatMap((path) =>
    languages.map((lang) => {
      const alternates = languages.map((other) => `    <xhtml:link rel="alternate" hreflang="${other}" href="${escapeXml(url(other, path))}"/>`).join('\n');
      return `  <url>\n    <loc>${escapeXml(url(lang, path))}</loc>\n${alternates}\n  </url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

/** The staff app's lantern mark, so both parts show the same icon (read once; nothing fetched from elsewhere). */
export const FAVICON_SVG = readFileSync(new URL('../../../web/public/favicon.svg', import.meta.url), 'utf8');
