import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's routes as the hostile-input and access suites see them, read from app/routes/ so
 * that a new route is covered without anyone listing it: its URL pattern, whether it has a
 * loader and an action, the form field names and `intent` values found in its source (and in
 * the app modules it imports, where its forms and zod schemas live).
 */
export interface RouteFile {
  id: string;
  /** e.g. "/manage/contests/:contestId/rounds/:roundId.xlsx"; ":*" is a splat. */
  pattern: string;
  params: string[];
  index: boolean;
  loader: boolean;
  action: boolean;
  fields: string[];
  intents: string[];
}

const ROUTES_DIR = path.resolve("app/routes");

export function routePattern(id: string): { pattern: string; params: string[]; index: boolean } {
  // "[.xlsx]" escapes a dot that is part of the URL.
  const escaped = id.replace(/\[([^\]]*)\]/g, (_, literal: string) => literal.replaceAll(".", "\u0000"));
  const params: string[] = [];
  let index = false;
  const segments: string[] = [];
  for (const raw of escaped.split(".")) {
    const segment = raw.replaceAll("\u0000", ".");
    if (segment === "_index") {
      index = true;
      continue;
    }
    if (segment.startsWith("_")) continue; // pathless layout
    if (segment === "$") {
      params.push("*");
      segments.push(":*");
    } else if (segment.startsWith("$")) {
      const [name, ...rest] = segment.slice(1).split(/(?=\.)/);
      params.push(name);
      segments.push(`:${name}${rest.join("")}`);
    } else segments.push(segment);
  }
  return { pattern: `/${segments.join("/")}`, params, index };
}

function importedSources(source: string): string[] {
  const files: string[] = [];
  for (const match of source.matchAll(/from "~\/([^"]+)"/g)) {
    for (const extension of [".tsx", ".ts", "/index.ts"]) {
      const file = path.resolve("app", `${match[1]}${extension}`);
      if (existsSync(file)) {
        files.push(readFileSync(file, "utf8"));
        break;
      }
    }
  }
  return files;
}

function harvest(sources: string[]): { fields: string[]; intents: string[] } {
  const fields = new Set<string>();
  const intents = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/name="([a-zA-Z][\w.[\]-]*)"/g)) fields.add(match[1]);
    for (const match of source.matchAll(/formData\.get(?:All)?\("([\w.-]+)"\)/g)) fields.add(match[1]);
    for (const match of source.matchAll(/^\s+([a-zA-Z]\w*): z\./gm)) fields.add(match[1]);
    for (const match of source.matchAll(/intent: z\.literal\("([\w-]+)"\)/g)) intents.add(match[1]);
    for (const match of source.matchAll(/intent: z\.enum\(\[([^\]]+)\]\)/g))
      for (const value of match[1].matchAll(/"([\w-]+)"/g)) intents.add(value[1]);
    if (source.includes('name="intent"'))
      for (const match of source.matchAll(/name="intent"[^>]*?value="([\w-]+)"/gs)) intents.add(match[1]);
    for (const match of source.matchAll(/=== "([\w-]+)"/g))
      if (/intent/.test(source.slice(Math.max(0, (match.index ?? 0) - 40), match.index))) intents.add(match[1]);
  }
  fields.delete("intent");
  return { fields: [...fields].sort(), intents: [...intents].sort() };
}

export function routeFiles(): RouteFile[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.tsx?$/.test(file))
    .sort()
    .map((file) => {
      const id = file.replace(/\.tsx?$/, "");
      const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
      return {
        id,
        ...routePattern(id),
        loader: /export (async )?function loader|export const loader/.test(source),
        action: /export (async )?function action|export const action/.test(source),
        ...harvest([source, ...importedSources(source)]),
      };
    });
}

/** The URL for a pattern with each `:param` replaced. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:([\w*]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? "x"));
}
