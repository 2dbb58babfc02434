import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { ChartDefinition, Meeting } from '@lykt/shared';
import { buildMinutesDocument } from '../../modules/cooperation/minutes-document';
import { buildCertificateDocument } from '../../modules/training/certificate.document';
import { renderDocx } from './index';
import type { DocModel } from './model';
import { docxDrawings, inspectPdf, pdfImagePlacements, unzipDocx } from './testing';

/**
 * The DOCX files Lykt writes, opened in a second reader: LibreOffice converts them to PDF and the
 * PDF is read back with pdf.js. Catches what a look at the XML does not: charts clipped to a sliver
 * by an exact line height, title lines drawn over each other, text that never shows.
 */

const run = promisify(execFile);

/** soffice from the Debian package (libreoffice-writer) or wherever PATH has it. */
function findSoffice(): string {
  const dirs = ['/usr/bin', '/usr/local/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program', ...(process.env.PATH ?? '').split(path.delimiter)];
  for (const dir of dirs) {
    for (const name of ['soffice', 'libreoffice']) {
      const file = path.join(dir, name);
      if (dir && fs.existsSync(file)) return file;
    }
  }
  throw new Error(
    'LibreOffice (soffice) was not found, and this test needs it to check the DOCX files in a second reader. ' +
      'Install it: on Debian/Ubuntu `sudo apt-get install --no-install-recommends libreoffice-writer hyphen-no`, on macOS `brew install --cask libreoffice` ' +
      '(then put soffice on PATH). .ci/run installs it in CI.',
  );
}

/**
 * Norwegian hyphenation patterns where LibreOffice finds them: Debian's hyphen-no, or the
 * dictionary extension a desktop install of LibreOffice carries. Without them LibreOffice ignores
 * soft hyphens in Norwegian text, which no reader's LibreOffice does.
 */
function requireNorwegianHyphenation(soffice: string): void {
  const program = path.dirname(fs.realpathSync(soffice));
  const candidates = ['/usr/share/hyphen/hyph_nb_NO.dic', path.join(program, '..', 'share', 'extensions', 'dict-no', 'hyph_nb_NO.dic'), path.join(program, '..', 'Resources', 'extensions', 'dict-no', 'hyph_nb_NO.dic')];
  if (candidates.some((file) => fs.existsSync(file))) return;
  throw new Error(
    'LibreOffice has no Norwegian hyphenation patterns, so it would ignore the soft hyphens in the DOCX files and this test could not check them. ' +
      'Install them: on Debian/Ubuntu `sudo apt-get install --no-install-recommends hyphen-no` (.ci/run does).',
  );
}

/** Converts a DOCX to PDF with a fresh LibreOffice profile, so parallel runs never share one. */
async function convertToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-lo-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 150_000 });
    const output = path.join(dir, 'document.pdf');
    if (!fs.existsSync(output)) throw new Error('LibreOffice wrote no PDF');
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const TIMEOUT = 180_000;

const areas = ['A Kunnskap og kompetanse', 'B Samarbeid på tvers', 'C Forebygging i skolen', 'D Identifisering av ofre', 'E Oppfølging og bistand'];
const chart = (id: string, title: string, kind: ChartDefinition['kind']): ChartDefinition => ({
  id,
  kind,
  title,
  description: `${title} i prosent.`,
  categoryLabel: 'Område',
  valueLabel: 'Prosent',
  categories: areas,
  series: [{ key: 'value', label: 'Prosent', values: [40, null, 100, 55, 70], display: [null, 'færre enn 5', null, null, null] }],
  max: 100,
});
const charts = [chart('progress', 'Framdrift per område', 'bar'), chart('coverage', 'Opplæringsdekning per område', 'bar'), chart('trend', 'Tips over tid', 'line'), chart('cases', 'Saker per område', 'bar')];

