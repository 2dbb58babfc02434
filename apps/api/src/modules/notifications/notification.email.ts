import { ALWAYS_IMMEDIATE_KINDS, type NotificationKind } from '@lykt/shared';

export type EmailLang = 'nb' | 'en';
export type RenderedEmail = { subject: string; text: string; html: string };

/**
 * What each kind says: that something awaits, of which kind. Never a name, a case number, an
 * indicator, a place, a nationality or text a user wrote; the subject is the same for every
 * e-mail of a kind (docs/NOTIFICATIONS.md shows every text).
 */
export const KIND_TEXT: Record<NotificationKind, Record<EmailLang, string>> = {
  concern_new: { nb: 'En ny bekymringsmelding venter', en: 'A new concern is waiting' },
  concern_assigned: { nb: 'En bekymringsmelding er tildelt deg', en: 'A concern has been assigned to you' },
  concern_question: { nb: 'Du har fått et spørsmål om en bekymringsmelding du sendte', en: 'You have a question about a concern you sent' },
  tip_new: { nb: 'Et nytt anonymt tips venter', en: 'A new anonymous tip is waiting' },
  tip_message: { nb: 'En ny melding på et tips venter', en: 'A new message on a tip is waiting' },
  referral_sent: { nb: 'En henvisning til organisasjonen din venter', en: 'A referral to your organisation is waiting' },
  referral_answered: { nb: 'En henvisning fra en sak er besvart', en: 'A referral from a case has been answered' },
  referral_revoked: { nb: 'En henvisning til organisasjonen din er trukket tilbake', en: 'A referral to your organisation has been revoked' },
  referral_overdue: { nb: 'En henvisning har passert svarfristen', en: 'A referral is past its answer deadline' },
  case_deadline: { nb: 'En frist i en sak nærmer seg', en: 'A deadline in a case is coming up' },
  child_welfare_overdue: { nb: 'En frist for vurdering av melding til barnevernet er passert', en: 'A deadline to consider notifying child welfare has passed' },
  erasure_coming: { nb: 'Personopplysningene i en avsluttet sak slettes snart', en: 'The personal data of a closed case will soon be erased' },
  task_due: { nb: 'En oppgave har frist snart', en: 'A task is due soon' },
  break_glass: { nb: 'Noen har brukt nødtilgang til en sak', en: 'Someone has used break-glass access to a case' },
  measure_due: { nb: 'Et tiltak i handlingsplanen har frist snart', en: 'A measure in the action plan is due soon' },
  meeting_invitation: { nb: 'Du er invitert til et møte i samarbeidsgruppen', en: 'You are invited to a meeting of the cooperation group' },
  meeting_minutes: { nb: 'Referatet fra et møte i samarbeidsgruppen er klart', en: 'The minutes of a cooperation group meeting are ready' },
  training_due: { nb: 'Opplæring venter på deg', en: 'Training is due' },
};

const T = {
  nb: {
    hello: 'Hei,',
    where: (municipality: string) => `Det gjelder ${municipality} i Lykt.`,
    open: 'Åpne i Lykt',
    why: 'Av hensyn til personvernet står det ikke mer i denne e-posten. Logg inn for å se hva det gjelder.',
    always: 'Dette varselet sendes alltid med en gang, fordi det kan gjelde noens sikkerhet.',
    unsubscribe: 'Du får denne e-posten fordi du har valgt varsler på e-post. Endre eller slå av varslene',
    digestSubject: 'Lykt: Dette venter på deg',
    digestIntro: 'Dette har kommet til deg i Lykt det siste døgnet:',
    digestOpen: 'Se varslene dine',
    signature: 'Lykt',
  },
  en: {
    hello: 'Hello,',
    where: (municipality: string) => `It concerns ${municipality} in Lykt.`,
    open: 'Open in Lykt',
    why: 'To protect privacy this e-mail says nothing more. Sign in to see what it is about.',
    always: 'This notification is always sent at once, because it may concern someone’s safety.',
    unsubscribe: 'You receive this e-mail because you chose notifications by e-mail. Change or turn off notifications',
    digestSubject: 'Lykt: What awaits you',
    digestIntro: 'This has come to you in Lykt during the last day:',
    digestOpen: 'See your notifications',
    signature: 'Lykt',
  },
} as const;

