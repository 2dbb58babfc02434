import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadPublicNumbers, loadPublicTexts, publicPageSources, type PublicLanguage, type PublicTexts } from '@lykt/content/public-texts';
import { LANGUAGE_CODES, TIP_LIMITS, TipSubmissionSchema, type TipPublicSettings } from '@lykt/shared';
import type { Deps } from '../platform/deps';
import { findRouting } from '../modules/cooperation/cooperation.repository';
import { findPublicMunicipality } from '../modules/tips/tips.repository';
import { addTipsterMessage, getPublicSettings, submitTip, viewTipAsTipster } from '../modules/tips/tips.service';
import { buildPublicAssets, type Asset } from './assets';
import { FAVICON_SVG, robotsTxt, sitemapXml } from './discovery';
import { negotiateLanguage, ProofOfWork } from './guards';
import { SharedLimiter } from '../platform/cluster/rate-limit';
import { publicContentVersion } from './version';
import { planPage, planTextLanguage } from './plan-page';
import { loadPublicPlan, publicPlanEnabled } from '../modules/reports/public-plan';
import { localDate } from '../modules/reports/period';
import { errorForLog } from '../platform/http/logging';
import { conversationPage, followUpPage, homePage, messagePage, receiptPage, safetyPage, tipFormPage, type PageContext, type TipFormErrors, type TipFormValues } from './pages';

/** Strict policy for the public pages: only this host's stylesheet, script, fonts and forms. */
export const PUBLIC_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** Form posts are small: the longest text is 5000 characters (up to ~60 kB percent-encoded). */
export const PUBLIC_BODY_LIMIT = 96 * 1024;
/** Every follow-up answer (right code, wrong code, malformed) takes at least this long. */
export const FOLLOW_UP_MIN_MS = 400;
export const POW_BITS = 15;

export type PublicRouteOptions = {
  /** Tips per address per hour with a solved proof of work. */
  tipsPerHour?: number;
  /** Tips per address per hour without one (no JavaScript): smaller, never zero. */
  unsolvedTipsPerHour?: number;
  /** Follow-up attempts (any code) per address per hour. */
  followUpsPerHour?: number;
};

type PublicState = {
  municipalityId: string;
  name: string;
  defaultLanguage: PublicLanguage;
  languages: PublicLanguage[];
  country: string;
  settings: TipPublicSettings;
  routingContact: PageContext['routingContact'];
  /** The municipality publishes its adopted action plan at /{lang}/plan. */
  planPublished: boolean;
};

