import type { Translations } from '../../i18n/en';

/**
 * Norwegian Bokmål texts of the referral form (mounted under `referralForm` in i18n/nb.ts).
 * Source for the data-minimisation rule: personvernforordningen art. 5 nr. 1 bokstav c, and
 * Datatilsynet, «Dataminimering» (datatilsynet.no, checked 2026-12-04).
 */
export const referralFormNb = {
  whyHeading: 'Del bare det mottakeren trenger',
  why: 'Kryss av bare for opplysningene mottakeren trenger for å hjelpe med dette behovet. Personopplysninger skal være begrenset til det som er nødvendig for formålet (dataminimering, personvernforordningen artikkel 5 nr. 1 bokstav c). Mottakeren ser bare det du krysser av, og ingenting annet i saken.',
  source: 'Kilde: personvernforordningen art. 5 nr. 1 bokstav c; Datatilsynet, «Dataminimering» (lest 4. desember 2026).',
  fromConsent: 'Samtykket dekker dette, og det er valgt på forhånd. Fjern det mottakeren ikke trenger.',
  fromLegalBasis: 'Det rettslige grunnlaget tillater bare opplysningene under. Kryss av det mottakeren trenger.',
  chooseBasisFirst: 'Velg samtykket eller det rettslige grunnlaget først. Da ser du hvilke opplysninger som kan deles.',
  sent: 'Henvisningen er sendt.',
};

/** English texts of the referral form. */
export const referralFormEn: Translations<typeof referralFormNb> = {
  whyHeading: 'Share only what the recipient needs',
  why: 'Tick only the information the recipient needs to help with this need. Personal data must be limited to what is necessary for the purpose (data minimisation, GDPR Article 5(1)(c)). The recipient sees only what you tick, and nothing else in the case.',
  source: 'Source: GDPR Art. 5(1)(c); Datatilsynet, “Dataminimering” (read 4 December 2026).',
  fromConsent: 'The consent covers this, and it is chosen in advance. Remove what the recipient does not need.',
  fromLegalBasis: 'The legal basis allows only the information below. Tick what the recipient needs.',
  chooseBasisFirst: 'Choose the consent or the legal basis first. Then you see what may be shared.',
  sent: 'The referral is sent.',
};
