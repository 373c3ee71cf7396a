// `npm run check:weight`: the JavaScript a phone downloads for the contest-taking pages, gzipped,
// read from the build's Remix manifest (entry + root + the route, with everything they import)
// plus the page's translation chunk (app/i18n/parts.ts; the heavier locale is counted). Fails
// when a page is over its budget: contestants are on cheap phones and slow networks.
// Chunks a page fetches later and only when used (the Socket.IO client of a live board) are
// listed beside the total, not in it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGETS_KB = {
  "routes/attempts.$attemptId._index": 150,
  "routes/contests.$slug._index": 100,
};
const LOCALES = ["vi", "en"];

const assets = "build/client/assets";
const names = readdirSync(assets);
const manifestFile = names.find((name) => /^manifest-.*\.js$/.test(name));
if (!manifestFile) {
  console.error("No build: run `npm run build` first.");
  process.exit(2);
}
const source = readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));

function modulesOf(id) {
  const route = id === "entry" ? manifest.entry : manifest.routes[id];
  if (!route) throw new Error(`no route ${id} in the build`);
  return [route.module, ...(route.imports ?? [])];
}

const read = (file) => readFileSync(path.join("build/client", file));
const gzipKb = (file) => gzipSync(read(file)).length / 1024;
const sum = (files) => [...files].reduce((total, file) => total + gzipKb(file), 0);

/** A chunk's static imports, transitively (`import … from "./x.js"` in the minified output). */
function withStaticImports(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const match of read(file)
    .toString()
    .matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g))
    withStaticImports(`/assets/${match[1]}`, into);
  return into;
}
const dynamicImports = (file) =>
  [
    ...read(file)
      .toString()
      .matchAll(/import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g),
  ].map((m) => `/assets/${m[1]}`);

function translationChunk(locale) {
  const name = names.find((file) => file.startsWith(`i18n-${locale}-public-`));
  if (!name) throw new Error(`no i18n-${locale}-public chunk in the build (scripts/i18n-parts-plugin.ts)`);
  return `/assets/${name}`;
}

let over = false;
for (const [route, budget] of Object.entries(BUDGETS_KB)) {
  const files = new Set([...modulesOf("entry"), ...modulesOf("root"), ...modulesOf(route)]);
  const heaviest = LOCALES.map((locale) => ({ locale, kb: gzipKb(translationChunk(locale)) })).sort(
    (a, b) => b.kb - a.kb,
  )[0];
  const total = sum(files) + heaviest.kb;
  const later = new Set();
  for (const file of files)
    for (const chunk of dynamicImports(file))
      if (!path.basename(chunk).startsWith("i18n-")) for (const needed of withStaticImports(chunk)) later.add(needed);
  for (const file of files) later.delete(file);
  const verdict = total <= budget ? "ok" : "OVER BUDGET";
  if (total > budget) over = true;
  console.log(
    `${route}: ${total.toFixed(1)} KB gzipped JavaScript (budget ${budget} KB) ${verdict}` +
      ` — of which ${heaviest.kb.toFixed(1)} KB translations (${heaviest.locale})` +
      (later.size > 0 ? `; +${sum(later).toFixed(1)} KB fetched later, only when used (live board)` : ""),
  );
}
process.exit(over ? 1 : 0);
