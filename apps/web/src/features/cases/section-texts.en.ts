import type { Translations } from '../../i18n/en';
import type { caseSectionsNb } from './section-texts.nb';

export const caseSectionsEn: Translations<typeof caseSectionsNb> = {
  navLabel: 'Parts of the case',
  names: {
    overview: 'Overview',
    people: 'People and team',
    needs: 'Needs and safety plan',
    journal: 'Journal and tasks',
    consent: 'Consent and referrals',
    access: 'Access and protection',
  },
  documentTitle: '{{section}} – Case {{number}}',
  header: {
    label: 'Case summary',
    status: 'Status',
    deadlines: 'Deadlines',
    noDeadlines: 'No deadlines',
    reflectionEnds: 'Reflection period ends {{date}}',
    reflectionEnded: 'Reflection period ended {{date}}',
    erasureDue: 'Personal data erased {{date}}',
    overdue: 'Overdue',
    whoCanSee: 'Who can see the case',
    team_one: 'Case team ({{count}} person): {{names}}',
    team_other: 'Case team ({{count}} people): {{names}}',
    coordinatorCoded: 'The coordinator sees the coded facts.',
    breakGlass_one: '{{count}} with break-glass access now',
    breakGlass_other: '{{count}} with break-glass access now',
    openReferrals_one: '{{count}} open referral shares selected fields',
    openReferrals_other: '{{count}} open referrals share selected fields',
  },
  notFound: 'This part of the case does not exist.',
  personalOnly: 'The journal and tasks are personal data. You see them only when you are on the case team or have break-glass access.',
  nothingToShow: 'Nobody has used break-glass access to this case, and there are no protection actions for you here.',
};
