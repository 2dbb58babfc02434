import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Inter, self-hosted from @fontsource/inter (the same font as the web app and the public pages),
 * embedded in every PDF and used to rasterise charts for DOCX. Fontsource ships Inter split into
 * unicode-range subsets; a text run is drawn with the first subset that covers its characters, so
 * Norwegian (æ ø å), Sami (á č đ ŋ š ŧ ž), Polish, Romanian, Cyrillic, Greek and Vietnamese names
 * all print. Characters Inter lacks (Arabic, Thai) print as the font's missing-glyph box.
 */
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;

export type FontFace = {
  /** Name registered with pdfkit, e.g. "Inter-latin-ext-700". */
  name: string;
  subset: string;
  weight: FontWeight;
  /** The WOFF (1.0) file as shipped. */
  woff: Buffer;
  ranges: Array<[number, number]>;
};

const require = createRequire(import.meta.url);

function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '0', 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

let cached: FontFace[] | undefined;

/** Every face, latin first: the order in which a character looks for a face that covers it. */
export function fontFaces(): FontFace[] {
  if (cached) return cached;
  const packageDir = path.dirname(require.resolve('@fontsource/inter/package.json'));
  const faces: FontFace[] = [];
  for (const weight of FONT_WEIGHTS) {
    const css = fs.readFileSync(path.join(packageDir, `${weight}.css`), 'utf8');
    const ranges = new Map<string, Array<[number, number]>>();
    for (const block of css.split('@font-face').slice(1)) {
      const file = /inter-([a-z-]+)-\d{3}-normal\.woff\)/.exec(block);
      const range = /unicode-range:\s*([^;]+);/.exec(block);
      if (file?.[1] && range?.[1]) ranges.set(file[1], parseRanges(range[1]));
    }
    for (const subset of SUBSETS) {
      const subsetRanges = ranges.get(subset);
      if (!subsetRanges) continue;
      faces.push({ name: `Inter-${subset}-${weight}`, subset, weight, woff: fs.readFileSync(path.join(packageDir, 'files', `inter-${subset}-${weight}-normal.woff`)), ranges: subsetRanges });
    }
  }
  cached = faces;
  return faces;
}

function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

export type TextRun = { text: string; font: string };

/**
 * Splits text into runs that one face each can draw. Whitespace and combining marks stay in the
 * current run; a character no face covers stays in the current run (drawn as the missing glyph).
 */
export function textRuns(text: string, weight: FontWeight): TextRun[] {
  const faces = fontFaces().filter((face) => face.weight === weight);
  const fallback = faces[0]?.name ?? 'Helvetica';
  const runs: TextRun[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const current = runs.at(-1);
    const keep = current !== undefined && (/\s/.test(char) || faces.some((face) => face.name === current.font && covers(face, codePoint)));
    const font = keep ? current.font : (faces.find((face) => covers(face, codePoint))?.name ?? current?.font ?? fallback);
    if (current && current.font === font) current.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

/** WOFF 1.0 to plain SFNT (TrueType/OpenType): the container's tables, inflated where compressed. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: Buffer; checksum: number; data: Buffer }> = [];
  for (let index = 0; index < numTables; index += 1) {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.push({ tag: woff.subarray(entry, entry + 4), checksum: woff.readUInt32BE(entry + 16), data: compressed < original ? inflateSync(raw) : Buffer.from(raw) });
  }
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    table.tag.copy(header, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

const sfntCache = new Map<string, Buffer>();

/**
 * A face as plain SFNT, converted once per process. pdfkit (fontkit) reads WOFF tables lazily and
 * inflates a compressed table again on every access, so a report registered from WOFF paid the
 * inflation per glyph lookup; from SFNT the tables are read in place.
 */
export function faceSfnt(face: FontFace): Buffer {
  let sfnt = sfntCache.get(face.name);
  if (!sfnt) {
    sfnt = woffToSfnt(face.woff);
    sfntCache.set(face.name, sfnt);
  }
  return sfnt;
}

let fontFiles: string[] | undefined;

/**
 * The faces as .ttf files for the SVG rasteriser (it loads fonts from paths only). Written once
 * per process into a content-addressed folder in the OS temp directory; a font is public data.
 */
export function rasterFontFiles(): string[] {
  if (fontFiles) return fontFiles;
  const faces = fontFaces();
  const hash = createHash('sha256');
  for (const face of faces) hash.update(face.woff);
  const dir = path.join(os.tmpdir(), `lykt-fonts-${hash.digest('hex').slice(0, 16)}`);
  fs.mkdirSync(dir, { recursive: true });
  fontFiles = faces.map((face) => {
    const file = path.join(dir, `${face.name}.ttf`);
    if (!fs.existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, faceSfnt(face));
      fs.renameSync(temp, file);
    }
    return file;
  });
  return fontFiles;
}