const HOUR = 60 * 60 * 1000;
const isLanguage = (value: string | undefined): value is PublicLanguage => value !== undefined && (LANGUAGE_CODES as readonly string[]).includes(value);
const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** The public information pages and the anonymous tip form at / and /{lang}/. No cookies, no addresses kept. */
export function publicRoutes(deps: Deps, options: PublicRouteOptions = {}) {
  const texts = loadPublicTexts();
  const safetySources = publicPageSources('safety.');
  const assets = buildPublicAssets();
  // Shared by every process through the database; the address is kept only as a per-window keyed hash.
  const tipLimiter = new SharedLimiter(deps, 'tip', options.tipsPerHour ?? 20, HOUR);
  const unsolvedLimiter = new SharedLimiter(deps, 'tip-unsolved', options.unsolvedTipsPerHour ?? 3, HOUR);
  const followUpLimiter = new SharedLimiter(deps, 'tip-follow-up', options.followUpsPerHour ?? 30, HOUR);
  let powCache: { municipalityId: string; pow: ProofOfWork } | null = null;
  let stateCache: { at: number; version: number; state: PublicState | null } | null = null;

  async function publicState(): Promise<PublicState | null> {
    if (stateCache && stateCache.version === publicContentVersion() && Date.now() - stateCache.at < 5_000) return stateCache.state;
    const version = publicContentVersion();
    const row = await findPublicMunicipality(deps.db, deps.config.publicMunicipalityId);
    let state: PublicState | null = null;
    if (row) {
      // Only languages the municipality offers; the catalogue order is kept so the switcher reads the same everywhere.
      const languages = LANGUAGE_CODES.filter((code) => row.settings.languages.includes(code));
      const defaultLanguage = isLanguage(row.settings.defaultLanguage) && languages.includes(row.settings.defaultLanguage) ? row.settings.defaultLanguage : (languages[0] ?? 'nb');
      const routing = (await findRouting(deps.db, row.id)).find((entry) => entry.situation === 'adult_wants_help');
      state = {
        municipalityId: row.id,
        name: row.name,
        defaultLanguage,
        languages: languages.length > 0 ? languages : [defaultLanguage],
        country: 'NO',
        settings: await getPublicSettings(deps, row.id),
        routingContact: routing && routing.contact && routing.phone ? { contact: routing.contact, phone: routing.phone } : null,
        planPublished: await publicPlanEnabled(deps.db, row.id),
      };
    }
    stateCache = { at: Date.now(), version, state };
    return state;
  }

  async function powFor(municipalityId: string): Promise<ProofOfWork> {
    if (powCache?.municipalityId === municipalityId) return powCache.pow;
    // Derived from the municipality's data key, so every API process signs and checks alike.
    const secret = Buffer.from(await deps.keyring.keyedHash(deps.db, municipalityId, 'tip.form-challenge', 'secret'), 'hex');
    powCache = { municipalityId, pow: new ProofOfWork(secret, POW_BITS) };
    return powCache.pow;
  }

  function context(state: PublicState, lang: PublicLanguage, subPath: PageContext['subPath']): PageContext {
    return {
      lang,
      texts: texts[lang],
      all: texts,
      numbers: loadPublicNumbers(state.country),
      municipalityName: state.name,
      settings: state.settings,
      languages: state.languages,
      routingContact: state.routingContact,
      subPath,
      planNav: state.planPublished ? texts[lang].plan.nav : null,
      safetySources,
    };
  }

  function sendPage(reply: FastifyReply, status: number, lang: PublicLanguage, body: string) {
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PUBLIC_CSP)
      .header('cache-control', 'no-store')
      .header('content-language', lang)
      .send(body);
  }

  function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset | undefined) {
    if (!asset) return reply.callNotFound();
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=86400').header('etag', asset.etag).header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && asset.gzip.length < asset.body.length;
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? asset.gzip : asset.body);
  }

  /** Resolves language and municipality; answers itself (and returns null) when the page cannot be shown. */
  async function prepare(request: FastifyRequest, reply: FastifyReply, subPath: PageContext['subPath']): Promise<PageContext | null> {
    const { lang } = request.params as { lang?: string };
    if (!isLanguage(lang)) {
      reply.callNotFound();
      return null;
    }
    const state = await publicState();
    if (!state || !state.settings.publicPagesEnabled || !state.languages.includes(lang)) {
      const t: PublicTexts = texts[lang];
      await sendPage(reply, 404, lang, `<!doctype html><html lang="${lang}" dir="${t.meta.dir}"><head><meta charset="utf-8"><title>${t.site.title}</title></head><body><main><h1>${t.errors.unavailable}</h1></main></body></html>`);
      return null;
    }
    return context(state, lang, subPath);
  }

  async function formPage(ctx: PageContext, values: TipFormValues, errors: TipFormErrors, state: PublicState) {
    const pow = await powFor(state.municipalityId);
    return tipFormPage(ctx, values, errors, { challenge: pow.issue(), bits: pow.bits });
  }

  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PUBLIC_BODY_LIMIT }, (_request, body, done) => {
      // A NUL carries no meaning in a form field and cannot be stored: the form drops it rather than
      // turning a possible victim away (the API refuses it with INVALID_TEXT instead).
      const fields = new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'));
      done(null, Object.fromEntries([...fields].map(([name, value]) => [name.replaceAll('\u0000', ''), value.replaceAll('\u0000', '')])));
    });

    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const { lang: raw } = (request.params ?? {}) as { lang?: string };
      const lang: PublicLanguage = isLanguage(raw) ? raw : 'nb';
      const state = await publicState().catch(() => null);
      if (!state) return reply.code(500).send();
      const ctx = context(state, lang, '/');
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendPage(reply, 413, lang, messagePage(ctx, ctx.texts.errors.tooLargeHeading, ctx.texts.errors.tooLarge));
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: errorForLog(error) }, 'public page error');
      return sendPage(reply, status, lang, messagePage(ctx, ctx.texts.site.title, ctx.texts.errors.generic));
    });

    app.get('/public-assets/:file', { schema: { hide: true } }, async (request, reply) => sendAsset(request, reply, assets.files.get((request.params as { file: string }).file)));
    app.get('/public-assets/fonts/:file', { schema: { hide: true } }, async (request, reply) => sendAsset(request, reply, assets.fonts.get((request.params as { file: string }).file)));

    // Where the information pages are found: the configured public address, else the one asked for.
    const originOf = (request: FastifyRequest) => (deps.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
    app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) => {
      const state = await publicState();
      const body = state?.settings.publicPagesEnabled ? robotsTxt(originOf(request)) : 'User-agent: *\nDisallow: /\n';
      return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
    });
    app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
      const state = await publicState();
      if (!state?.settings.publicPagesEnabled) return reply.callNotFound();
      return reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sitemapXml(originOf(request), state.languages, state.planPublished));
    });
    app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) => reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG));
    app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/favicon.svg', 301));

    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const state = await publicState();
      reply.header('cache-control', 'no-store').header('vary', 'accept-language');
      if (!state || !state.settings.publicPagesEnabled) return reply.redirect('/app/');
      const lang = negotiateLanguage(request.headers['accept-language'], state.languages) ?? state.defaultLanguage;
      return reply.redirect(`/${lang}/`);
    });

    app.get('/:lang', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/');
      if (ctx) return sendPage(reply, 200, ctx.lang, homePage(ctx));
      return reply;
    });

    app.get('/:lang/plan', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/plan');
      if (!ctx) return reply;
      const state = await publicState();
      if (!state?.planPublished) return sendPage(reply, 404, ctx.lang, messagePage(ctx, ctx.texts.site.title, ctx.texts.errors.unavailable));
      const plan = await loadPublicPlan(deps.db, state.municipalityId, planTextLanguage(ctx.lang));
      return sendPage(reply, 200, ctx.lang, planPage(ctx, plan, localDate(new Date())));
    });

    app.get('/:lang/safety', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/safety');
      if (ctx) return sendPage(reply, 200, ctx.lang, safetyPage(ctx));
      return reply;
    });

    app.get('/:lang/tips', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/tips');
      if (!ctx) return reply;
      const state = await publicState();
      if (!state) return reply.callNotFound();
      return sendPage(reply, 200, ctx.lang, await formPage(ctx, {}, {}, state));
    });

    app.post('/:lang/tips', { schema: { hide: true }, bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/tips');
      if (!ctx) return reply;
      const state = await publicState();
      if (!state) return reply.callNotFound();
      if (!state.settings.tipFormEnabled) return sendPage(reply, 200, ctx.lang, await formPage(ctx, {}, {}, state));
      const body = request.body;
      const names = ['what', 'placeKind', 'area', 'address', 'when', 'peopleCount', 'minor', 'danger', 'anonymous', 'contactName', 'contactPhone', 'contactEmail', 'share'];
      const values: TipFormValues = Object.fromEntries(names.map((name) => [name, field(body, name)]));
      const t = ctx.texts.tip;
      const errors = validateTip(values, t);
      const parsed = TipSubmissionSchema.safeParse({
        language: ctx.lang,
        what: values.what,
        placeKind: values.placeKind,
        area: values.area,
        address: values.address,
        when: values.when,
        peopleCount: values.peopleCount,
        minor: values.minor,
        immediateDanger: values.danger === 'yes',
        anonymous: values.anonymous === 'yes',
        contactName: values.contactName,
        contactPhone: values.contactPhone,
        contactEmail: values.contactEmail,
        contactMayBeShared: values.share === 'yes',
      });
      if (Object.keys(errors).length > 0 || !parsed.success) {
        if (Object.keys(errors).length === 0) errors.what = t.errors.what;
        return sendPage(reply, 400, ctx.lang, await formPage(ctx, values, errors, state));
      }
      const pow = await powFor(state.municipalityId);
      const verdict = pow.verify(field(body, 'challenge'), field(body, 'nonce'));
      const allowed = (await tipLimiter.take(request.ip)) && (verdict === 'solved' || (await unsolvedLimiter.take(request.ip)));
      if (!allowed) return sendPage(reply, 429, ctx.lang, messagePage(ctx, t.heading, ctx.texts.errors.rateLimited));
      const receipt = await submitTip(deps, state.municipalityId, parsed.data);
      return sendPage(reply, 201, ctx.lang, receiptPage(ctx, receipt, parsed.data.immediateDanger));
    });

    app.get('/:lang/tips/follow-up', { schema: { hide: true } }, async (request, reply) => {
      const ctx = await prepare(request, reply, '/tips/follow-up');
      if (ctx) return sendPage(reply, 200, ctx.lang, followUpPage(ctx, null));
      return reply;
    });

    app.post('/:lang/tips/follow-up', { schema: { hide: true }, bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
      const started = performance.now();
      const ctx = await prepare(request, reply, '/tips/follow-up');
      if (!ctx) return reply;
      const state = await publicState();
      if (!state) return reply.callNotFound();
      if (!state.settings.tipFormEnabled) return sendPage(reply, 200, ctx.lang, followUpPage(ctx, null));
      const f = ctx.texts.followUp;
      const code = field(request.body, 'code').slice(0, 40);
      const action = field(request.body, 'action');
      const message = field(request.body, 'message').trim();
      // The same answer and the same delay for every wrong code, whatever the reason.
      const answer = async (status: number, page: string) => {
        const wait = FOLLOW_UP_MIN_MS - (performance.now() - started);
        if (wait > 0) await sleep(wait);
        return sendPage(reply, status, ctx.lang, page);
      };
      if (!(await followUpLimiter.take(request.ip))) return answer(429, messagePage(ctx, f.heading, ctx.texts.errors.rateLimited));
      let notice: { kind: 'added' | 'error'; text: string } | null = null;
      if (action === 'add') {
        if (message.length === 0 || message.length > TIP_LIMITS.message) notice = { kind: 'error', text: f.messageError };
        else if (await addTipsterMessage(deps, state.municipalityId, code, message)) notice = { kind: 'added', text: f.added };
      }
      const view = await viewTipAsTipster(deps, state.municipalityId, code);
      if (!view) return answer(404, followUpPage(ctx, f.notFound));
      return answer(200, conversationPage(ctx, { code, ...view }, notice));
    });
  };
}

