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
