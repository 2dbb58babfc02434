import type { Translations } from '../../i18n/en';
import type { referralFormNb } from './referral-texts.nb';

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
