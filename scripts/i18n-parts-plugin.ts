import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "esbuild";
import type { Plugin } from "vite";
import { isLocale } from "../app/i18n/config";
import { TRANSLATION_PARTS, type TranslationPart, type TranslationTree, translationPart } from "../app/i18n/parts";

/**
 * Serves `virtual:i18n/<locale>/<part>`: one part (app/i18n/parts.ts) of one locale's strings,
 * read from app/i18n/locales/<locale>.ts at build time, as a module of plain data. The strings
 * stay where they are written; the browser downloads only its locale and the parts it needs.
 */
const PREFIX = "virtual:i18n/";

async function readLocale(file: string, locale: string): Promise<TranslationTree> {
  // The locale files are plain object literals (type imports only): compile and evaluate.
  const { code } = await transform(readFileSync(file, "utf8"), { loader: "ts", format: "esm" });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return module[locale] as TranslationTree;
}

export function i18nParts(localesDir: string): Plugin {
  return {
    name: "i18n-parts",
    config: () => ({
      build: {
        rollupOptions: {
          output: {
            // i18n-vi-public-<hash>.js: named so scripts/check-weight.mjs can find and count them.
            chunkFileNames: (chunk) => {
              const id = chunk.facadeModuleId ?? "";
              if (!id.startsWith(`\0${PREFIX}`)) return "assets/[name]-[hash].js";
              return `assets/i18n-${id.slice(PREFIX.length + 1).replace("/", "-")}-[hash].js`;
            },
          },
        },
      },
    }),
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [locale, part] = id.slice(PREFIX.length + 1).split("/");
      if (!isLocale(locale) || !TRANSLATION_PARTS.includes(part as TranslationPart))
        throw new Error(`unknown translation chunk ${id.slice(1)}`);
      const file = path.join(localesDir, `${locale}.ts`);
      this.addWatchFile(file);
      const tree = translationPart(await readLocale(file, locale), part as TranslationPart);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(tree))});`;
    },
  };
}
