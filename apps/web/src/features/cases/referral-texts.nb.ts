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
