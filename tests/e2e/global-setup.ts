import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startServerProcess } from "../support/server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string | null;
  }
}

/** One built server for the e2e files; browser tests skip (and say so) when there is no chromium. */
export default async function setup(project: TestProject) {
  if (!existsSync("build/node-server.js") || !existsSync("build/server/index.js")) {
    throw new Error("No build: run `npm run build` first (npm test does it for you).");
  }
  const server = await startServerProcess();
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  project.provide("baseURL", server.url);
  project.provide("chromiumPath", existsSync(chromiumPath) ? chromiumPath : null);
  return async () => {
    await server.cleanup();
  };
}
