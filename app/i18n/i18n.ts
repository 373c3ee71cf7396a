import i18next, { type i18n as I18n } from "i18next";
import { en } from "./locales/en";
import { vi } from "./locales/vi";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** One instance per request on the server, one per page on the client; initialised synchronously. */
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
