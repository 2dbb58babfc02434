import type { nb } from './nb';

// Type the t() function against the Norwegian key set, so a misspelt key fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
    returnNull: false;
  }
}
