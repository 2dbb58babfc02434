import type { PublicLanguage, PublicNumbers, PublicTexts } from '@lykt/content/public-texts';
import { TIP_LIMITS, TIP_MINOR_ANSWERS, TIP_PEOPLE_COUNTS, TIP_PLACE_KINDS, type TipPublicSettings } from '@lykt/shared';
import { html, interpolate, type SafeHtml } from './html';

export type PageContext = {
  lang: PublicLanguage;
  texts: PublicTexts;
  all: Record<PublicLanguage, PublicTexts>;
  numbers: PublicNumbers;
  municipalityName: string;
  settings: TipPublicSettings;
  /** The languages the municipality offers, in catalogue order; the switcher lists only these. */
  languages: readonly PublicLanguage[];
  /** The routing card's contact for an adult who wants help, shown when the municipality set no public contact of its own. */
  routingContact: { contact: string; phone: string } | null;
  /** The path of this page after /{lang}, so the language switcher keeps the reader on the same page. */
  subPath: '/' | '/tips' | '/tips/follow-up' | '/plan' | '/safety';
  /** The nav label of the public action-plan page, when the municipality publishes it. */
  planNav?: string | null;
  /** The browser vendors' help pages behind the safety page (packages/content/public/sources.json). */
  safetySources: readonly { title: string; publisher: string; url: string; checked: string }[];
};

/**
 * The information pages are for people looking for help: search engines may index them. The tip
 * form, the receipt and the follow-up (anything that shows or asks for a receipt) stay noindex.
 */
export function isInformationPage(ctx: Pick<PageContext, 'subPath'>): boolean {
  return ctx.subPath === '/' || ctx.subPath === '/plan' || ctx.subPath === '/safety';
}

/** The frame of every public page: quick exit first, then header, main, language switcher and footer. */
export function layout(ctx: PageContext, title: string, main: SafeHtml): string {
  const { texts, lang } = ctx;
  const nav = [
    { href: `/${lang}/`, label: texts.site.navHome, current: ctx.subPath === '/' },
    ...(ctx.planNav ? [{ href: `/${lang}/plan`, label: ctx.planNav, current: ctx.subPath === '/plan' }] : []),
    ...(ctx.settings.tipFormEnabled
      ? [
          { href: `/${lang}/tips`, label: texts.site.navTip, current: ctx.subPath === '/tips' },
          { href: `/${lang}/tips/follow-up`, label: texts.site.navFollowUp, current: ctx.subPath === '/tips/follow-up' },
        ]
      : []),
  ];
  const page = html`<!doctype html>
<html lang="${lang}" dir="${texts.meta.dir}" data-color-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="${isInformationPage(ctx) ? 'index, follow' : 'noindex, nofollow'}">
${isInformationPage(ctx) ? html`<meta name="description" content="${interpolate(texts.home.intro, { municipality: ctx.municipalityName })}">
` : ''}<title>${title} – ${texts.site.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/public-assets/public.css">
<script src="/public-assets/public.js" defer></script>
</head>
<body>
<a class="ds-skip-link" href="#main">${texts.site.skipLink}</a>
<div class="pp-exit"><a class="ds-button" data-variant="primary" data-color="danger" href="${ctx.numbers.quickExitUrl}" rel="noreferrer" data-quick-exit aria-describedby="quick-exit-hint">${texts.site.quickExit}</a></div>
<p class="pp-exit-hint"><span id="quick-exit-hint">${texts.site.quickExitHint}</span> <a class="ds-link" href="/${lang}/safety">${texts.site.historyLink}</a></p>
<header class="pp-top">
<a class="pp-site" href="/${lang}/">${ctx.municipalityName}: ${texts.site.title}</a>
<nav class="pp-nav" aria-label="${texts.site.title}"><ul>${nav.map(
    (item) => html`<li><a class="ds-link" href="${item.href}"${item.current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  )}</ul></nav>
</header>
<main id="main" class="pp-main" tabindex="-1">
${main}
</main>
<nav class="pp-lang" aria-label="${texts.site.languages}"><h2 class="ds-heading" data-size="2xs">${texts.site.languages}</h2><ul>${ctx.languages.map((code) => {
    const other = ctx.all[code];
    return html`<li><a class="ds-link" href="/${code}${ctx.subPath === '/' ? '/' : ctx.subPath}" lang="${code}" dir="${other.meta.dir}" hreflang="${code}"${code === lang ? html` aria-current="true"` : ''}>${other.meta.name}</a></li>`;
  })}</ul></nav>