const logo = Buffer.from(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#1f5d99"/><circle cx="50" cy="50" r="34" fill="#fff"/></svg>').render().asPng());

const report: DocModel = {
  title: 'Rapport til kommunestyret om arbeidet mot menneskehandel i Øvre Ås kommune 2026',
  subtitle: 'Handlingsplan mot menneskehandel',
  lang: 'nb',
  footer: 'Øvre Ås kommune',
  author: 'Øvre Ås kommune',
  edition: { dataAsOf: '2026-12-04', version: 2, status: 'final', frozenAt: '2026-12-04T13:05:00Z' },
  toc: true,
  logo: { data: logo, type: 'png', alt: 'Øvre Ås kommune' },
  blocks: [
    { type: 'heading', level: 1, text: 'Sammendrag' },
    { type: 'paragraph', text: 'Kommunen har i 2026 arbeidet med alle fem områdene i handlingsplanen.' },
    ...charts.flatMap((definition): DocModel['blocks'] => [
      { type: 'heading', level: 2, text: definition.title },
      { type: 'chart', chart: definition },
    ]),
    { type: 'heading', level: 1, text: 'Tiltakene' },
    {
      type: 'table',
      caption: 'Alle tiltak',
      headers: ['Nr', 'Tiltak', 'Framdrift', 'Ansvarlig virksomhet'],
      rows: Array.from({ length: 12 }, (_, index) => [String(index + 1), `Opplæring av ansatte i barneverntjenesten ${index + 1}`, `${index * 8} %`, 'Kommunehelsetjenesten']),
    },
  ],
};

/** Baselines of the text items that belong to `text`, top to bottom, on the first page. */
async function baselinesOf(pdf: Buffer, words: string[]): Promise<number[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  const ys = content.items.flatMap((item) => ('str' in item && words.some((word) => item.str.includes(word)) ? [item.transform[5] as number] : []));
  await document.destroy();
  return [...new Set(ys.map((y) => Math.round(y * 10) / 10))].sort((a, b) => b - a);
}

/** The text of the first page line by line: the items of one line joined as drawn, a newline where pdf.js sees a line end. */
async function textLines(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
  await document.destroy();
  return text;
}

describe('DOCX opened in LibreOffice', () => {
  it(
    'shows every chart at its full declared height, the title lines apart, the edition line, the contents and all text',
    async () => {
      const docx = await renderDocx(report);
      const files = unzipDocx(docx);
      const documentXml = files['word/document.xml'] ?? '';
      const drawings = docxDrawings(documentXml);
      expect(drawings.map((drawing) => drawing.name)).toEqual(['logo', ...charts.map((definition) => definition.id)]);
      // Every drawing has its own id.
      const ids = [...documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size).toBe(ids.length);

      const pdf = await convertToPdf(docx);
      const inspected = await inspectPdf(pdf);
      expect(inspected.pages).toBeGreaterThanOrEqual(4);
      expect(inspected.pages).toBeLessThanOrEqual(7);

      const placements = await pdfImagePlacements(pdf);
      expect(placements).toHaveLength(drawings.length);
      placements.forEach((placement, index) => {
        const declared = drawings[index];
        expect(declared).toBeDefined();
        expect(Math.abs(placement.height - (declared?.height ?? 0))).toBeLessThan(1);
        expect(Math.abs(placement.width - (declared?.width ?? 0))).toBeLessThan(1);
        expect(placement.visibleHeight).toBeGreaterThan(placement.height - 1);
      });

      const text = inspected.text.replace(/\s+/g, ' ');
      for (const expected of ['Data per 4. desember 2026, versjon 2, endelig', 'Endelig versjon frosset 4. desember 2026 kl. 14:05', 'Innhold', 'Opplæringsdekning per område', 'færre enn 5', 'Opplæring av ansatte i barneverntjenesten 12', 'Side 1 av']) {
        expect(text).toContain(expected);
      }

      // The title wraps onto two lines; with a line rule they stand a full line apart (22 pt type).
      const titleLines = await baselinesOf(pdf, ['Rapport til', 'kommune 2026', 'menneskehandel i']);
      expect(titleLines.length).toBeGreaterThanOrEqual(2);
      expect((titleLines[0] ?? 0) - (titleLines[1] ?? 0)).toBeGreaterThanOrEqual(22);
    },
    TIMEOUT,
  );

  it(
    'breaks a long word in a narrow table column only where it may be hyphenated, with a hyphen, also when the reader has no Calibri',
    async () => {
      // The council report's training table: four columns, bold headers with long Norwegian words.
      const headers = ['Type virksomhet', 'Grunnkurs: menneskehandel i kommunen', 'Tegn hos barn og familier: skole, barnehage, bibliotek og barnevern', 'Tegn hos voksne: helse, NAV, flyktningtjeneste og tilsyn'];
      const rows = [['Barnevern', 'skjult', 'skjult', 'skjult'], ['Flyktningtjeneste', 'skjult', '0', 'skjult'], ['Annen kommunal tjeneste', 'skjult', 'skjult', 'skjult']];
      const docx = await renderDocx({ title: 'Opplæring', lang: 'nb', blocks: [{ type: 'table', caption: 'Personer som fullførte opplæring, etter type virksomhet', headers, rows }] });
      requireNorwegianHyphenation(findSoffice());
      const lines = await textLines(await convertToPdf(docx));
      // Each line of text as drawn; a word hyphenated at a line end keeps its hyphen there.
      const joined = lines.replace(/[-\u00ad\u2010]\n/g, '');
      for (const word of ['menneskehandel', 'flyktningtjeneste', 'Flyktningtjeneste', 'virksomhet', 'kommunen', 'barnevern']) {
        expect(joined, word).toContain(word);
        for (let at = 1; at < word.length; at += 1) {
          expect(lines, `${word} broken after "${word.slice(0, at)}" without a hyphen`).not.toContain(`${word.slice(0, at)}\n${word.slice(at)}`);
        }
      }
    },
    TIMEOUT,
  );

  it(
    'shows meeting minutes with attendance, items, decisions and the action table',
    async () => {
      const organisation = { id: '00000000-0000-4000-8000-000000000001', name: 'Politiet i Øvre Ås' };
      const member = (id: number, name: string, present: boolean): Meeting['attendance'][number] => ({
        member: { id: `00000000-0000-4000-8000-00000000010${id}`, organisation, name, groupRole: id === 1 ? 'chair' : 'member', title: '', phone: null, email: null },
        present,
      });
      const meeting: Meeting = {
        id: '00000000-0000-4000-8000-000000000200',
        startsAt: '2026-11-20T12:00:00Z',
        place: 'Rådhuset, møterom 2',
        minutes: 'Gruppa gikk gjennom handlingsplanen.\n\nNeste møte blir i januar.',
        attendance: [member(1, 'Kari Nordmann', true), member(2, 'Ola Hansen', true), member(3, 'Aino Sárá', false)],
        items: [{ id: '00000000-0000-4000-8000-000000000300', title: 'Rutiner for tips', notes: 'Rutinen ble gjennomgått.', decision: 'Rutinen vedtas.' }],
        actions: [{ id: '00000000-0000-4000-8000-000000000400', text: 'Oppdatere kontaktlisten', ownerOrganisation: organisation, dueDate: '2026-12-15', measure: null, completedOn: null }],
        editable: false,
      };
      const docx = await renderDocx(buildMinutesDocument(meeting, 'nb', 'Øvre Ås kommune'));
      const inspected = await inspectPdf(await convertToPdf(docx));
      expect(inspected.pages).toBe(1);
      const text = inspected.text.replace(/\s+/g, ' ');
      for (const expected of ['Kari Nordmann', 'Aino Sárá', 'Rutiner for tips', 'Rutinen vedtas.', 'Oppdatere kontaktlisten', 'Neste møte blir i januar.', 'Side 1 av 1']) expect(text).toContain(expected);
    },
    TIMEOUT,
  );

  it(
    'shows a training certificate on one page with the name, module and validity',
    async () => {
      const docx = await renderDocx(
        buildCertificateDocument({
          lang: 'nb',
          municipalityName: 'Øvre Ås kommune',
          personName: 'Kari Nordmann',
          organisationName: 'Barneverntjenesten',
          moduleTitle: 'Grunnkurs i menneskehandel',
          moduleVersion: 2,
          score: 90,
          completedAt: new Date('2026-11-02T10:00:00Z'),
          validUntil: '2028-11-02',
          reference: 'AB12CD34',
        }),
      );
      const inspected = await inspectPdf(await convertToPdf(docx));
      expect(inspected.pages).toBe(1);
      const text = inspected.text.replace(/\s+/g, ' ');
      for (const expected of ['Kari Nordmann', 'Grunnkurs i menneskehandel', 'Barneverntjenesten', '2. november 2028', 'AB12CD34']) expect(text).toContain(expected);
    },
    TIMEOUT,
  );
});
