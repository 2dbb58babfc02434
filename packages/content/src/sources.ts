import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ContentSourceSchema, todayInNorway, type ContentSource, type ContentSourceReview, type ContentSourceReviewItem } from '@lykt/shared';

export { ContentSourceSchema, LawSourceSchema, PageSourceSchema, formatContentSource, type ContentSource } from '@lykt/shared';

/**
 * How long a checked source stays current. After this many months the source is "due for review":
 * the content test fails and the administrator's review list shows it.
 */
export const SOURCE_REVIEW_INTERVAL_MONTHS = 12;

/** The root of the shipped content (packages/content). */
export const CONTENT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Folders scanned for texts; src/ is code and is left out. */
const CONTENT_FOLDERS = ['cases', 'indicators', 'knowledge', 'overview', 'plan-template', 'procurement', 'public', 'reports'] as const;

/** A file named like this holds sources for the other JSON files in its folder, keyed by the JSON path of the text. */
const SIDE_SOURCES_FILE = 'sources.json';

/** Keys whose string values are not texts people read as facts: identifiers, addresses and origin notes. */
const SKIP_KEYS = new Set(['sources', 'source', 'id', 'key', 'slug', 'code', 'url', 'quickExitUrl', 'file', 'field', 'htcds', 'dir']);

export type ClaimKind = 'law' | 'phone' | 'body';

/** One thing in a text that needs a source: a law section, a phone number or a public body. */
export type Claim = { kind: ClaimKind; value: string };

const NUMBER = String.raw`\d+(?:-\d+)?[a-z]?`;
const NUMBER_LIST = String.raw`${NUMBER}(?:\s*(?:,|og|and|or|eller|–)\s*${NUMBER})*`;
const LAW_MENTION = new RegExp(String.raw`(?:§§?|(?<![\p{L}])(?:sections?|paragraphs?|paragraf(?:en|ene|er)?)(?![\p{L}]))\s*(${NUMBER_LIST})`, 'giu');
const SECTION_NUMBERS = new RegExp(NUMBER, 'g');

/** Norwegian phone numbers: 8 digits (grouped or not), 02800, emergency 110/112/113 and the 116 xxx lines. */
const PHONE_MENTIONS: readonly RegExp[] = [
  /(?<![\d-])(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{8})(?![\d-])/g,
  /(?<![\d-])02800(?![\d-])/g,
  /(?<![\d-])116 ?\d{3}(?![\d-])/g,
  /(?<![\d.,-])11[023](?![\d.,-])/g,
];

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
const body = (pattern: string, flags = 'giu') => new RegExp(pattern, flags);

/**
 * Public bodies that, when a text names them, make the text a factual claim about that body. Patterns cover
 * bokmål, nynorsk and English and, for the police, every public-page language. Sources are shared across the
 * language versions of a text, so one language finding a body is enough for the check.
 */
export const PUBLIC_BODIES: Readonly<Record<string, readonly RegExp[]>> = {
  police: [
    body(`${L}(?:politi(?:et|ets)?|politidistrikt\\w*|politidirektoratet|police)${R}`),
    body(`${L}(?:poli[țţ]i|полици|поліці|policj|policij|polic[íi]a|pulis)`),
    body('cảnh sát|ตำรวจ|الشرطة|شرطة'),
  ],
  kom: [body(`${L}KOM${R}`, 'gu'), body(`${L}(?:koordineringsenhet\\w*|coordination unit)`)],
  udi: [body(`${L}UDI${R}`, 'gu'), body(`${L}(?:utlendingsdirektorat\\w*|directorate of immigration)`)],
  bufdir: [body(`${L}(?:bufdir|bufetat)${R}`)],
  child_welfare: [body(`${L}(?:barnevern\\w*|child welfare)`)],
  nav: [body(`${L}(?:NAV|Nav)${R}`, 'gu')],
  labour_inspection: [body(`${L}(?:arbeidstilsyn\\w*|labour inspection\\w*)`)],
  a_krim: [body(`${L}a-krim\\w*`)],
  rosa: [body(`${L}ROSA${R}`, 'gu')],
  shelter_secretariat: [body(`${L}krisesentersekretariat\\w*`)],
  data_protection: [body(`${L}(?:datatilsyn\\w*|data protection authority)`)],
  county_governor: [body(`${L}(?:statsforvalter\\w*|county governor)`)],
  tax: [body(`${L}(?:skatteetat\\w*|tax administration)`)],
  imdi: [body(`${L}IMDi${R}`, 'gu'), body(`${L}(?:tolkeregister\\w*|interpreter register)`)],
  kripos: [body(`${L}kripos${R}`)],
};

