/** Norwegian Bokmål texts of passkeys (mounted under `passkeys` in i18n/nb.ts). */
export const passkeysNb = {
  signIn: {
    or: 'Eller logg inn uten passord',
    button: 'Logg inn med passnøkkel',
  },
  mfa: {
    heading: 'Bruk passnøkkel',
    intro: 'Bekreft innloggingen med passnøkkelen din (for eksempel fingeravtrykk, ansikt eller PIN på enheten).',
    button: 'Bruk passnøkkel',
    orCode: 'Eller skriv inn koden fra autentiseringsappen',
  },
  enrolment: {
    title: 'Registrer en passnøkkel',
    intro:
      'Kommunen krever passnøkkel for rollen din. En passnøkkel er knyttet til denne nettsiden og kan ikke fiskes ut av falske innloggingssider. Du bekrefter den med fingeravtrykk, ansikt eller PIN på enheten.',
    cancel: 'Avbryt og logg ut',
  },
  mfaEnrolmentAlternative: {
    heading: 'Eller bruk en passnøkkel',
    intro: 'I stedet for en kode fra en app kan du registrere en passnøkkel på denne enheten.',
  },
  register: {
    name: 'Navn på passnøkkelen',
    nameDescription: 'Så du kjenner den igjen, for eksempel «Jobb-PC» eller «Telefon».',
    defaultName: 'Passnøkkel',
    submit: 'Registrer passnøkkel',
    done: 'Passnøkkelen er registrert.',
  },
  profile: {
    heading: 'Passnøkler',
    intro: 'Med en passnøkkel logger du inn uten passord, eller bruker den som andre faktor. Den kan ikke fiskes ut av falske innloggingssider.',
    required: 'Kommunen krever passnøkkel for rollen din.',
    none: 'Du har ingen passnøkler.',
    listLabel: 'Dine passnøkler',
    created: 'Registrert {{date}}',
    lastUsed: 'Sist brukt {{date}}',
    neverUsed: 'Ikke brukt ennå',
    synced: 'Synkronisert mellom enheter',
    add: 'Legg til passnøkkel',
    rename: 'Gi nytt navn',
    renameLabel: 'Nytt navn på «{{name}}»',
    save: 'Lagre navn',
    remove: 'Fjern',
    removeConfirm: 'Fjerne passnøkkelen «{{name}}»? Du kan ikke lenger logge inn med den.',
    confirmRemove: 'Ja, fjern',
    removed: 'Passnøkkelen er fjernet.',
    renamed: 'Navnet er endret.',
    signInAgain: 'For å legge til eller fjerne en passnøkkel må du ha logget inn nylig. Logg ut og inn igjen først.',
  },
  settings: {
    require: 'Krev passnøkkel for administratorer og koordinatorer',
    requireDescription:
      'Phishing-sikker tofaktorautentisering. De som mangler passnøkkel, blir logget ut og må registrere en ved neste innlogging. Du må selv ha en passnøkkel først.',
  },
  users: {
    heading: 'Passnøkler',
    intro: 'Har brukeren mistet enheten sin, kan du fjerne alle passnøklene. Brukeren logges ut og registrerer en ny ved neste innlogging.',
    reset: 'Fjern alle passnøkler',
    confirm: 'Fjerne alle passnøklene til {{name}}?',
    confirmButton: 'Ja, fjern alle',
    done: '{{count}} passnøkler fjernet.',
  },
  errors: {
    cancelled: 'Passnøkkelen ble ikke brukt. Prøv igjen når du er klar.',
    unsupported: 'Nettleseren din støtter ikke passnøkler.',
  },
};
