import { readdirSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";
import type { TranslationPart } from "./parts";

/**
 * The URLs of the built translation chunks (scripts/i18n-parts-plugin.ts names them
 * i18n-<locale>-<part>-<hash>.js), so the page can preload its own: the browser then fetches
 * them alongside the page's code instead of after it. None in development (Vite serves them).
 */
let listing: string[] | null = null;

export function translationChunkUrls(locale: Locale, parts: readonly TranslationPart[]): string[] {
  if (listing === null) {
    try {
      listing = readdirSync(path.resolve("build/client/assets")).filter((name) => name.startsWith("i18n-"));
    } catch {
      listing = [];
    }
  }
  const files = listing;
  return parts.flatMap((part) => {
    const file = files.find((name) => name.startsWith(`i18n-${locale}-${part}-`));
    return file ? [`/assets/${file}`] : [];
  });
}
