import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nb } from './nb';

/** The languages the staff app is translated into. */
export const APP_LANGUAGES = ['nb', 'en'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: AppLanguage = 'nb';
const STORAGE_KEY = 'lykt.language';

export const resources = {
  nb: { translation: nb },
  en: { translation: en },
};

/** Whether a value is one of the app's languages. */
export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): AppLanguage | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isAppLanguage(stored) ? stored : null;
  } catch {
    // Storage can be blocked by the browser; fall back to the default language.
    return null;
  }
}

function storeLanguage(language: AppLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable when storage is blocked.
  }
}

/** The language the app currently shows. */
export function currentLanguage(): AppLanguage {
  return isAppLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Whether the user chose a language in this browser. */
export function hasChosenLanguage(): boolean {
  return readStoredLanguage() !== null;
}

/** Shows the app in a language without remembering it (e.g. the municipality's default). */
export async function showLanguage(language: AppLanguage): Promise<void> {
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}

/** Shows the app in a language, remembers it in this browser and updates `<html lang>`. */
export async function applyLanguage(language: AppLanguage): Promise<void> {
  storeLanguage(language);
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}

/** Starts i18next with the bundled texts and the language remembered in this browser. */
export function initI18n(): typeof i18next {
  const initial = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  document.documentElement.lang = initial;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...APP_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
