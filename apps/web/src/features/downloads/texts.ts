/** Norwegian texts of background downloads (issue 14). */
export const downloadsNb = {
  title: 'Mine nedlastinger',
  intro: 'Store filer lages i bakgrunnen. Du kan gå fra siden og fortsette med annet arbeid: filen ligger her i {{hours}} timer etter at den er klar, kryptert, og bare du kan hente den. Så slettes den.',
  empty: 'Du har ingen nedlastinger nå.',
  asked: 'Bestilt. Du kan gå fra siden; filen ligger under «Mine nedlastinger» når den er klar.',
  seeAll: 'Mine nedlastinger',
  what: {
    report: 'Kommunestyrerapport, versjon {{version}} ({{format}})',
    statistics: 'Statistikk {{year}}, alle tabeller ({{format}})',
  },
  steps: {
    queued: 'Venter på tur',
    gathering: 'Henter data',
    rendering: 'Lager filen',
    saving: 'Lagrer filen kryptert',
    ready: 'Klar',
  },
  failed: 'Filen kunne ikke lages.',
  errors: {
    NOT_FOUND: 'Det du ba om, finnes ikke lenger.',
    FORBIDDEN: 'Du har ikke lenger tilgang til dette.',
    INTERRUPTED: 'Arbeidet ble avbrutt. Bestill filen på nytt.',
    PERIOD_OPEN: 'Perioden er ikke avsluttet ennå.',
  },
  statusLine: '{{what}}: {{step}}',
  progressLabel: 'Framdrift for {{what}}',
  download: 'Last ned {{file}}',
  remove: 'Fjern',
  removeLabel: 'Fjern {{what}}',
  askedAt: 'Bestilt {{when}}',
  expires: 'Slettes {{when}}',
  downloaded: 'Hentet {{when}}',
};

/** English texts of background downloads. */
export const downloadsEn: typeof downloadsNb = {
  title: 'My downloads',
  intro: 'Large files are made in the background. You can leave the page and carry on with other work: the file stays here for {{hours}} hours after it is ready, encrypted, and only you can fetch it. Then it is deleted.',
  empty: 'You have no downloads now.',
  asked: 'Requested. You can leave the page; the file will be under "My downloads" when it is ready.',
  seeAll: 'My downloads',
  what: {
    report: 'Council report, version {{version}} ({{format}})',
    statistics: 'Statistics {{year}}, all tables ({{format}})',
  },
  steps: {
    queued: 'Waiting its turn',
    gathering: 'Gathering the data',
    rendering: 'Making the file',
    saving: 'Saving the file encrypted',
    ready: 'Ready',
  },
  failed: 'The file could not be made.',
  errors: {
    NOT_FOUND: 'What you asked for no longer exists.',
    FORBIDDEN: 'You no longer have access to this.',
    INTERRUPTED: 'The work was cut off. Ask for the file again.',
    PERIOD_OPEN: 'The period is not closed yet.',
  },
  statusLine: '{{what}}: {{step}}',
  progressLabel: 'Progress of {{what}}',
  download: 'Download {{file}}',
  remove: 'Remove',
  removeLabel: 'Remove {{what}}',
  askedAt: 'Requested {{when}}',
  expires: 'Deleted {{when}}',
  downloaded: 'Fetched {{when}}',
};
