import type { AddressInfo } from "node:net";
import express from "express";

/**
 * The ceiling of the machine for `npm run bench -- pages`: an Express server that answers
 * every GET with a short "hello", nothing else (no middleware, no database). Run as a child
 * process by bench/pages.ts; tells its parent the port it listens on.
 */
const app = express();
app.disable("x-powered-by");
app.get("*", (_req, res) => {
  res.type("text/html").send("<!doctype html><p>hello</p>");
});
const server = app.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("disconnect", () => process.exit(0));
