import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pruneThemeCss } from './css-prune';

const require = createRequire(import.meta.url);

/** The design system's components the public pages use; the full bundle would break the 50 kB budget. */
const DS_COMPONENTS = ['base', 'heading', 'paragraph', 'link', 'list', 'button', 'label', 'field', 'input', 'fieldset', 'validation-message', 'error-summary', 'alert', 'skip-link', 'card', 'tag'];
const FONT_WEIGHTS = ['400', '600'];
/**
 * Self-hosted fonts and the subsets served. Inter covers the Latin, Cyrillic and Vietnamese pages; Noto Sans
 * Arabic and Noto Sans Thai cover the scripts Inter lacks. Each face has its unicode-range, so a browser fetches
 * only the files the page's text needs. Greek is not offered.
 */
const FONT_FAMILIES = [
  { pkg: 'inter', subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] },
  { pkg: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-thai', subsets: ['thai'] },
];

/** Layout of the public pages, on top of the design system's tokens. No inline styles anywhere (CSP). */
const PUBLIC_CSS = `
@layer lykt.public {
body{margin:0;font-family:Inter,system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic','Noto Sans Thai',Tahoma,sans-serif;background:var(--ds-color-neutral-background-default);color:var(--ds-color-neutral-text-default);line-height:1.5}
.pp-top{display:flex;flex-wrap:wrap;gap:var(--ds-size-3);align-items:center;justify-content:space-between;padding:var(--ds-size-3) var(--ds-size-4);border-block-end:1px solid var(--ds-color-neutral-border-subtle);background:var(--ds-color-neutral-background-tinted)}
.pp-site{font-weight:600;color:inherit;text-decoration:none}
.pp-exit{position:sticky;inset-block-start:0;z-index:10}
.pp-exit .ds-button{font-weight:600}
.pp-exit-hint{margin:0;padding:var(--ds-size-2) var(--ds-size-4);font-size:var(--ds-font-size-2);background:var(--ds-color-neutral-background-tinted)}
.pp-nav ul{display:flex;flex-wrap:wrap;gap:var(--ds-size-4);list-style:none;margin:0;padding:0}
.pp-main{max-inline-size:44rem;margin-inline:auto;padding:var(--ds-size-6) var(--ds-size-4) var(--ds-size-12)}
.pp-main>*+*{margin-block-start:var(--ds-size-5)}
.pp-stack>*+*{margin-block-start:var(--ds-size-4)}
.pp-lang{padding:var(--ds-size-4);border-block-start:1px solid var(--ds-color-neutral-border-subtle)}
.pp-lang ul{display:flex;flex-wrap:wrap;gap:var(--ds-size-2) var(--ds-size-4);list-style:none;margin:0;padding:0}
.pp-foot{padding:var(--ds-size-4);font-size:var(--ds-font-size-2);display:flex;flex-wrap:wrap;gap:var(--ds-size-4);justify-content:space-between}
.pp-receipt{font-size:min(var(--ds-font-size-7),6vw);white-space:nowrap;font-weight:600;letter-spacing:.08em;direction:ltr;unicode-bidi:isolate;font-variant-numeric:tabular-nums}
.pp-phone{direction:ltr;unicode-bidi:isolate;font-weight:600}
.pp-numbers{list-style:none;padding:0;margin:0}
.pp-numbers li+li{margin-block-start:var(--ds-size-3)}
.pp-numbers a{overflow-wrap:anywhere}
.pp-main h1.ds-heading{overflow-wrap:break-word;hyphens:auto}
@media (max-width:24rem){.pp-main h1.ds-heading{font-size:1.75rem}}
.pp-msg{border-inline-start:4px solid var(--ds-color-neutral-border-default);padding-inline-start:var(--ds-size-3);white-space:pre-wrap;overflow-wrap:anywhere}
.pp-msg[data-from=municipality]{border-inline-start-color:var(--ds-color-accent-border-strong)}
.pp-meta{font-size:var(--ds-font-size-2);color:var(--ds-color-neutral-text-subtle)}
.pp-choice{display:grid;gap:var(--ds-size-2)}
.pp-contact{margin-block-start:var(--ds-size-3)}
fieldset:has(input[name=anonymous][value=yes]:checked) .pp-contact{display:none}
textarea.ds-input{min-block-size:10rem}
.pp-figure{margin:0}.pp-figure svg{display:block;max-inline-size:100%;block-size:auto}
.pp-table{border-collapse:collapse;inline-size:100%}.pp-table th,.pp-table td{border-block-end:1px solid var(--ds-color-neutral-border-subtle);padding:var(--ds-size-2);text-align:start}
}`;

