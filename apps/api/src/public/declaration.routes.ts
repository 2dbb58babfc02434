import type { FastifyInstance, FastifyReply } from 'fastify';
import { declarationTexts } from '@lykt/content/procurement';
import { DECLARATION_CLAUSES, DeclarationSubmissionSchema, DUE_DILIGENCE_QUESTIONS, personalDataHints } from '@lykt/shared';
import type { Deps } from '../platform/deps';
import { openDeclaration, submitDeclaration } from '../modules/procurement/procurement.declarations';
import { declarationFormPage, declarationMessagePage, SUBCONTRACTOR_ROWS, type DeclarationFormErrors, type DeclarationFormValues, type DeclarationPageContext } from './declaration-page';
import { SharedLimiter } from '../platform/cluster/rate-limit';
import { PUBLIC_BODY_LIMIT, PUBLIC_CSP } from './public.routes';

const HOUR = 60 * 60 * 1000;
const LANGUAGES = Object.keys(declarationTexts);

const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
};
const list = (body: unknown, name: string): string[] => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : typeof value === 'string' ? [value] : [];
};

/**
 * The supplier's self-declaration at /supplier-declaration/{lang}?t={token}: server-rendered, no script, no
 * cookies, noindex, the token only in the query string and a hidden field (request logs keep the path only).
 * No address is stored; the shared limiter (platform/cluster/rate-limit.ts) keys on a keyed hash of it, for the hour.
 */
export function declarationRoutes(deps: Deps) {
  const limiter = new SharedLimiter(deps, 'supplier-declaration', 30, HOUR);

  function context(lang: string, token: string): DeclarationPageContext | null {
    const texts = declarationTexts[lang];
    if (!texts) return null;
    return {
      lang,
      texts,
      languages: LANGUAGES.map((code) => ({ code, name: declarationTexts[code]?.meta.name ?? code, dir: declarationTexts[code]?.meta.dir ?? 'ltr' })),
      query: token ? `?t=${encodeURIComponent(token)}` : '',
    };
  }

  function send(reply: FastifyReply, status: number, lang: string, body: string) {
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PUBLIC_CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('content-language', lang)
      .send(body);
  }

  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PUBLIC_BODY_LIMIT }, (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))) {
        const clean = value.replaceAll('\u0000', '');
        const existing = fields[name];
        fields[name] = existing === undefined ? clean : Array.isArray(existing) ? [...existing, clean] : [existing, clean];
      }
      done(null, fields);
    });

    app.get('/supplier-declaration/:lang', { schema: { hide: true } }, async (request, reply) => {
      const { lang } = request.params as { lang: string };
      const token = field(request.query, 't').slice(0, 100);
      const ctx = context(lang, token);
      if (!ctx) return reply.callNotFound();
      const info = await openDeclaration(deps, token);
      if (!info) return send(reply, 404, lang, declarationMessagePage(ctx, ctx.texts.invalidHeading, ctx.texts.invalid));
      return send(reply, 200, lang, declarationFormPage(ctx, info, token, { clauses: [], answers: {}, subs: [], signedBy: '', comment: '' }, {}));
    });

    app.post('/supplier-declaration/:lang', { schema: { hide: true }, bodyLimit: PUBLIC_BODY_LIMIT }, async (request, reply) => {
      const { lang } = request.params as { lang: string };
      const body = request.body;
      const token = field(body, 't').slice(0, 100);
      const ctx = context(lang, token);
      if (!ctx) return reply.callNotFound();
      if (!(await limiter.take(request.ip))) return send(reply, 429, lang, declarationMessagePage(ctx, ctx.texts.invalidHeading, ctx.texts.invalid));
      const info = await openDeclaration(deps, token);
      if (!info) return send(reply, 404, lang, declarationMessagePage(ctx, ctx.texts.invalidHeading, ctx.texts.invalid));
      const values: DeclarationFormValues = {
        clauses: list(body, 'clause').filter((clause) => (DECLARATION_CLAUSES as readonly string[]).includes(clause)),
        answers: Object.fromEntries(DUE_DILIGENCE_QUESTIONS.map((question) => [question, field(body, `q_${question}`)])),
        subs: Array.from({ length: SUBCONTRACTOR_ROWS }, (_, index) => ({ name: field(body, `sub_name_${index}`).trim(), org: field(body, `sub_org_${index}`).trim(), tier: field(body, `sub_tier_${index}`).trim() })),
        signedBy: field(body, 'signedBy').trim(),
        comment: field(body, 'comment').trim(),
      };
      const t = ctx.texts.errors;
      const errors: DeclarationFormErrors = {};
      if (DUE_DILIGENCE_QUESTIONS.some((question) => !['yes', 'partly', 'no'].includes(values.answers[question] ?? ''))) errors.answers = t.answers;
      if (values.signedBy === '' || personalDataHints(values.signedBy).length > 0) errors.signedBy = t.signedBy;
      const filled = values.subs.filter((row) => row.name !== '' || row.org !== '' || row.tier !== '');
      if (filled.some((row) => row.name === '' || !/^(\d{9})?$/.test(row.org) || !/^[1-6]$/.test(row.tier))) errors.subcontractors = t.subcontractor;
      if (personalDataHints(values.comment).length > 0 || personalDataHints(filled.map((row) => row.name).join('\n')).length > 0) errors.comment = t.personalData;
      const parsed = DeclarationSubmissionSchema.safeParse({
        confirmedClauses: values.clauses,
        answers: values.answers,
        subcontractors: filled.map((row) => ({ name: row.name, orgNumber: row.org, tier: Number(row.tier) })),
        signedBy: values.signedBy,
        comment: values.comment,
      });
      if (Object.keys(errors).length > 0 || !parsed.success) {
        if (Object.keys(errors).length === 0) errors.comment = t.personalData;
        return send(reply, 400, lang, declarationFormPage(ctx, info, token, values, errors));
      }
      if (!(await submitDeclaration(deps, token, parsed.data))) return send(reply, 404, lang, declarationMessagePage(ctx, ctx.texts.invalidHeading, ctx.texts.invalid));
      return send(reply, 201, lang, declarationMessagePage(ctx, ctx.texts.thanksHeading, ctx.texts.thanks.replace('{municipality}', info.municipalityName)));
    });
  };
}
