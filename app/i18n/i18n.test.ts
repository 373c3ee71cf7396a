import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "~/audit/actions";
import { ATTEMPT_ERRORS } from "~/contests/errors";
import { REGISTRATION_FIELDS } from "~/contests/schemas";
import { REJECTION_REASONS } from "~/courses/completion";
import { CONNECTION_STATES } from "~/realtime/client/useSocket";
import { ROSTER_COLUMNS } from "~/rosters/import.server";
import { createI18n } from "./i18n";
import { en } from "./locales/en";
import { vi } from "./locales/vi";

function keysOf(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const viKeys = new Set(keysOf(vi));
const enKeys = new Set(keysOf(en));

describe("translations", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect([...viKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !viKeys.has(key))).toEqual([]);
  });

  it("keep every {{placeholder}} of the Vietnamese text in the English one", () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const viT = createI18n("vi");
    const mismatched = [...viKeys].filter((key) => {
      const viText = viT.getResource("vi", "translation", key) as string;
      const enText = viT.getResource("en", "translation", key) as string;
      return JSON.stringify(vars(viText)) !== JSON.stringify(vars(enText));
    });
    expect(mismatched).toEqual([]);
  });

  it('cover every key the code uses literally (t("…") and "errors.…" messages)', () => {
    const appDir = path.resolve(__dirname, "..");
    const used = new Set<string>();
    for (const file of sourceFiles(appDir)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(match[1]);
      for (const match of text.matchAll(
        /"((?:errors|org|orgImport|register|account|organizers|members|banks|questions|courses|rosters)\.[\w.]+)"/g,
      ))
        used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !viKeys.has(key)).sort()).toEqual([]);
  });

  it("label every audited action and every dynamic key family", () => {
    const required = [
      ...AUDIT_ACTIONS.map((action) => `audit.actions.${action}`),
      ...["ADMIN", "ORGANIZER", "LEARNER", "CONTESTANT"].map((role) => `roles.${role}`),
      ...["notFound", "forbidden", "badRequest", "server"].flatMap((kind) => [
        `errorPage.${kind}.title`,
        `errorPage.${kind}.body`,
      ]),
      ...["code", "name", "type", "parentCode"].map((column) => `orgImport.columns.${column}`),
      ...ATTEMPT_ERRORS.map((code) => `errors.attempt.${code}`),
      ...REGISTRATION_FIELDS.map((field) => `errors.registration.${field}Required`),
      ...CONNECTION_STATES.map((state) => `live.connection.${state}`),
      ...REJECTION_REASONS.map((reason) => `courses.errors.${reason}`),
      ...ROSTER_COLUMNS.map((column) => `rosters.columns.${column}`),
    ];
    expect(required.filter((key) => !viKeys.has(key))).toEqual([]);
  });

  it("translate with parameters in both locales", () => {
    expect(createI18n("vi").t("table.total", { total: 3 })).toBe("3 dòng");
    expect(createI18n("en").t("table.total", { total: 3 })).not.toBe("table.total");
  });
});
