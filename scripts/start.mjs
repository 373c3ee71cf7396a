// `npm start`: builds once if there is no build, then runs the server (which applies
// migrations and seeds an empty database itself).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { SERVER_NODE_FLAGS } from "./server-node-flags.mjs";

const needsBuild = ["build/node-server.js", "build/embedded-worker.js", "build/server/index.js"].some(
  (file) => !existsSync(file),
);
if (needsBuild) {
  console.log("No build found: building (about a minute, once)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "build/node-server.js"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
// Forward stop signals so the server shuts down gracefully.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
