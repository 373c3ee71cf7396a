import type { Locale } from "./config";
import { partOfKey, type TranslationPart, type TranslationTree } from "./parts";

/**
 * The translation function pages render with, on the server and in the browser. Not i18next:
 * i18next and react-i18next weigh 19 KB gzipped, a fifth of the contest page's budget (issue 8),
 * and pages use only nested keys, {{placeholders}} and (optionally) `_one`/`_other` plurals,
 * which this does the same way (app/i18n/translate.test.ts compares both on every key).
 * Server-only code (exports, socket refusals, the CLI) keeps i18next through `createI18n`.
 *
 * Translations are held per locale and filled part by part (app/i18n/parts.ts): the server
 * registers everything at start, the browser the chunks its page needs.
 */
export type TranslateParams = Record<string, unknown>;
export type TFunction = (key: string, params?: TranslateParams) => string;

const loaded: Record<string, { tree: TranslationTree; parts: Set<TranslationPart> }> = {};
const listeners = new Set<() => void>();
let version = 0;
/** Set by the browser's loader: fetches a missing part when a page meets a key it lacks. */
let onMissingPart: ((locale: Locale, part: TranslationPart) => void) | null = null;

/** Copies `from` into `into` (never sharing `from`'s objects, which belong to the caller). */
function merge(into: TranslationTree, from: TranslationTree): TranslationTree {
  for (const [name, value] of Object.entries(from)) {
    const existing = into[name];
    if (typeof value === "string") into[name] = value;
    else into[name] = merge(existing && typeof existing !== "string" ? existing : {}, value);
  }
  return into;
}

export function addTranslations(locale: Locale, parts: readonly TranslationPart[], tree: TranslationTree): void {
  loaded[locale] ??= { tree: {}, parts: new Set() };
  merge(loaded[locale].tree, tree);
  for (const part of parts) loaded[locale].parts.add(part);
  version++;
  for (const listener of listeners) listener();
}

export function hasTranslations(locale: Locale, part: TranslationPart): boolean {
  return loaded[locale]?.parts.has(part) ?? false;
}

export function setMissingPartHandler(handler: typeof onMissingPart): void {
  onMissingPart = handler;
}

/** For React's useSyncExternalStore: re-render when a part arrives. */
export const translationsVersion = () => version;
export function subscribeToTranslations(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lookup(tree: TranslationTree | undefined, key: string): string | undefined {
  let node: string | TranslationTree | undefined = tree;
  for (const name of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[name];
  }
  return typeof node === "string" ? node : undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralOf(locale: Locale, count: number) {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

export function translate(locale: Locale, key: string, params?: TranslateParams): string {
  const tree = loaded[locale]?.tree;
  let text: string | undefined;
  if (typeof params?.count === "number") text = lookup(tree, `${key}_${pluralOf(locale, params.count)}`);
  text ??= lookup(tree, key);
  if (text === undefined) {
    // Not loaded yet (a manage key on a public page): ask for its part; the page re-renders.
    const part = partOfKey(key);
    if (onMissingPart && !hasTranslations(locale, part)) onMissingPart(locale, part);
    return typeof params?.defaultValue === "string" ? params.defaultValue : key;
  }
  if (!params || !text.includes("{{")) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? placeholder : String(value);
  });
}

export function translatorFor(locale: Locale): TFunction {
  return (key, params) => translate(locale, key, params);
}