<footer class="pp-foot"><p class="ds-paragraph" data-size="sm">${texts.site.privacy}</p><a class="ds-link" href="/app/">${texts.site.staffLink}</a></footer>
</body>
</html>`;
  return page.value;
}

function phoneLink(phone: string): SafeHtml {
  return html`<a class="ds-link pp-phone" href="tel:${phone.replace(/[^0-9+]/g, '')}">${phone}</a>`;
}

export function homePage(ctx: PageContext): string {
  const { texts, numbers, settings } = ctx;
  const h = texts.home;
  const contact = settings.contactName || settings.contactPhone || settings.contactEmail;
  const routing = contact ? null : ctx.routingContact;
  const main = html`<h1 class="ds-heading" data-size="lg">${h.heading}</h1>
<p class="ds-paragraph" data-size="lg">${interpolate(h.intro, { municipality: ctx.municipalityName })}</p>
<div class="ds-alert" data-color="danger"><p class="ds-paragraph">${h.emergency}: ${phoneLink(numbers.emergency)}</p></div>
<section class="pp-stack" aria-labelledby="what"><h2 class="ds-heading" data-size="md" id="what">${h.whatHeading}</h2>${h.what.map((paragraph) => html`<p class="ds-paragraph">${paragraph}</p>`)}</section>
<section class="pp-stack" aria-labelledby="signs"><h2 class="ds-heading" data-size="md" id="signs">${h.signsHeading}</h2><ul class="ds-list">${h.signs.map((sign) => html`<li>${sign}</li>`)}</ul></section>
<section class="pp-stack" aria-labelledby="rights"><h2 class="ds-heading" data-size="md" id="rights">${h.rightsHeading}</h2><ul class="ds-list">${h.rights.map((right) => html`<li>${right}</li>`)}</ul>
<h3 class="ds-heading" data-size="sm">${h.childrenHeading}</h3><p class="ds-paragraph">${h.children}</p></section>
<section class="pp-stack" aria-labelledby="help"><h2 class="ds-heading" data-size="md" id="help">${h.helpHeading}</h2>
<ul class="pp-numbers">
<li>${h.emergency}: ${phoneLink(numbers.emergency)}</li>
<li>${h.police}: ${phoneLink(numbers.police)}</li>
<li>${h.shelter}: ${phoneLink(numbers.shelter.phone)}</li>
${
  contact
    ? html`<li>${h.municipality}: ${settings.contactName}${settings.contactPhone ? html` ${phoneLink(settings.contactPhone)}` : ''}${
        settings.contactEmail ? html` <a class="ds-link" href="mailto:${settings.contactEmail}">${settings.contactEmail}</a>` : ''
      }${settings.openingHours ? html`<br><span class="pp-meta">${h.openingHours}: ${settings.openingHours}</span>` : ''}</li>`
    : routing
      ? html`<li>${h.municipality}: ${routing.contact} ${phoneLink(routing.phone)}</li>`
      : ''
}
</ul></section>
${
  settings.tipFormEnabled
    ? html`<section class="ds-card pp-stack" aria-labelledby="tip"><h2 class="ds-heading" data-size="md" id="tip">${h.tipHeading}</h2><p class="ds-paragraph">${h.tipText}</p>
<p class="ds-paragraph"><a class="ds-link" href="/${ctx.lang}/tips">${h.tipLink}</a></p><p class="ds-paragraph"><a class="ds-link" href="/${ctx.lang}/tips/follow-up">${h.followUpLink}</a></p></section>`
    : ''
}`;
  return layout(ctx, h.heading, main);
}

/** How to delete the browser history and browse privately: what quick exit does and does not do, with the vendors' help pages. */
export function safetyPage(ctx: PageContext): string {
  const t = ctx.texts.safety;
  const sources = [...new Map(ctx.safetySources.map((source) => [source.url, source])).values()];
  const main = html`<h1 class="ds-heading" data-size="lg">${t.heading}</h1>