/** A small script: quick exit that replaces the history entry, and the optional proof of work. */
const PUBLIC_JS = `(function(){
'use strict';
var exit=document.querySelectorAll('a[data-quick-exit]');
for(var i=0;i<exit.length;i++){exit[i].addEventListener('click',function(event){event.preventDefault();window.location.replace(this.getAttribute('href'));});}
var form=document.querySelector('form[data-pow]');
if(!form||!window.crypto||!window.crypto.subtle||!window.TextEncoder)return;
var challenge=form.querySelector('input[name=challenge]');var nonce=form.querySelector('input[name=nonce]');
if(!challenge||!nonce)return;
var bits=Number(form.getAttribute('data-pow'));var encoder=new TextEncoder();var done=false;
function zeroBits(bytes){var count=0;for(var j=0;j<bytes.length;j++){var b=bytes[j];if(b===0){count+=8;continue;}while((b&128)===0){count++;b<<=1;}break;}return count;}
async function solve(){for(var n=0;n<50000000;n++){var digest=new Uint8Array(await crypto.subtle.digest('SHA-256',encoder.encode(challenge.value+':'+n)));if(zeroBits(digest)>=bits){nonce.value=String(n);done=true;return;}}}
var work=solve().catch(function(){done=true;});
form.addEventListener('submit',function(event){if(done)return;event.preventDefault();work.then(function(){form.submit();});});
})();
`;

export type Asset = { body: Buffer; gzip: Buffer; type: string; etag: string };

function asset(body: Buffer | string, type: string): Asset {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: buffer, gzip: gzipSync(buffer, { level: 9 }), type, etag: `"${createHash('sha256').update(buffer).digest('hex').slice(0, 16)}"` };
}

function fontFaces(): { css: string; files: Map<string, Asset> } {
  const files = new Map<string, Asset>();
  const blocks: string[] = [];
  for (const family of FONT_FAMILIES) {
    const fontDir = path.join(path.dirname(require.resolve(`@fontsource/${family.pkg}/400.css`)), 'files');
    const pattern = new RegExp(`url\\(\\./files/(${family.pkg}-([a-z-]+)-\\d{3}-normal)\\.woff2\\)`);
    for (const weight of FONT_WEIGHTS) {
      const css = fs.readFileSync(require.resolve(`@fontsource/${family.pkg}/${weight}.css`), 'utf8');
      for (const block of css.split('@font-face').slice(1)) {
        const file = pattern.exec(block);
        if (!file?.[1] || !file[2] || !family.subsets.includes(file[2])) continue;
        const name = `${file[1]}.woff2`;
        files.set(name, asset(fs.readFileSync(path.join(fontDir, name)), 'font/woff2'));
        const body = block.slice(0, block.indexOf('}') + 1).replace(/src:[^;]+;/, `src:url(/public-assets/fonts/${name}) format('woff2');`);
        blocks.push(`@font-face${body}`);
      }
    }
  }
  return { css: blocks.join('\n'), files };
}

/** Builds the public pages' assets once at start: CSS bundle, script and fonts, all served from this host. */
export function buildPublicAssets(): { files: Map<string, Asset>; fonts: Map<string, Asset> } {
  const theme = fs.readFileSync(require.resolve('@digdir/designsystemet-css/theme'), 'utf8');
  const components = DS_COMPONENTS.map((name) => fs.readFileSync(require.resolve(`@digdir/designsystemet-css/${name}.css`), 'utf8'));
  const { css: fontCss, files: fonts } = fontFaces();
  const consumers = [...components, PUBLIC_CSS].join('\n');
  const css = ['@layer ds.theme, ds.base, ds.components, lykt.public;', fontCss, pruneThemeCss(theme, consumers), consumers].join('\n');
  const files = new Map<string, Asset>([
    ['public.css', asset(css, 'text/css; charset=utf-8')],
    ['public.js', asset(PUBLIC_JS, 'text/javascript; charset=utf-8')],
  ]);
  return { files, fonts };
}
