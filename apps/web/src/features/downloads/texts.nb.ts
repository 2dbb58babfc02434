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
