import type { Translations } from '../../i18n/en';
import type { formNb } from './texts.nb';

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