<p class="ds-paragraph" data-size="lg">${t.intro}</p>
<section class="pp-stack" aria-labelledby="exit"><h2 class="ds-heading" data-size="md" id="exit">${t.exitHeading}</h2><p class="ds-paragraph">${t.exit}</p></section>
<section class="pp-stack" aria-labelledby="private"><h2 class="ds-heading" data-size="md" id="private">${t.privateHeading}</h2><p class="ds-paragraph">${t.private}</p><p class="ds-paragraph">${t.privateLimits}</p></section>
<section class="pp-stack" aria-labelledby="clear"><h2 class="ds-heading" data-size="md" id="clear">${t.clearHeading}</h2><ul class="ds-list"><li>${t.safariIphone}</li><li>${t.safariMac}</li><li>${t.otherBrowsers}</li></ul></section>
<section class="pp-stack" aria-labelledby="sources"><h2 class="ds-heading" data-size="sm" id="sources">${t.sourcesHeading}</h2><ul class="ds-list">${sources.map(
    (source) =>
      html`<li><a class="ds-link" href="${source.url}" hreflang="en" lang="en" rel="noreferrer">${source.publisher}: ${source.title}</a> <span class="pp-meta">${interpolate(t.checked, { date: source.checked })}</span></li>`,
  )}</ul></section>`;
  return layout(ctx, t.heading, main);
}

export type TipFormValues = Record<string, string>;
export type TipFormErrors = Partial<Record<string, string>>;

function fieldError(id: string, errors: TipFormErrors): SafeHtml | string {
  const message = errors[id];
  return message ? html`<p class="ds-validation-message" data-field="validation" id="${id}-error">${message}</p>` : '';
}

function described(id: string, errors: TipFormErrors, hint: boolean): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${errors[id] ? html` aria-invalid="true"` : ''}`;
}

function textField(id: string, name: string, label: string, values: TipFormValues, errors: TipFormErrors, options: { hint?: string; optional?: string; max: number; autocomplete?: string; type?: string }): SafeHtml {
  return html`<div class="ds-field"><label class="ds-label" for="${id}">${label}${options.optional ? html` <span class="pp-meta">${options.optional}</span>` : ''}</label>
${options.hint ? html`<div data-field="description" id="${id}-hint">${options.hint}</div>` : ''}
<input class="ds-input" id="${id}" name="${name}" type="${options.type ?? 'text'}" maxlength="${options.max}" autocomplete="${options.autocomplete ?? 'off'}" value="${values[name] ?? ''}"${described(id, errors, Boolean(options.hint))}>
${fieldError(id, errors)}</div>`;
}

function radioGroup(id: string, name: string, legend: string, options: readonly { value: string; label: string }[], values: TipFormValues, errors: TipFormErrors, extra: SafeHtml | string = ''): SafeHtml {
  return html`<fieldset class="ds-fieldset" id="${id}"${errors[id] ? html` aria-describedby="${id}-error"` : ''}><legend class="ds-label">${legend}</legend>
<div class="pp-choice">${options.map(
    (option) =>
      html`<div class="ds-field"><input class="ds-input" type="radio" id="${id}-${option.value}" name="${name}" value="${option.value}"${values[name] === option.value ? html` checked` : ''}${errors[id] ? html` aria-invalid="true"` : ''}><label class="ds-label" data-weight="regular" for="${id}-${option.value}">${option.label}</label></div>`,
  )}</div>${fieldError(id, errors)}${extra}</fieldset>`;
}

export function errorSummary(heading: string, errors: TipFormErrors): SafeHtml | string {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return '';
  return html`<div class="ds-error-summary" role="alert" aria-labelledby="error-summary-heading"><h2 class="ds-heading" data-size="xs" id="error-summary-heading">${heading}</h2>
<ul class="ds-list">${entries.map(([id, message]) => html`<li><a class="ds-link" href="#${id}">${message}</a></li>`)}</ul></div>`;
}

export type FormChallenge = { challenge: string; bits: number };