export function emailLang(language: string | null | undefined, fallback: string): EmailLang {
  const lang = language ?? fallback;
  return lang === 'en' ? 'en' : 'nb';
}

/** The subject of every e-mail of a kind. */
export function subjectFor(kind: NotificationKind, lang: EmailLang): string {
  return `Lykt: ${KIND_TEXT[kind][lang]}`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function htmlPage(lang: EmailLang, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; margin: 0; padding: 16px;">',
    `<main style="max-width: 560px;">${body}</main>`,
    '</body></html>',
  ].join('\n');
}

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color: #0b5cad; text-decoration: underline;">${escapeHtml(label)}</a>`;

export type EmailContext = { lang: EmailLang; municipalityName: string; baseUrl: string };

/** One notification's e-mail: plain text and simple HTML saying the same. */
export function renderNotificationEmail(kind: NotificationKind, linkPath: string, context: EmailContext): RenderedEmail {
  const t = T[context.lang];
  const headline = KIND_TEXT[kind][context.lang];
  const url = `${context.baseUrl}${linkPath}`;
  const preferencesUrl = `${context.baseUrl}/app/notifications/preferences`;
  const always = ALWAYS_IMMEDIATE_KINDS.includes(kind);
  const footer = always ? t.always : `${t.unsubscribe}: ${preferencesUrl}`;
  const text = [t.hello, '', `${headline}.`, t.where(context.municipalityName), '', `${t.open}: ${url}`, '', t.why, '', footer, '', `-- ${t.signature}`].join('\n');
  const htmlFooter = always ? escapeHtml(t.always) : `${escapeHtml(t.unsubscribe)}: ${link(preferencesUrl, preferencesUrl)}`;
  const html = htmlPage(
    context.lang,
    subjectFor(kind, context.lang),
    [
      `<p>${escapeHtml(t.hello)}</p>`,
      `<h1 style="font-size: 20px;">${escapeHtml(headline)}</h1>`,
      `<p>${escapeHtml(t.where(context.municipalityName))}</p>`,
      `<p>${link(url, t.open)}</p>`,
      `<p>${escapeHtml(t.why)}</p>`,
      `<hr><p style="font-size: 14px;">${htmlFooter}</p>`,
    ].join('\n'),
  );
  return { subject: subjectFor(kind, context.lang), text, html };
}

/** The daily digest: how many of each kind, one link to the list, and the way to change it. */
export function renderDigestEmail(counts: ReadonlyMap<NotificationKind, number>, context: EmailContext): RenderedEmail {
  const t = T[context.lang];
  const listUrl = `${context.baseUrl}/app/notifications`;
  const preferencesUrl = `${context.baseUrl}/app/notifications/preferences`;
  const lines = [...counts].map(([kind, value]) => `${value} × ${KIND_TEXT[kind][context.lang]}`);
  const text = [t.hello, '', t.digestIntro, ...lines.map((line) => `- ${line}`), t.where(context.municipalityName), '', `${t.digestOpen}: ${listUrl}`, '', t.why, '', `${t.unsubscribe}: ${preferencesUrl}`, '', `-- ${t.signature}`].join('\n');
  const html = htmlPage(
    context.lang,
    t.digestSubject,
    [
      `<p>${escapeHtml(t.hello)}</p>`,
      `<h1 style="font-size: 20px;">${escapeHtml(t.digestIntro)}</h1>`,
      `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      `<p>${escapeHtml(t.where(context.municipalityName))}</p>`,
      `<p>${link(listUrl, t.digestOpen)}</p>`,
      `<p>${escapeHtml(t.why)}</p>`,
      `<hr><p style="font-size: 14px;">${escapeHtml(t.unsubscribe)}: ${link(preferencesUrl, preferencesUrl)}</p>`,
    ].join('\n'),
  );
  return { subject: t.digestSubject, text, html };
}

/** The summary of a meeting invitation's calendar entry: fixed, since a title may say too much. */
export const MEETING_SUMMARY: Record<EmailLang, string> = { nb: 'Møte i samarbeidsgruppen (Lykt)', en: 'Cooperation group meeting (Lykt)' };
