import type { Translations } from '../../i18n/en';

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

/** English texts of passkeys. */
export const passkeysEn: Translations<typeof passkeysNb> = {
  signIn: {
    or: 'Or sign in without a password',
    button: 'Sign in with a passkey',
  },
  mfa: {
    heading: 'Use a passkey',
    intro: 'Confirm the sign-in with your passkey (for example fingerprint, face or PIN on the device).',
    button: 'Use passkey',
    orCode: 'Or enter the code from your authenticator app',
  },
  enrolment: {
    title: 'Register a passkey',
    intro:
      'Your municipality requires a passkey for your role. A passkey is bound to this website and cannot be phished by fake sign-in pages. You confirm it with your fingerprint, face or PIN on the device.',
    cancel: 'Cancel and sign out',
  },
  mfaEnrolmentAlternative: {
    heading: 'Or use a passkey',
    intro: 'Instead of a code from an app, you can register a passkey on this device.',
  },
  register: {
    name: 'Name of the passkey',
    nameDescription: 'So you recognise it, for example "Work laptop" or "Phone".',
    defaultName: 'Passkey',
    submit: 'Register passkey',
    done: 'The passkey is registered.',
  },
  profile: {
    heading: 'Passkeys',
    intro: 'With a passkey you sign in without a password, or use it as your second factor. It cannot be phished by fake sign-in pages.',
    required: 'Your municipality requires a passkey for your role.',
    none: 'You have no passkeys.',
    listLabel: 'Your passkeys',
    created: 'Registered {{date}}',
    lastUsed: 'Last used {{date}}',
    neverUsed: 'Not used yet',
    synced: 'Synced between devices',
    add: 'Add a passkey',
    rename: 'Rename',
    renameLabel: 'New name for "{{name}}"',
    save: 'Save name',
    remove: 'Remove',
    removeConfirm: 'Remove the passkey "{{name}}"? You can no longer sign in with it.',
    confirmRemove: 'Yes, remove',
    removed: 'The passkey has been removed.',
    renamed: 'The name has been changed.',
    signInAgain: 'To add or remove a passkey you must have signed in recently. Sign out and in again first.',
  },
  settings: {
    require: 'Require a passkey for administrators and coordinators',
    requireDescription:
      'Phishing-resistant two-factor authentication. Those without a passkey are signed out and must register one at their next sign-in. You must have a passkey yourself first.',
  },
  users: {
    heading: 'Passkeys',
    intro: 'If the user has lost their device, you can remove all their passkeys. The user is signed out and registers a new one at the next sign-in.',
    reset: 'Remove all passkeys',
    confirm: 'Remove all passkeys of {{name}}?',
    confirmButton: 'Yes, remove all',
    done: '{{count}} passkeys removed.',
  },
  errors: {
    cancelled: 'The passkey was not used. Try again when you are ready.',
    unsupported: 'Your browser does not support passkeys.',
  },
};
