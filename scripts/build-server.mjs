// Bundles server/index.ts (and the app modules it imports) into build/node-server.js, and the
// embedded database's thread (app/db/embedded-worker.ts) into build/embedded-worker.js beside it.
// Dependencies stay external: they are loaded from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: { "node-server": "server/index.ts", "embedded-worker": "app/db/embedded-worker.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  // The Remix server build is produced by `remix vite:build`, not bundled again here.
  external: ["../build/server/index.js"],
});
console.log("built build/node-server.js and build/embedded-worker.js");