/** Texts shorter than this many words that only name a body are labels ("Police", "Child welfare"), not claims. */
const LABEL_MAX_WORDS = 5;

/** Every claim in one text, each distinct claim once. */
export function findClaims(text: string): Claim[] {
  const claims = new Map<string, Claim>();
  const add = (claim: Claim) => claims.set(`${claim.kind}:${claim.value}`, claim);
  for (const match of text.matchAll(LAW_MENTION)) for (const section of sectionNumbers(match[1] ?? '')) add({ kind: 'law', value: section });
  for (const pattern of PHONE_MENTIONS) for (const match of text.matchAll(pattern)) add({ kind: 'phone', value: match[0].replace(/\s+/g, '') });
  const isLabel = text.trim().split(/\s+/).length <= LABEL_MAX_WORDS;
  if (isLabel) return [...claims.values()];
  for (const [name, patterns] of Object.entries(PUBLIC_BODIES)) if (patterns.some((pattern) => new RegExp(pattern.source, pattern.flags).test(text))) add({ kind: 'body', value: name });
  return [...claims.values()];
}

function sectionNumbers(list: string): string[] {
  return [...list.matchAll(SECTION_NUMBERS)].map((match) => match[0]);
}

/** True when one of the sources backs the claim: a law section needs that section; a phone number a public page; a body any source. */
export function isClaimCovered(claim: Claim, sources: readonly ContentSource[]): boolean {
  switch (claim.kind) {
    case 'law':
      return sources.some((source) => 'law' in source && sectionNumbers(source.law.split(/§§?/)[1] ?? '').includes(claim.value));
    case 'phone':
      return sources.some((source) => 'url' in source);
    case 'body':
      return sources.length > 0;
  }
}

/** A source entry found in the content, and where. */
export type SourceEntry = { file: string; location: string; source: ContentSource };

/** One claim found in one text, and whether a source covers it. */
export type ClaimFinding = Claim & { file: string; location: string; covered: boolean; excerpt: string };

export type ContentScan = { texts: number; claims: ClaimFinding[]; sources: SourceEntry[]; problems: string[] };

type TextUnit = { file: string; location: string; text: string; sources: readonly ContentSource[] };

function parseSources(raw: unknown, file: string, location: string, problems: string[]): ContentSource[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`${file} ${location}: "sources" must be a non-empty array`);
    return [];
  }
  const parsed: ContentSource[] = [];
  raw.forEach((entry, index) => {
    const result = ContentSourceSchema.safeParse(entry);
    if (result.success) parsed.push(result.data);
    else problems.push(`${file} ${location}[${index}]: not a source (${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}): ${JSON.stringify(entry)}`);
  });
  return parsed;
}

