import type { Locale } from "./config";
import type { TranslationPart, TranslationTree } from "./parts";
import { addTranslations, hasTranslations, setMissingPartHandler } from "./translate";

/**
 * Fetches a locale's translation parts in the browser: one chunk per locale and part, built
 * from locales/*.ts by the `i18n-parts` Vite plugin (scripts/i18n-parts-plugin.ts). Only the
 * page's locale is downloaded; the learn and manage parts only for the pages that show them.
 */
type Chunk = () => Promise<{ default: TranslationTree }>;
const chunks: Record<Locale, Record<TranslationPart, Chunk>> = {
  vi: {
    public: () => import("virtual:i18n/vi/public"),
    learn: () => import("virtual:i18n/vi/learn"),
    manage: () => import("virtual:i18n/vi/manage"),
  },
  en: {
    public: () => import("virtual:i18n/en/public"),
    learn: () => import("virtual:i18n/en/learn"),
    manage: () => import("virtual:i18n/en/manage"),
  },
};

const pending = new Map<string, Promise<void>>();

export function loadTranslations(locale: Locale, parts: readonly TranslationPart[]): Promise<void> {
  return Promise.all(
    parts.map((part) => {
      if (hasTranslations(locale, part)) return undefined;
      const id = `${locale}/${part}`;
      let loading = pending.get(id);
      if (!loading) {
        loading = chunks[locale]
          [part]()
          .then((chunk) => addTranslations(locale, [part], chunk.default))
          .finally(() => pending.delete(id));
        pending.set(id, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

// A key missing from what is loaded: fetch the rest (and retry on the next miss if offline).
setMissingPartHandler((locale, part) => {
  if (!pending.has(`${locale}/${part}`)) loadTranslations(locale, [part]).catch(() => {});
});
