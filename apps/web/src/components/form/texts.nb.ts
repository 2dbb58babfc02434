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