/** Field errors in the reader's language; the zod schema is the final check. */
function validateTip(values: TipFormValues, t: PublicTexts['tip']): TipFormErrors {
  const errors: TipFormErrors = {};
  const what = (values.what ?? '').trim();
  if (what.length === 0) errors.what = t.errors.what;
  else if (what.length > TIP_LIMITS.what) errors.what = t.errors.tooLong;
  if (!values.placeKind || !(values.placeKind in t.places)) errors.place = t.errors.place;
  if ((values.area ?? '').trim().length > TIP_LIMITS.area) errors.area = t.errors.tooLong;
  if ((values.address ?? '').trim().length > TIP_LIMITS.address) errors.address = t.errors.tooLong;
  if ((values.when ?? '').trim().length > TIP_LIMITS.when) errors.when = t.errors.tooLong;
  if (!values.peopleCount || !(values.peopleCount in t.people)) errors.people = t.errors.people;
  if (!values.minor || !(values.minor in t.minor)) errors.minor = t.errors.minor;
  if (values.anonymous !== 'yes' && values.anonymous !== 'no') errors.anonymity = t.errors.anonymity;
  if (values.anonymous === 'no') {
    for (const [name, id] of [
      ['contactName', 'contact-name'],
      ['contactPhone', 'contact-phone'],
      ['contactEmail', 'contact-email'],
    ] as const) {
      if ((values[name] ?? '').trim().length > TIP_LIMITS.contactField) errors[id] = t.errors.tooLong;
    }
    if (!values.contactName?.trim() && !values.contactPhone?.trim() && !values.contactEmail?.trim()) errors.contact = t.errors.contact;
  }
  return errors;
}