export function tipFormPage(ctx: PageContext, values: TipFormValues, errors: TipFormErrors, pow: FormChallenge): string {
  const t = ctx.texts.tip;
  if (!ctx.settings.tipFormEnabled) return layout(ctx, t.heading, html`<h1 class="ds-heading" data-size="lg">${t.heading}</h1><div class="ds-alert" data-color="info"><p class="ds-paragraph">${t.closed}</p></div>`);
  const main = html`<h1 class="ds-heading" data-size="lg">${t.heading}</h1>
${errorSummary(t.errorSummary, errors)}
<div class="ds-alert" data-color="danger"><p class="ds-paragraph">${t.dangerNotice}</p></div>
<p class="ds-paragraph">${t.intro}</p>
<form class="pp-stack" method="post" action="/${ctx.lang}/tips" data-pow="${pow.bits}" novalidate>
<input type="hidden" name="challenge" value="${pow.challenge}"><input type="hidden" name="nonce" value="">
<div class="ds-field"><label class="ds-label" for="what">${t.whatLabel}</label><div data-field="description" id="what-hint">${t.whatHint}</div>
<textarea class="ds-input" id="what" name="what" rows="8" maxlength="${TIP_LIMITS.what}" required${described('what', errors, true)}>${values.what ?? ''}</textarea>${fieldError('what', errors)}</div>
${radioGroup('place', 'placeKind', t.placeLabel, TIP_PLACE_KINDS.map((value) => ({ value, label: t.places[value] })), values, errors)}
${textField('area', 'area', t.areaLabel, values, errors, { hint: t.areaHint, optional: t.optional, max: TIP_LIMITS.area })}
${textField('address', 'address', t.addressLabel, values, errors, { optional: t.optional, max: TIP_LIMITS.address })}
${textField('when', 'when', t.whenLabel, values, errors, { hint: t.whenHint, optional: t.optional, max: TIP_LIMITS.when })}
${radioGroup('people', 'peopleCount', t.peopleLabel, TIP_PEOPLE_COUNTS.map((value) => ({ value, label: t.people[value] })), values, errors)}
${radioGroup('minor', 'minor', t.minorLabel, TIP_MINOR_ANSWERS.map((value) => ({ value, label: t.minor[value] })), values, errors)}
<fieldset class="ds-fieldset" id="danger"><legend class="ds-label">${t.dangerLabel}</legend>
<div class="ds-field"><input class="ds-input" type="checkbox" id="danger-yes" name="danger" value="yes"${values.danger === 'yes' ? html` checked` : ''}><label class="ds-label" data-weight="regular" for="danger-yes">${t.dangerYes}</label></div></fieldset>
${radioGroup(
  'anonymity',
  'anonymous',
  t.anonymityLegend,
  [
    { value: 'yes', label: t.anonymous },
    { value: 'no', label: t.giveContact },
  ],
  values,
  errors,
  html`<div class="pp-contact pp-stack" id="contact"><p class="ds-paragraph" data-size="sm">${t.contactHint}</p>${fieldError('contact', errors)}
${textField('contact-name', 'contactName', t.nameLabel, values, errors, { optional: t.optional, max: TIP_LIMITS.contactField })}
${textField('contact-phone', 'contactPhone', t.phoneLabel, values, errors, { optional: t.optional, max: TIP_LIMITS.contactField, type: 'tel' })}
${textField('contact-email', 'contactEmail', t.emailLabel, values, errors, { optional: t.optional, max: TIP_LIMITS.contactField, type: 'email' })}
<div class="ds-field"><input class="ds-input" type="checkbox" id="contact-share" name="share" value="yes"${values.share === 'yes' ? html` checked` : ''}><label class="ds-label" data-weight="regular" for="contact-share">${t.shareLabel}</label></div></div>`,
)}
<button class="ds-button" data-variant="primary" type="submit">${t.submit}</button>
</form>`;
  return layout(ctx, t.heading, main);
}

