import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n, type Locale } from "./i18n";
import { en } from "./locales/en";
import { vi } from "./locales/vi";
import { partOfKey, partsForPath, TRANSLATION_PARTS, type TranslationTree, translationPart } from "./parts";
import { translate } from "./translate";

function keysOf(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe("the pages' translator (translate.ts)", () => {
  it("gives the same text as i18next for every key of both locales, placeholders filled", () => {
    for (const [locale, tree] of [
      ["vi", vi],
      ["en", en],
    ] as const) {
      const i18next = createI18n(locale as Locale);
      for (const key of keysOf(tree)) {
        const text = String(i18next.getResource(locale, "translation", key));
        const params = Object.fromEntries(
          [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match, index) => [match[1], `«${match[1]}-${index}»`]),
        );
        expect(translate(locale as Locale, key, params), key).toBe(i18next.t(key, params));
      }
    }
  });

  it("returns the key for an unknown one, and fills numbers and repeated placeholders", () => {
    expect(translate("vi", "no.such.key")).toBe("no.such.key");
    expect(translate("vi", "table.total", { total: 3 })).toBe("3 dòng");
  });
});

describe("translation parts (parts.ts)", () => {
  it("split each locale into its parts with every key in exactly one", () => {
    for (const tree of [vi, en] as TranslationTree[]) {
      const keysByPart = TRANSLATION_PARTS.map((part) => keysOf(translationPart(tree, part)));
      expect(keysByPart.flat().sort()).toEqual(keysOf(tree).sort());
      for (const keys of keysByPart) expect(keys.length).toBeGreaterThan(20);
    }
  });

  it("load the manage part under /manage only", () => {
    expect(partsForPath("/manage")).toEqual(["public", "learn", "manage"]);
    expect(partsForPath("/manage/contests/1")).toEqual(["public", "learn", "manage"]);
    expect(partsForPath("/contests/x")).toEqual(["public"]);
    expect(partsForPath("/managers")).toEqual(["public"]);
  });

  it("hold in the parts a page loads every key that page translates literally", () => {
    // Walk the imports from the root and from every route outside /manage (server modules
    // excluded: their keys reach pages as messages, checked by the dynamic families below).
    const appDir = path.resolve(__dirname, "..");
    const resolve = (from: string, spec: string) => {
      const base = spec.startsWith("~/")
        ? path.join(appDir, spec.slice(2))
        : spec.startsWith(".")
          ? path.resolve(path.dirname(from), spec)
          : null;
      if (!base) return null;
      return (
        ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]
          .map((ext) => base + ext)
          .find((file) => existsSync(file) && statSync(file).isFile()) ?? null
      );
    };
    const keysReachedFrom = (start: string) => {
      const seen = new Set<string>();
      const queue = [start];
      const used = new Set<string>();
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        const text = readFileSync(file, "utf8");
        for (const match of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(match[1]);
        for (const match of text.matchAll(/from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
          const target = resolve(file, match[1] ?? match[2]);
          if (target && !/\.server\.tsx?$/.test(target) && !target.includes(`${path.sep}locales${path.sep}`))
            queue.push(target);
        }
      }
      return used;
    };
    // courses.$slug._index.tsx → /courses/slug: enough for partsForPath, which reads the first segment.
    const pathOfRoute = (name: string) =>
      `/${name
        .replace(/\.tsx?$/, "")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => segment.replace(/^\$/, "").replace(/[[\]]/g, ""))
        .join("/")}`;
    const misplaced: string[] = [];
    const rootKeys = keysReachedFrom(path.join(appDir, "root.tsx"));
    const dynamicFamilies = ["errors.attempt.X", "errors.registration.X", "live.connection.X", "contest.phase.X"];
    for (const key of [...rootKeys, ...dynamicFamilies])
      if (partOfKey(key) !== "public") misplaced.push(`root: ${key}`);
    const routes = readdirSync(path.join(appDir, "routes")).filter(
      (name) => !name.startsWith("manage") && !name.includes(".test."),
    );
    let routeKeys = 0;
    for (const route of routes) {
      const loads = partsForPath(pathOfRoute(route));
      const used = keysReachedFrom(path.join(appDir, "routes", route));
      routeKeys += used.size;
      for (const key of used) if (!loads.includes(partOfKey(key))) misplaced.push(`${route}: ${key}`);
    }
    expect(routeKeys).toBeGreaterThan(50);
    expect(misplaced.sort()).toEqual([]);
  });

  it("loads the learner's strings only on the learner's pages and the organizer's", () => {
    expect(partsForPath("/courses")).toEqual(["public", "learn"]);
    expect(partsForPath("/learn/abc")).toEqual(["public", "learn"]);
    expect(partsForPath("/v/ABC123")).toEqual(["public", "learn"]);
    expect(partsForPath("/contests/x")).toEqual(["public"]);
    expect(partsForPath("/verify")).toEqual(["public"]);
    expect(partOfKey("courses.catalogue.title")).toBe("learn");
    expect(partOfKey("courses.editor.save")).toBe("manage");
    expect(partOfKey("rosters.title")).toBe("manage");
  });
});
