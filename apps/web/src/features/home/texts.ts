import type { Translations } from '../../i18n/en';

/** Norwegian Bokmål texts of the home page (mounted under `home` in i18n/nb.ts). */
export const homeNb = {
  title: 'Hjem',
  heading: 'Velkommen, {{name}}',
  roleLine: 'Du er logget inn som {{role}} i {{organisation}}.',
  startScreening: 'Start en kartlegging',
  roles: {
    admin: {
      intro: 'Du setter opp Lykt for kommunen: brukere og roller, partnerregisteret, innstillinger og de offentlige sidene, og du følger med i revisjonsloggen. Du ser ikke innholdet i saker.',
    },
    coordinator: {
      intro: 'Her er det som venter på deg i dag: nye bekymringer og tips, frister i saker og henvisninger, og tiltak i handlingsplanen.',
    },
    caseworker: {
      intro: 'Her er det som venter på deg: bekymringer og tips som er tildelt deg, og frister i sakene der du er med i teamet.',
    },
    frontline: {
      intro: 'Her ser du bekymringene du har meldt, spørsmål koordinatoren har til deg, og opplæringen din. Er du bekymret for noen, start en kartlegging.',
    },
    partner: {
      intro: 'Her ser du henvisninger til organisasjonen din som venter på svar, og tiltakene i handlingsplanen som dere har ansvar for.',
    },
    viewer: {
      intro: 'Her ser du framdriften i den vedtatte handlingsplanen og den siste rapporten til kommunestyret.',
    },
    procurement: {
      intro: 'Her ser du bekymringsmeldingene du har sendt fra funn i kontroller, og opplæringen din. Kontraktene, kontrollene og funnene finner du under Anskaffelser.',
    },
  },
  queue: {
    heading: 'Dette venter på deg',
    empty: 'Ingenting venter på deg akkurat nå.',
    urgent: 'Haster',
    groups: { identify: 'Avdekke', help: 'Hjelpe', plan: 'Planlegge', learn: 'Lære' },
    counts: {
      concerns_new: 'Nye bekymringer uten saksbehandler',
      concerns_awaiting_reporter: 'Bekymringer som venter på svar fra melderen',
      concerns_in_progress: 'Bekymringer du følger opp',
      concerns_question_for_you: 'Spørsmål til deg om bekymringer du har meldt',
      concerns_open_own: 'Bekymringer du har meldt som er under behandling',
      tips_unread: 'Nye tips som ikke er lest',
      tips_new_messages: 'Tips med nye meldinger fra tipsgiveren',
      referrals_awaiting_answer: 'Henvisninger som venter på svar fra dere',
      referrals_overdue: 'Henvisninger der svarfristen er passert',
      reflection_period_ending: 'Refleksjonsperioder som snart slutter',
      child_welfare_review: 'Saker der barnevernet skal vurdere',
      retention_erasure: 'Saker der personopplysninger snart slettes',
      tasks_due: 'Oppgaver som forfaller: dine, med frist innen 3 dager eller passert',
      measures_overdue: 'Tiltak i handlingsplanen som er forsinket',
      measures_due_soon: 'Tiltak med frist de neste 30 dagene',
      training_due: 'Opplæring du ikke har fullført',
    },
  },
  plan: {
    heading: 'Handlingsplanen',
    progress: '{{title}}, versjon {{version}}: {{progress}} % gjennomført',
    noProgress: '{{title}}, versjon {{version}}: ingen tiltak er registrert ennå.',
    open: 'Se planen',
    none: 'Det finnes ingen vedtatt handlingsplan ennå.',
  },
  report: {
    heading: 'Rapport til kommunestyret',
    latest: 'Rapporten for {{year}}, versjon {{version}}',
    none: 'Det finnes ingen endelig rapport ennå.',
  },
};

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

/** Norwegian Bokmål names of the main menu's groups and its phone button (mounted under `navGroups`). */
export const navGroupsNb = {
  menu: 'Meny',
  identify: 'Avdekke',
  help: 'Hjelpe',
  plan: 'Planlegge',
  know: 'Vite',
  learn: 'Lære',
  administer: 'Administrere',
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
