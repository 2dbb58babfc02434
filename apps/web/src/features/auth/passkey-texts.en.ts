import type { Translations } from '../../i18n/en';
import type { passkeysNb } from './passkey-texts.nb';

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
