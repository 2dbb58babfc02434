import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages the staff app is translated into. */
export const APP_LANGUAGES = ['nb', 'en'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: AppLanguage = 'nb';
const STORAGE_KEY = 'lykt.language';

/** Each language's texts are their own chunk: the app loads only the language it shows. */
const LOAD_TEXTS: Record<AppLanguage, () => Promise<object>> = {
  nb: async () => (await import('./nb')).nb,
  en: async () => (await import('./en')).en,
};

async function ensureTexts(language: AppLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await LOAD_TEXTS[language](), true, true);
}

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
  await ensureTexts(language);
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}

/** Shows the app in a language, remembers it in this browser and updates `<html lang>`. */
export async function applyLanguage(language: AppLanguage): Promise<void> {
  storeLanguage(language);
  await ensureTexts(language);
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}

/** Starts i18next with the texts of the language remembered in this browser (loaded first). */
export async function initI18n(): Promise<typeof i18next> {
  const initial = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  document.documentElement.lang = initial;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const texts = await LOAD_TEXTS[initial]();
  await i18next.use(initReactI18next).init({
    resources: { [initial]: { translation: texts } },
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...APP_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
