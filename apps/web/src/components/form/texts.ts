import type { Translations } from '../../i18n/en';

/** Norwegian Bokmål texts of the shared form layer (mounted under `form` in i18n/nb.ts). */
export const formNb = {
  summaryHeading: 'Rett opp dette før du lagrer:',
  summaryItem: '{{label}}: {{message}}',
  serverRejected: 'Verdien ble ikke godtatt. Sjekk feltet og prøv igjen.',
  unsaved: {
    title: 'Forlate skjemaet uten å lagre?',
    text: 'Du har endringer som ikke er lagret. Forlater du skjemaet, forsvinner de.',
    leave: 'Forlat uten å lagre',
    discard: 'Forkast endringene',
    discardText: 'Endringene du har gjort i skjemaet, forsvinner.',
  },
};

/** English texts of the shared form layer. */
export const formEn: Translations<typeof formNb> = {
  summaryHeading: 'Correct this before you save:',
  summaryItem: '{{label}}: {{message}}',
  serverRejected: 'The value was not accepted. Check the field and try again.',
  unsaved: {
    title: 'Leave the form without saving?',
    text: 'You have changes that are not saved. If you leave the form, they are lost.',
    leave: 'Leave without saving',
    discard: 'Discard the changes',
    discardText: 'The changes you made in the form are lost.',
  },
};
