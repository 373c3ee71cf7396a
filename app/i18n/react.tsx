import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, type Locale } from "./config";
import { subscribeToTranslations, type TFunction, translationsVersion, translatorFor } from "./translate";

/**
 * `useTranslation()` for components, in the shape of react-i18next's (`t`, `i18n.language`),
 * over the light translator of translate.ts. The root provides the request's locale.
 */
interface TranslationContext {
  t: TFunction;
  i18n: { language: Locale };
}

const Context = createContext<TranslationContext>({
  t: translatorFor(DEFAULT_LOCALE),
  i18n: { language: DEFAULT_LOCALE },
});

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // A new `t` when a translation part arrives, so every translated component re-renders.
  const version = useSyncExternalStore(subscribeToTranslations, translationsVersion, translationsVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the point: new parts, new t.
  const value = useMemo(() => ({ t: translatorFor(locale), i18n: { language: locale } }), [locale, version]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useTranslation(): TranslationContext {
  return useContext(Context);
}
