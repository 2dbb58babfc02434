import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { LANGUAGE_CODES } from '@lykt/shared';
import { call, createHarness, seedTenant, signIn, type Session, type TestHarness } from '../../test/harness';
import { solveChallenge } from './guards';
import { FOLLOW_UP_MIN_MS, PUBLIC_CSP } from './public.routes';

let h: TestHarness;
let tenant: Awaited<ReturnType<typeof seedTenant>>;
let other: Awaited<ReturnType<typeof seedTenant>>;
let coordinator: Session;

beforeAll(async () => {
  h = await createHarness();
  tenant = await seedTenant(h, { name: 'Fjordby kommune', settings: { mfaPolicy: 'off', languages: [...LANGUAGE_CODES], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  other = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  h.deps.config.publicMunicipalityId = tenant.municipality.id;
  coordinator = await signIn(h, tenant.users.coordinator);
});
afterAll(async () => {
  await h.close();
});

let addressCounter = 10;
/** Each test sends from its own documentation-range address, so per-address limits do not leak between tests. */
const nextAddress = () => `203.0.113.${addressCounter++}`;

function get(url: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.1') {
  return h.app.inject({ method: 'GET', url, headers, remoteAddress });
}

function postForm(url: string, fields: Record<string, string>, remoteAddress: string, headers: Record<string, string> = {}) {
  return h.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

function hiddenValue(body: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  if (!match?.[1] && match?.[1] !== '') throw new Error(`no ${name} in form`);
  return match[1];
}

const baseTip = {
  what: 'Flere arbeidere bor i kjelleren på verkstedet og jobber hver natt.',
  placeKind: 'workplace',
  area: 'Sentrum',
  address: '',
  when: 'Forrige uke',
  peopleCount: 'two_to_five',
  minor: 'unknown',
  anonymous: 'yes',
};

/** Opens the form, solves its proof of work as the page script would, and submits. */
async function submitTip(lang: string, fields: Record<string, string>, remoteAddress: string, solve = true, headers: Record<string, string> = {}) {
  const form = await get(`/${lang}/tips`, {}, remoteAddress);
  expect(form.statusCode).toBe(200);
  const challenge = hiddenValue(form.body, 'challenge');
  return postForm(`/${lang}/tips`, { challenge, nonce: solve ? solveChallenge(challenge) : '', ...fields }, remoteAddress, headers);
}

function receiptFrom(response: LightMyRequestResponse): string {
  const match = /data-testid="receipt-code">([0-9 ]+)</.exec(response.body);
  if (!match?.[1]) throw new Error(`no receipt in ${response.statusCode}`);
  return match[1];
}

async function tipsOf(municipalityId: string) {
  return h.deps.db.select().from(schema.tip).where(eq(schema.tip.municipalityId, municipalityId));
}

describe('language negotiation at /', () => {
  it('picks the browser language, else the municipality default, and says it varies', async () => {
    const cases: [string | undefined, string][] = [
      ['ar,en;q=0.5', '/ar/'],
      ['en-GB,en;q=0.9', '/en/'],
      ['de-DE, pl;q=0.8', '/pl/'],
      ['no', '/nb/'],
      ['fil-PH', '/tl/'],
      ['de, fr;q=0.5', '/nb/'],
      [undefined, '/nb/'],
      ['en;q=0.2, uk;q=0.9', '/uk/'],
    ];
    for (const [header, target] of cases) {
      const response = await get('/', header ? { 'accept-language': header } : {});
      expect(response.statusCode, header).toBe(302);
      expect(response.headers.location, header).toBe(target);
      expect(response.headers.vary).toContain('accept-language');
    }
  });
});

describe('public pages', () => {
  it.each(LANGUAGE_CODES)('serve %s: home, tip form and follow-up, with lang, dir and a strict CSP, no cookie', async (lang) => {
    for (const path of ['/', '/tips', '/tips/follow-up']) {
      const response = await get(`/${lang}${path}`);
      expect(response.statusCode, `${lang}${path}`).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['content-security-policy']).toBe(PUBLIC_CSP);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
      // Everything the page loads comes from this host.
      for (const match of response.body.matchAll(/(?:src|href)="([^"]+)"/g)) {
        const url = match[1] ?? '';
        const external = /^https?:/.test(url);
        if (external) expect(url, `${lang}${path}`).toBe('https://www.yr.no/');
      }
      expect(response.body).toMatch(/<link rel="stylesheet" href="\/public-assets\/public\.css">/);
      expect(response.body).toContain('data-quick-exit');
      expect(response.body).toContain('href="/app/"');
    }
  });

  it('home page names the municipality, 112, the police, the shelter line and the municipality contact from settings', async () => {
    const saved = await call(h, coordinator, 'PUT', '/api/v1/tips/settings', {
      publicPagesEnabled: true,
      tipFormEnabled: true,
      contactName: 'Fjordby koordinator for menneskehandel',
      contactPhone: '+47 11 22 33 44',
      contactEmail: 'menneskehandel@fjordby.invalid',
      openingHours: 'Hverdager 08–15',
      retentionMonths: 12,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await get('/nb/');
    expect(response.body).toContain('Fjordby kommune');
    for (const text of ['112', '02800', '22 33 11 60', 'Fjordby koordinator for menneskehandel', '+47 11 22 33 44', 'menneskehandel@fjordby.invalid', 'Hverdager 08–15', 'refleksjonsperiode', 'Barnevernet']) {
      expect(response.body).toContain(text);
    }
  });

  it('serve the stylesheet, script and fonts from this host, compressed, within the page budget', async () => {
    const css = await get('/public-assets/public.css', { 'accept-encoding': 'gzip' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.rawPayload.length).toBeLessThan(30 * 1024);
    expect(css.body).not.toMatch(/url\((?:https?:)?\/\//);
    const js = await get('/public-assets/public.js');
    expect(js.statusCode).toBe(200);
    const font = await get('/public-assets/fonts/inter-latin-400-normal.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect((await get('/public-assets/../../package.json')).statusCode).toBe(404);
    for (const lang of ['nb', 'en', 'ar']) {
      for (const path of ['/', '/tips', '/tips/follow-up']) {
        const page = await get(`/${lang}${path}`);
        const total = page.rawPayload.length + css.rawPayload.length + js.rawPayload.length;
        expect(total, `${lang}${path}`).toBeLessThan(50 * 1024);
      }
    }
  });

  it('serve Arabic and Thai text in self-hosted fonts that cover those scripts', async () => {
    const css = await get('/public-assets/public.css');
    for (const file of ['noto-sans-arabic-arabic-400-normal.woff2', 'noto-sans-thai-thai-400-normal.woff2', 'inter-cyrillic-400-normal.woff2']) {
      expect(css.body).toContain(`url(/public-assets/fonts/${file})`);
      const font = await get(`/public-assets/fonts/${file}`);
      expect(font.statusCode, file).toBe(200);
      expect(font.rawPayload.length, file).toBeGreaterThan(1000);
    }
    expect(css.body).toMatch(/font-family:\s*'Noto Sans Arabic'[^}]*unicode-range:\s*U\+0600-06FF/);
  });

  it('keep the stylesheet to the light theme the pages use', async () => {
    const css = await get('/public-assets/public.css');
    expect(css.body).not.toContain('data-color-scheme=dark');
    expect(css.body).not.toContain('prefers-color-scheme');
    expect(css.body).not.toContain('data-color=brand1');
    expect(css.rawPayload.length).toBeLessThan(80 * 1024);
  });

  it('leaves unknown languages and the staff app to the rest of the server', async () => {
    expect((await get('/xx/')).statusCode).toBe(404);
    const staff = await get('/app/tips');
    expect(staff.statusCode).toBe(404);
    expect(staff.headers['content-type']).toContain('application/json');
  });
});

describe("the municipality's own settings", () => {
  it('offers only the languages the municipality chose, in the switcher, at / and by address', async () => {
    const admin = await signIn(h, tenant.users.admin);
    const changed = await call(h, admin, 'PATCH', '/api/v1/municipality', { languages: ['nb', 'en', 'uk'], defaultLanguage: 'nb' });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const home = await get('/uk/');
      expect(home.statusCode).toBe(200);
      const switcher = /<nav class="pp-lang"[\s\S]*?<\/nav>/.exec(home.body)?.[0] ?? '';
      expect(Array.from(switcher.matchAll(/hreflang="([a-z]+)"/g), (match) => match[1])).toEqual(['nb', 'en', 'uk']);
      for (const lang of ['ar', 'pl', 'th']) {
        expect((await get(`/${lang}/`)).statusCode, lang).toBe(404);
        expect((await get(`/${lang}/tips`)).statusCode, lang).toBe(404);
      }
      expect((await get('/', { 'accept-language': 'ar, uk;q=0.5' })).headers.location).toBe('/uk/');
      expect((await get('/', { 'accept-language': 'pl' })).headers.location).toBe('/nb/');
    } finally {
      const restored = await call(h, admin, 'PATCH', '/api/v1/municipality', { languages: [...LANGUAGE_CODES] });
      expect(restored.statusCode, restored.body).toBe(200);
    }
    expect((await get('/ar/')).statusCode).toBe(200);
  });

  it("shows the routing card's contact for an adult who wants help when no public contact is set", async () => {
    const settings = { publicPagesEnabled: true, tipFormEnabled: true, contactName: '', contactPhone: '', contactEmail: '', openingHours: '', retentionMonths: 12 };
    expect((await call(h, coordinator, 'PUT', '/api/v1/tips/settings', settings)).statusCode).toBe(200);
    const card = await call(h, coordinator, 'PUT', '/api/v1/cooperation/routing-card', {
      entries: [
        { situation: 'adult_wants_help', contact: 'Koordinator i Fjordby', organisationId: null, phone: '+47 55 66 77 88', whatToTell: 'Intern beskjed som ikke skal ut' },
      ],
    });
    expect(card.statusCode, card.body).toBe(200);
    const home = await get('/nb/');
    expect(home.body).toContain('Koordinator i Fjordby');
    expect(home.body).toContain('+47 55 66 77 88');
    expect(home.body).not.toContain('Intern beskjed');
    const own = await call(h, coordinator, 'PUT', '/api/v1/tips/settings', { ...settings, contactName: 'Fjordby servicetorg', contactPhone: '+47 12 34 56 78' });
    expect(own.statusCode).toBe(200);
    const after = await get('/nb/');
    expect(after.body).toContain('Fjordby servicetorg');
    expect(after.body).not.toContain('Koordinator i Fjordby');
  });
});

describe('anonymous tips', () => {
  it.each(['nb', 'en', 'ar', 'pl', 'th'])('accepts a tip in %s and shows a 16-digit receipt once', async (lang) => {
    const before = (await tipsOf(tenant.municipality.id)).length;
    const response = await submitTip(lang, { ...baseTip, what: `Tip på ${lang}: ${baseTip.what}` }, nextAddress());
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    expect(response.headers['set-cookie']).toBeUndefined();
    const receipt = receiptFrom(response);
    expect(receipt.replace(/ /g, '')).toMatch(/^\d{16}$/);
    const rows = await tipsOf(tenant.municipality.id);
    expect(rows.length).toBe(before + 1);
    const stored = rows.find((row) => row.language === lang && !row.contentEnc.includes('Tip'));
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(stored.contentEnc).not.toContain(baseTip.what);
    expect(stored.receiptHash).not.toContain(receipt.replace(/ /g, ''));
    expect(stored.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored.contactEnc).toBeNull();
  });

  it('says to call 112 now when someone is in immediate danger', async () => {
    const response = await submitTip('en', { ...baseTip, danger: 'yes' }, nextAddress());
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain('If someone is in danger, call 112 now.');
  });

  it('stores contact details encrypted, only when the tipster chose to give them', async () => {
    const response = await submitTip('nb', { ...baseTip, anonymous: 'no', contactName: 'Kari Tipsen', contactPhone: '+47 900 00 000', share: 'yes' }, nextAddress());
    expect(response.statusCode).toBe(201);
    const rows = await tipsOf(tenant.municipality.id);
    const withContact = rows.filter((row) => row.contactEnc !== null);
    expect(withContact.length).toBe(1);
    expect(withContact[0]?.contactEnc).not.toContain('Kari');
    expect(withContact[0]?.contactMayBeShared).toBe(true);
    expect(withContact[0]?.anonymous).toBe(false);
  });

  it('asks for the missing answers in the reader’s language, keeps what was typed, escaped, and writes nothing', async () => {
    const before = (await tipsOf(tenant.municipality.id)).length;
    const odd = '<script>alert("x")</script> & ‮ 👀 \u0000 "quoted"';
    const response = await submitTip('ar', { what: odd, anonymous: 'no' }, nextAddress());
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('ds-error-summary');
    expect(response.body).toContain('اختر نوع المكان.');
    expect(response.body).toContain('اكتب طريقة واحدة على الأقل للتواصل معك');
    expect(response.body).not.toContain('<script>alert');
    expect(response.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect((await tipsOf(tenant.municipality.id)).length).toBe(before);
  });

  it('stores odd characters faithfully and shows them escaped to the tipster', async () => {
    const odd = 'Ærlig talt: <b>fet</b> & “sitater” – مرحبا – 🚨 – ñ – ﷺ';
    const address = nextAddress();
    const response = await submitTip('nb', { ...baseTip, what: odd }, address);
    expect(response.statusCode).toBe(201);
    const view = await postForm('/nb/tips/follow-up', { action: 'open', code: receiptFrom(response) }, address);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Ærlig talt: &lt;b&gt;fet&lt;/b&gt; &amp; “sitater” – مرحبا – 🚨 – ñ – ﷺ');
  });

  it('refuses a text over the limit with a clear message, and a huge body with 413, writing nothing', async () => {
    const before = (await tipsOf(tenant.municipality.id)).length;
    const long = await submitTip('en', { ...baseTip, what: 'x'.repeat(5001) }, nextAddress());
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('The text is too long. Please shorten it.');
    const huge = await postForm('/en/tips', { ...baseTip, what: 'y'.repeat(300_000) }, nextAddress());
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('text/html');
    expect(huge.body).toContain('Too much text');
    expect((await tipsOf(tenant.municipality.id)).length).toBe(before);
  });

  it('accepts tips from a browser without JavaScript, within a smaller per-address allowance, never none', async () => {
    const address = nextAddress();
    for (let i = 0; i < 3; i += 1) {
      const response = await submitTip('nb', baseTip, address, false);
      expect(response.statusCode, `unsolved #${i + 1}`).toBe(201);
    }
    const limited = await submitTip('nb', baseTip, address, false);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('112');
    // A solved proof of work is still welcome from the same address.
    expect((await submitTip('nb', baseTip, address, true)).statusCode).toBe(201);
    // Another address is not affected.
    expect((await submitTip('nb', baseTip, nextAddress(), false)).statusCode).toBe(201);
  });

  it('does not accept a reused proof of work as solved', async () => {
    const address = nextAddress();
    const form = await get('/nb/tips', {}, address);
    const challenge = hiddenValue(form.body, 'challenge');
    const nonce = solveChallenge(challenge);
    for (let i = 0; i < 4; i += 1) await postForm('/nb/tips', { ...baseTip, challenge, nonce }, address);
    // Only the first counted as solved; the next three used the unsolved allowance (3), so a fifth is refused.
    expect((await postForm('/nb/tips', { ...baseTip, challenge, nonce }, address)).statusCode).toBe(429);
  });
});

describe('follow-up with the receipt', () => {
  it('shows the tip, lets the tipster add to it, and shows the municipality’s reply but never internal notes', async () => {
    const address = nextAddress();
    const submitted = await submitTip('en', { ...baseTip, what: 'Original observation in English' }, address);
    const receipt = receiptFrom(submitted);
    const opened = await postForm('/en/tips/follow-up', { action: 'open', code: receipt.replace(/ /g, '-') }, address);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Original observation in English');
    expect(opened.body).toContain('No replies yet.');

    const added = await postForm('/en/tips/follow-up', { action: 'add', code: receipt, message: 'They moved to a new address yesterday.' }, address);
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Thank you. Your message has been added.');

    const list = await call(h, coordinator, 'GET', '/api/v1/tips');
    const items: { id: string; unread: boolean }[] = list.json<{ items: { id: string; unread: boolean }[] }>().items;
    const rows = await tipsOf(tenant.municipality.id);
    let tipId = '';
    for (const row of rows) {
      const detail = await call(h, coordinator, 'GET', `/api/v1/tips/${row.id}`);
      if (detail.json<{ content: { what: string } }>().content.what === 'Original observation in English') tipId = row.id;
    }
    expect(items.some((item) => item.id === tipId)).toBe(true);
    const detail = await call(h, coordinator, 'GET', `/api/v1/tips/${tipId}`);
    expect(detail.json<{ messages: { kind: string; body: string }[] }>().messages).toEqual([expect.objectContaining({ kind: 'tipster', body: 'They moved to a new address yesterday.' })]);

    expect((await call(h, coordinator, 'POST', `/api/v1/tips/${tipId}/messages`, { kind: 'reply', body: 'Thank you. Can you tell us the street?' })).statusCode).toBe(201);
    expect((await call(h, coordinator, 'POST', `/api/v1/tips/${tipId}/messages`, { kind: 'note', body: 'INTERNAL: checked with labour inspection' })).statusCode).toBe(201);

    const again = await postForm('/en/tips/follow-up', { action: 'open', code: receipt }, address);
    expect(again.body).toContain('Thank you. Can you tell us the street?');
    expect(again.body).toContain('From the municipality');
    expect(again.body).not.toContain('INTERNAL');
    expect(again.body).toContain('Being handled');
  });

  it('answers every wrong code the same, with the same minimum delay, whatever the reason', async () => {
    const otherReceipt = receiptFrom(
      await (async () => {
        // A tip of another municipality: its code must not open anything here.
        const { submitTip: submit } = await import('../modules/tips/tips.service');
        const code = await submit(h.deps, other.municipality.id, {
          language: 'nb',
          what: 'Annen kommune',
          placeKind: 'home',
          area: '',
          address: '',
          when: '',
          peopleCount: 'one',
          minor: 'no',
          immediateDanger: false,
          anonymous: true,
          contactName: '',
          contactPhone: '',
          contactEmail: '',
          contactMayBeShared: false,
        });
        return { body: `data-testid="receipt-code">${code}<` } as LightMyRequestResponse;
      })(),
    );
    const wrong = ['0000 0000 0000 0000', '12345', 'not a code at all', '', otherReceipt];
    const bodies: string[] = [];
    for (const code of wrong) {
      const started = performance.now();
      const response = await postForm('/nb/tips/follow-up', { action: 'open', code }, nextAddress());
      const elapsed = performance.now() - started;
      expect(response.statusCode, code).toBe(404);
      expect(elapsed, code).toBeGreaterThanOrEqual(FOLLOW_UP_MIN_MS - 5);
      bodies.push(response.body);
      // Adding to a wrong code answers the same page too.
      const add = await postForm('/nb/tips/follow-up', { action: 'add', code, message: 'hei' }, nextAddress());
      expect(add.statusCode).toBe(404);
      bodies.push(add.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('Vi fant ikke noe tips med denne koden.');
  });

  it('a right code also takes the minimum time, so timing tells nothing', async () => {
    const address = nextAddress();
    const receipt = receiptFrom(await submitTip('nb', baseTip, address));
    const started = performance.now();
    const response = await postForm('/nb/tips/follow-up', { action: 'open', code: receipt }, address);
    expect(response.statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(FOLLOW_UP_MIN_MS - 5);
  });

  it('limits guessing per address (counted in the database, shared by every process)', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await postForm('/nb/tips/follow-up', { action: 'open', code: String(1000_0000_0000_0000 + i) }, address)).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  }, 60_000);
});

describe('nothing identifying is kept', () => {
  it('neither the logs nor the database hold the client address or user agent after a submission and follow-up', async () => {
    const address = '192.0.2.211';
    const agent = 'UA-Probe/9.9 (identifying-agent-string)';
    const logStart = h.logs.length;
    const submitted = await submitTip('nb', { ...baseTip, what: 'Logg-bevis' }, address, true, { 'user-agent': agent, 'x-forwarded-for': '192.0.2.212' });
    expect(submitted.statusCode).toBe(201);
    await postForm('/nb/tips/follow-up', { action: 'add', code: receiptFrom(submitted), message: 'Mer info' }, address, { 'user-agent': agent });
    const lines = h.logs.slice(logStart);
    expect(lines.length).toBeGreaterThan(0);
    const logText = lines.join('\n');
    for (const secret of [address, '192.0.2.212', agent, 'Logg-bevis', 'Mer info', receiptFrom(submitted)]) expect(logText).not.toContain(secret);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).not.toHaveProperty('remoteAddress');
      expect(entry).not.toHaveProperty('hostname');
      const req = entry.req as Record<string, unknown> | undefined;
      if (req) expect(Object.keys(req).sort()).toEqual(['method', 'path']);
    }

    // The whole database, as text: every table of this module and the audit log.
    const dump = await h.deps.db.execute(sql`select (select coalesce(json_agg(t), '[]') from tip t)::text || (select coalesce(json_agg(m), '[]') from tip_message m)::text || (select coalesce(json_agg(a), '[]') from audit_event a)::text as text`);
    const text = JSON.stringify(dump);
    for (const secret of [address, '192.0.2.212', agent, 'Logg-bevis', 'Mer info']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"submitted_on":"\d{4}-\d{2}-\d{2}T/);
  });
});

describe('switches', () => {
  it('the tip form can be switched off, and the public pages too', async () => {
    const settings = { publicPagesEnabled: true, tipFormEnabled: false, contactName: '', contactPhone: '', contactEmail: '', openingHours: '', retentionMonths: 12 };
    expect((await call(h, coordinator, 'PUT', '/api/v1/tips/settings', settings)).statusCode).toBe(200);
    const before = (await tipsOf(tenant.municipality.id)).length;
    const form = await get('/en/tips');
    expect(form.body).toContain('The municipality is not taking tips here right now.');
    expect(form.body).not.toContain('<form');
    const posted = await postForm('/en/tips', { ...baseTip, challenge: 'x', nonce: '' }, nextAddress());
    expect(posted.statusCode).toBe(200);
    expect((await tipsOf(tenant.municipality.id)).length).toBe(before);
    expect((await get('/en/')).body).not.toContain('href="/en/tips"');

    expect((await call(h, coordinator, 'PUT', '/api/v1/tips/settings', { ...settings, publicPagesEnabled: false })).statusCode).toBe(200);
    const root = await get('/');
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/app/');
    expect((await get('/nb/')).statusCode).toBe(404);

    expect((await call(h, coordinator, 'PUT', '/api/v1/tips/settings', { ...settings, tipFormEnabled: true })).statusCode).toBe(200);
    expect((await get('/nb/tips')).body).toContain('<form');
  });
});