/** Walks a JSON value; each string (outside SKIP_KEYS) becomes a text covered by every `sources` array on the way down. */
function jsonUnits(file: string, value: unknown, side: ReadonlyMap<string, ContentSource[]>, entries: SourceEntry[], problems: string[]): TextUnit[] {
  const units: TextUnit[] = [];
  const sideFor = (location: string) => [...side.entries()].filter(([prefix]) => location === prefix || location.startsWith(`${prefix}.`) || location.startsWith(`${prefix}[`)).flatMap(([, sources]) => sources);
  const walk = (node: unknown, location: string, inherited: readonly ContentSource[]) => {
    if (typeof node === 'string') {
      units.push({ file, location, text: node, sources: [...inherited, ...sideFor(location)] });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${location}[${index}]`, inherited));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    let here = inherited;
    if ('sources' in record) {
      const sourcesAt = location === '' ? 'sources' : `${location}.sources`;
      const own = parseSources(record.sources, file, sourcesAt, problems);
      own.forEach((source) => entries.push({ file, location: sourcesAt, source }));
      here = [...inherited, ...own];
    }
    for (const [key, child] of Object.entries(record)) {
      if (SKIP_KEYS.has(key)) continue;
      walk(child, location === '' ? key : `${location}.${key}`, here);
    }
  };
  walk(value, '', []);
  return units;
}

function articleUnits(file: string, text: string, entries: SourceEntry[], problems: string[]): TextUnit[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(`${file}: no front matter`);
    return [];
  }
  const front = parseYaml(match[1] ?? '') as Record<string, unknown> | null;
  const sources = front && 'sources' in front ? parseSources(front.sources, file, 'front matter sources', problems) : [];
  sources.forEach((source) => entries.push({ file, location: 'front matter', source }));
  const field = (name: string) => (front && typeof front[name] === 'string' ? (front[name]) : '');
  return [
    { file, location: 'title', text: field('title'), sources },
    { file, location: 'summary', text: field('summary'), sources },
    { file, location: 'body', text: match[2] ?? '', sources },
  ];
}

function sideSources(file: string, raw: unknown, entries: SourceEntry[], problems: string[]): Map<string, ContentSource[]> {
  const map = new Map<string, ContentSource[]>();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${file}: must be an object of JSON path -> sources`);
    return map;
  }
  for (const [prefix, list] of Object.entries(raw as Record<string, unknown>)) {
    if (prefix === 'note') continue;
    const sources = parseSources(list, file, prefix, problems);
    sources.forEach((source) => entries.push({ file, location: prefix, source }));
    map.set(prefix, sources);
  }
  return map;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** Reads every text in the shipped content (articles, JSON data) and finds its claims and sources. */
export function scanContent(root: string = CONTENT_ROOT): ContentScan {
  const problems: string[] = [];
  const entries: SourceEntry[] = [];
  const units: TextUnit[] = [];
  const files = CONTENT_FOLDERS.flatMap((folder) => filesUnder(path.join(root, folder)));
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const sideByDir = new Map<string, Map<string, ContentSource[]>>();
  for (const file of files.filter((name) => path.basename(name) === SIDE_SOURCES_FILE)) {
    sideByDir.set(path.dirname(file), sideSources(relative(file), JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, entries, problems));
  }
  for (const file of files) {
    const name = relative(file);
    if (path.basename(file) === SIDE_SOURCES_FILE) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.md')) {
      if (path.basename(file) === 'README.md') continue;
      units.push(...articleUnits(name, text, entries, problems));
    } else if (file.endsWith('.json')) {
      units.push(...jsonUnits(name, JSON.parse(text) as unknown, sideByDir.get(path.dirname(file)) ?? new Map(), entries, problems));
    }
  }
  const claims = units.flatMap((unit) =>
    findClaims(unit.text).map((claim) => ({ ...claim, file: unit.file, location: unit.location, covered: isClaimCovered(claim, unit.sources), excerpt: excerpt(unit.text, claim) })),
  );
  return { texts: units.length, claims, sources: entries, problems };
}

function excerpt(text: string, claim: Claim): string {
  const flat = text.replace(/\s+/g, ' ');
  const at = claim.kind === 'body' ? 0 : Math.max(0, flat.indexOf(claim.value.slice(0, 3)) - 40);
  return flat.slice(at, at + 120);
}

/** The day a source checked on `checked` is due for review (YYYY-MM-DD). */
export function reviewDueDate(checked: string, months: number = SOURCE_REVIEW_INTERVAL_MONTHS): string {
  const date = new Date(`${checked}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** True when the source's review day has come (days in Norway). */
export function isSourceDue(source: ContentSource, today: Date = new Date()): boolean {
  return reviewDueDate(source.checked) <= todayInNorway(today);
}

/** Every source entry with its review day, the due ones first (for the administrator's list and the closing count). */
export function contentSourceReview(today: Date = new Date(), scan: ContentScan = scanContent()): ContentSourceReview {
  const items: ContentSourceReviewItem[] = scan.sources.map(({ file, location, source }) => ({
    file,
    location,
    label: 'law' in source ? source.law : `${source.title} (${source.publisher})`,
    url: 'url' in source ? source.url : null,
    checked: source.checked,
    reviewDue: reviewDueDate(source.checked),
    isDue: isSourceDue(source, today),
  }));
  items.sort((a, b) => Number(b.isDue) - Number(a.isDue) || a.reviewDue.localeCompare(b.reviewDue) || a.file.localeCompare(b.file) || a.location.localeCompare(b.location));
  return {
    reviewIntervalMonths: SOURCE_REVIEW_INTERVAL_MONTHS,
    sourcedClaims: scan.claims.filter((claim) => claim.covered).length,
    total: items.length,
    due: items.filter((item) => item.isDue).length,
    items,
  };
}

/** Problems that make the content test fail: bad source entries, claims without a source, sources from the future. */
export function sourceProblems(scan: ContentScan, today: Date = new Date()): string[] {
  const day = todayInNorway(today);
  return [
    ...scan.problems,
    ...scan.claims.filter((claim) => !claim.covered).map((claim) => `${claim.file} ${claim.location}: ${claim.kind} "${claim.value}" has no source that covers it: "${claim.excerpt}"`),
    ...scan.sources.filter((entry) => entry.source.checked > day).map((entry) => `${entry.file} ${entry.location}: checked ${entry.source.checked} is in the future`),
  ];
}

