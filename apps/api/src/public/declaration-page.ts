import type { DeclarationTexts } from '@lykt/content/procurement';
import { DECLARATION_CLAUSES, DUE_DILIGENCE_ANSWERS, DUE_DILIGENCE_QUESTIONS, PROCUREMENT_LIMITS } from '@lykt/shared';
import { html, interpolate, type SafeHtml } from './html';

/** Rows of the subcontractor table on a page that needs no script to add more. */
export const SUBCONTRACTOR_ROWS = 8;

export type DeclarationFormValues = {
  clauses: string[];
  answers: Record<string, string>;
  subs: Array<{ name: string; org: string; tier: string }>;
  signedBy: string;
  comment: string;
};
export type DeclarationFormErrors = Partial<Record<'answers' | 'signedBy' | 'subcontractors' | 'comment', string>>;

export type DeclarationPageContext = {
  lang: string;
  texts: DeclarationTexts;
  /** Other languages the page exists in: code, own name and direction. */
  languages: Array<{ code: string; name: string; dir: string }>;
  /** The page's own path with the token, for the language links (query string, never logged). */
  query: string;
};

function frame(ctx: DeclarationPageContext, title: string, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="${ctx.lang}" dir="${ctx.texts.meta.dir}" data-color-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="stylesheet" href="/public-assets/public.css">
</head>
<body>
<main id="main" class="pp-main">
${main}
</main>
${
  ctx.languages.length > 1
    ? html`<nav class="pp-lang" aria-label="${ctx.texts.meta.name}"><ul>${ctx.languages.map(
        (language) =>
          html`<li><a class="ds-link" href="/supplier-declaration/${language.code}${ctx.query}" lang="${language.code}" dir="${language.dir}" hreflang="${language.code}"${language.code === ctx.lang ? html` aria-current="true"` : ''}>${language.name}</a></li>`,
      )}</ul></nav>`
    : ''
}
</body>
</html>`.value;
}

/** A page with one heading and one paragraph (thanks, or a link that does not work). */
export function declarationMessagePage(ctx: DeclarationPageContext, heading: string, text: SafeHtml | string): string {
  return frame(ctx, heading, html`<h1 class="ds-heading" data-size="lg">${heading}</h1><p class="ds-paragraph">${text}</p>`);
}

const described = (id: string, errors: DeclarationFormErrors, key: keyof DeclarationFormErrors) => (errors[key] ? html` aria-describedby="${id}-error" aria-invalid="true"` : '');
const errorText = (id: string, message: string | undefined) => (message ? html`<p class="ds-validation-message" data-field="validation" id="${id}-error">${message}</p>` : '');

/**
 * The supplier's self-declaration form: clauses to confirm, subcontractor rows, due-diligence questions,
 * who signs and an optional comment. Plain HTML form posting to the same address; the token travels in a
 * hidden field. Near every free-text field it says plainly that workers' personal data do not belong here.
 */
export function declarationFormPage(
  ctx: DeclarationPageContext,
  info: { municipalityName: string; contractTitle: string; supplierName: string },
  token: string,
  values: DeclarationFormValues,
  errors: DeclarationFormErrors,
): string {
  const t = ctx.texts;
  const errorList = Object.entries(errors).map(([key, message]) => ({ href: key === 'answers' ? '#questions' : key === 'subcontractors' ? '#subcontractors' : key === 'signedBy' ? '#signed-by' : '#comment', message }));
  const main = html`<div class="pp-stack">
<h1 class="ds-heading" data-size="lg">${t.title}</h1>
<p class="ds-paragraph" data-size="lg">${interpolate(t.intro, { municipality: info.municipalityName, contract: info.contractTitle })}</p>
<p class="ds-paragraph"><strong>${info.supplierName}</strong></p>
${
  errorList.length > 0
    ? html`<div class="ds-error-summary" role="alert" aria-labelledby="error-summary-heading"><h2 class="ds-heading" data-size="xs" id="error-summary-heading">${t.errorsHeading}</h2><ul class="ds-list">${errorList.map(
        (item) => html`<li><a class="ds-link" href="${item.href}">${item.message}</a></li>`,
      )}</ul></div>`
    : ''
}
<div class="ds-alert" data-color="warning"><p class="ds-paragraph" id="no-personal-data">${t.noPersonalData}</p></div>
<form method="post" action="/supplier-declaration/${ctx.lang}" class="pp-stack" novalidate>
<input type="hidden" name="t" value="${token}">
<fieldset class="ds-fieldset"><legend class="ds-heading" data-size="sm">${t.clausesHeading}</legend>
${DECLARATION_CLAUSES.map(
  (clause) =>
    html`<div class="ds-field"><input class="ds-input" type="checkbox" id="clause-${clause}" name="clause" value="${clause}"${values.clauses.includes(clause) ? html` checked` : ''}><label class="ds-label" data-weight="regular" for="clause-${clause}">${t.clauses[clause]}</label></div>`,
)}
</fieldset>
<fieldset class="ds-fieldset" id="subcontractors"${errors.subcontractors ? html` aria-describedby="subcontractors-error"` : ''}><legend class="ds-heading" data-size="sm">${t.subcontractorsHeading}</legend>
<p class="ds-paragraph" id="subcontractors-hint">${t.subcontractorsHint}</p>
${errorText('subcontractors', errors.subcontractors)}
<table class="pp-table"><caption class="ds-sr-only">${t.subcontractorsHeading}</caption><thead><tr><th scope="col">#</th><th scope="col">${t.subcontractorName}</th><th scope="col">${t.subcontractorOrg}</th><th scope="col">${t.subcontractorTier}</th></tr></thead><tbody>
${Array.from({ length: SUBCONTRACTOR_ROWS }, (_, index) => {
  const row = values.subs[index] ?? { name: '', org: '', tier: '' };
  const n = index + 1;
  return html`<tr><th scope="row">${n}</th>
<td><input class="ds-input" id="sub-name-${index}" name="sub_name_${index}" maxlength="160" autocomplete="off" value="${row.name}" aria-label="${t.subcontractorName} ${n}"></td>
<td><input class="ds-input" id="sub-org-${index}" name="sub_org_${index}" maxlength="9" inputmode="numeric" autocomplete="off" value="${row.org}" aria-label="${t.subcontractorOrg} ${n}"></td>
<td><input class="ds-input" id="sub-tier-${index}" name="sub_tier_${index}" maxlength="1" inputmode="numeric" autocomplete="off" value="${row.tier}" aria-label="${t.subcontractorTier} ${n}"></td></tr>`;
})}
</tbody></table>
</fieldset>
<fieldset class="ds-fieldset" id="questions"${errors.answers ? html` aria-describedby="questions-error"` : ''}><legend class="ds-heading" data-size="sm">${t.questionsHeading}</legend>
${errorText('questions', errors.answers)}
${DUE_DILIGENCE_QUESTIONS.map(
  (question) =>
    html`<fieldset class="ds-fieldset" id="question-${question}"><legend class="ds-label">${t.questions[question]}</legend>
${DUE_DILIGENCE_ANSWERS.map(
  (answer) =>
    html`<div class="ds-field"><input class="ds-input" type="radio" id="q-${question}-${answer}" name="q_${question}" value="${answer}"${values.answers[question] === answer ? html` checked` : ''}><label class="ds-label" data-weight="regular" for="q-${question}-${answer}">${t.answers[answer]}</label></div>`,
)}</fieldset>`,
)}
</fieldset>
<div class="ds-field"><label class="ds-label" for="signed-by">${t.signedBy}</label>
<input class="ds-input" id="signed-by" name="signedBy" maxlength="120" autocomplete="organization-title" value="${values.signedBy}"${described('signed-by', errors, 'signedBy')}>${errorText('signed-by', errors.signedBy)}</div>
<div class="ds-field"><label class="ds-label" for="comment">${t.comment}</label><div data-field="description" id="comment-hint">${t.noPersonalData}</div>
<textarea class="ds-input" id="comment" name="comment" rows="4" maxlength="${PROCUREMENT_LIMITS.note}" aria-describedby="comment-hint${errors.comment ? ' comment-error' : ''}"${errors.comment ? html` aria-invalid="true"` : ''}>${values.comment}</textarea>${errorText('comment', errors.comment)}</div>
<div><button class="ds-button" data-variant="primary" type="submit">${t.submit}</button></div>
</form>
</div>`;
  return frame(ctx, t.title, main);
}
