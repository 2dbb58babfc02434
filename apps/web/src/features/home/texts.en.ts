import type { Translations } from '../../i18n/en';
import type { homeNb, navGroupsNb } from './texts.nb';

/** English texts of the home page. */
export const homeEn: Translations<typeof homeNb> = {
  title: 'Home',
  heading: 'Welcome, {{name}}',
  roleLine: 'You are signed in as {{role}} at {{organisation}}.',
  startScreening: 'Start a screening',
  roles: {
    admin: {
      intro: 'You set Lykt up for the municipality: users and roles, the partner register, settings and the public pages, and you keep an eye on the audit log. You do not see the content of cases.',
    },
    coordinator: {
      intro: 'Here is what needs you today: new concerns and tips, deadlines in cases and referrals, and measures in the action plan.',
    },
    caseworker: {
      intro: 'Here is what needs you: concerns and tips assigned to you, and deadlines in the cases whose team you are on.',
    },
    frontline: {
      intro: 'Here you see the concerns you reported, questions the coordinator has for you, and your training. If you are worried about someone, start a screening.',
    },
    partner: {
      intro: 'Here you see referrals to your organisation that await your answer, and the measures in the action plan that you are responsible for.',
    },
    viewer: {
      intro: 'Here you see the progress of the adopted action plan and the latest report to the municipal council.',
    },
    procurement: {
      intro: 'Here you see the concerns you raised from findings in checks, and your training. Contracts, checks and findings are under Procurement.',
    },
  },
  queue: {
    heading: 'What needs you',
    empty: 'Nothing needs you right now.',
    urgent: 'Urgent',
    groups: { identify: 'Identify', help: 'Help', plan: 'Plan', learn: 'Learn' },
    counts: {
      concerns_new: 'New concerns without a caseworker',
      concerns_awaiting_reporter: 'Concerns waiting for the reporter',
      concerns_in_progress: 'Concerns you are following up',
      concerns_question_for_you: 'Questions for you about concerns you reported',
      concerns_open_own: 'Concerns you reported that are being handled',
      tips_unread: 'New tips not yet read',
      tips_new_messages: 'Tips with new messages from the tipster',
      referrals_awaiting_answer: 'Referrals waiting for your answer',
      referrals_overdue: 'Referrals past their answer deadline',
      reflection_period_ending: 'Reflection periods ending soon',
      child_welfare_review: 'Cases awaiting a child welfare review',
      retention_erasure: 'Cases whose personal data will soon be erased',
      tasks_due: 'Tasks due: yours, due within 3 days or overdue',
      measures_overdue: 'Action plan measures behind schedule',
      measures_due_soon: 'Measures due in the next 30 days',
      training_due: 'Training you have not completed',
    },
  },
  plan: {
    heading: 'The action plan',
    progress: '{{title}}, version {{version}}: {{progress}} % done',
    noProgress: '{{title}}, version {{version}}: no measures recorded yet.',
    open: 'See the plan',
    none: 'There is no adopted action plan yet.',
  },
  report: {
    heading: 'Report to the municipal council',
    latest: 'The report for {{year}}, version {{version}}',
    none: 'There is no final report yet.',
  },
};

export const navGroupsEn: Translations<typeof navGroupsNb> = {
  menu: 'Menu',
  identify: 'Identify',
  help: 'Help',
  plan: 'Plan',
  know: 'Know',
  learn: 'Learn',
  administer: 'Administer',
};
