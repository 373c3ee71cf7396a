import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running a TypeScript file, for code run from the sources (tsx, vitest): a
 * worker thread does not inherit tsx's loader, so the thread registers it itself. Built code
 * runs its bundled JavaScript with a plain `new Worker` instead.
 */
export function typeScriptWorker(file: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  return new Worker(
    `import(${JSON.stringify(tsxEsmApiUrl())})` +
      `.then((tsx) => tsx.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(import.meta.url)}))`,
    { ...options, eval: true },
  );
}

/** tsx's ESM API, by file URL: the worker's code is evaluated without a base to resolve from. */
function tsxEsmApiUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(path.join(path.dirname(manifestPath), manifest.exports["./esm/api"].import.default)).href;
}
