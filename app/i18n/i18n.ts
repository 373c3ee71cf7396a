import i18next, { type i18n as I18n } from "i18next";
import type { Locale } from "./config";
import { en } from "./locales/en";
import { vi } from "./locales/vi";
import { TRANSLATION_PARTS } from "./parts";
import { addTranslations } from "./translate";

export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./config";

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

// Whoever imports this module (the server, the CLI, tests) renders pages with every string.
addTranslations("vi", TRANSLATION_PARTS, vi);
addTranslations("en", TRANSLATION_PARTS, en);

/**
 * i18next, for server-only code (exports, socket refusals, the CLI); pages render with the
 * lighter translator of translate.ts. Initialised synchronously.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
