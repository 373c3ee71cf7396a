// `npm run check:weight`: the JavaScript a phone downloads for the contest-taking pages, gzipped,
// read from the build's Remix manifest (entry + root + the route, with everything they import).
// Fails when a page is over its budget: contestants are on cheap phones and slow networks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGETS_KB = {
  "routes/attempts.$attemptId._index": 150,
  "routes/contests.$slug._index": 100,
};

const assets = "build/client/assets";
const manifestFile = readdirSync(assets).find((name) => /^manifest-.*\.js$/.test(name));
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

const gzipKb = (file) => gzipSync(readFileSync(path.join("build/client", file))).length / 1024;
let over = false;
for (const [route, budget] of Object.entries(BUDGETS_KB)) {
  const files = new Set([...modulesOf("entry"), ...modulesOf("root"), ...modulesOf(route)]);
  const total = [...files].reduce((sum, file) => sum + gzipKb(file), 0);
  const verdict = total <= budget ? "ok" : "OVER BUDGET";
  if (total > budget) over = true;
  console.log(`${route}: ${total.toFixed(1)} KB gzipped JavaScript (budget ${budget} KB) ${verdict}`);
}
process.exit(over ? 1 : 0);
