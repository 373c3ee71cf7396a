// The translation chunks generated at build time by scripts/i18n-parts-plugin.ts.
declare module "virtual:i18n/*" {
  import type { TranslationTree } from "./parts";

  const translations: TranslationTree;
  export default translations;
}