export function receiptPage(ctx: PageContext, receipt: string, danger: boolean): string {
  const t = ctx.texts.tip;
  const main = html`<h1 class="ds-heading" data-size="lg">${t.receiptHeading}</h1>
${danger ? html`<div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">${t.receiptDanger} ${phoneLink(ctx.numbers.emergency)}</p></div>` : ''}
<p class="ds-paragraph">${t.receiptIntro}</p>
<p class="pp-receipt" data-testid="receipt-code">${receipt}</p>
<div class="ds-alert" data-color="warning"><p class="ds-paragraph">${t.receiptKeep}</p></div>
<p class="ds-paragraph"><a class="ds-link" href="/${ctx.lang}/tips/follow-up">${t.receiptFollowUp}</a></p>`;
  return layout(ctx, t.receiptHeading, main);
}

function codeForm(ctx: PageContext, error: string | null): SafeHtml {
  const f = ctx.texts.followUp;
  const errors: TipFormErrors = error ? { code: error } : {};
  return html`<form class="pp-stack" method="post" action="/${ctx.lang}/tips/follow-up" novalidate>
<input type="hidden" name="action" value="open">
<div class="ds-field"><label class="ds-label" for="code">${f.codeLabel}</label><div data-field="description" id="code-hint">${f.codeHint}</div>
<input class="ds-input" id="code" name="code" type="text" inputmode="numeric" autocomplete="off" maxlength="40" dir="ltr"${described('code', errors, true)}>${fieldError('code', errors)}</div>
<button class="ds-button" data-variant="primary" type="submit">${f.submit}</button></form>`;
}

export function followUpPage(ctx: PageContext, error: string | null): string {
  const f = ctx.texts.followUp;
  if (!ctx.settings.tipFormEnabled) return layout(ctx, f.heading, html`<h1 class="ds-heading" data-size="lg">${f.heading}</h1><div class="ds-alert" data-color="info"><p class="ds-paragraph">${ctx.texts.tip.closed}</p></div>`);
  const main = html`<h1 class="ds-heading" data-size="lg">${f.heading}</h1>
<p class="ds-paragraph">${f.intro}</p>
${codeForm(ctx, error)}`;
  return layout(ctx, f.heading, main);
}

export type ConversationView = {
  code: string;
  submittedOn: string;
  status: 'new' | 'in_progress' | 'closed';
  what: string;
  messages: { kind: 'tipster' | 'reply'; body: string; createdOn: string }[];
};

export function conversationPage(ctx: PageContext, view: ConversationView, notice: { kind: 'added' | 'error'; text: string } | null): string {
  const f = ctx.texts.followUp;
  const hasReply = view.messages.some((message) => message.kind === 'reply');
  const errors: TipFormErrors = notice?.kind === 'error' ? { message: notice.text } : {};
  const main = html`<h1 class="ds-heading" data-size="lg">${f.conversationHeading}</h1>
${notice ? html`<div class="ds-alert" data-color="${notice.kind === 'added' ? 'success' : 'danger'}" role="status"><p class="ds-paragraph">${notice.text}</p></div>` : ''}
<p class="ds-paragraph">${f.submittedOn}: <span dir="ltr">${view.submittedOn}</span>. ${f.status}: ${f.statuses[view.status]}.</p>
<section class="pp-stack" aria-labelledby="your-tip"><h2 class="ds-heading" data-size="sm" id="your-tip">${f.yourTip}</h2><p class="ds-paragraph pp-msg">${view.what}</p></section>
<section class="pp-stack" aria-labelledby="messages"><h2 class="ds-heading" data-size="sm" id="messages">${f.conversationHeading}</h2>
${view.messages.map(
  (message) => html`<article class="pp-msg" data-from="${message.kind === 'reply' ? 'municipality' : 'you'}"><p class="pp-meta">${message.kind === 'reply' ? f.fromMunicipality : f.fromYou}, <span dir="ltr">${message.createdOn}</span></p><p class="ds-paragraph">${message.body}</p></article>`,
)}
${hasReply ? '' : html`<p class="ds-paragraph">${f.noReplies}</p>`}</section>
<form class="pp-stack" method="post" action="/${ctx.lang}/tips/follow-up" novalidate>
<input type="hidden" name="action" value="add"><input type="hidden" name="code" value="${view.code}">
<div class="ds-field"><label class="ds-label" for="message">${f.addLabel}</label>
<textarea class="ds-input" id="message" name="message" rows="5" maxlength="${TIP_LIMITS.message}"${described('message', errors, false)}></textarea>${fieldError('message', errors)}</div>
<button class="ds-button" data-variant="primary" type="submit">${f.addSubmit}</button></form>`;
  return layout(ctx, f.conversationHeading, main);
}

export function messagePage(ctx: PageContext, heading: string, text: string): string {
  return layout(ctx, heading, html`<h1 class="ds-heading" data-size="lg">${heading}</h1><p class="ds-paragraph">${text}</p><p class="ds-paragraph"><a class="ds-link" href="/${ctx.lang}/">${ctx.texts.site.navHome}</a></p>`);
}
