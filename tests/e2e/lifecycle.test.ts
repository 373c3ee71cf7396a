import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPool, parseDatabaseUrl } from "~/db/connection.server";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * The server as a process: it stops gracefully on SIGTERM (finishing what it started), keeps
 * its data across restarts (the embedded default keeps it under DATA_DIR), and answers a crash
 * with a friendly 500 page whose request id is in the log.
 */
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (server: ServerProcess, route: string, body: string) =>
  fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
const register = (server: ServerProcess, email: string) =>
  post(
    server,
    "/register",
    form({
      fullName: "Người Khởi Động Lại",
      identifier: email,
      password: "Luat-2025-ok",
      confirmPassword: "Luat-2025-ok",
    }),
  );
const login = (server: ServerProcess, email: string) =>
  post(server, "/login", form({ identifier: email, password: "Luat-2025-ok" }));

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.cleanup().catch(() => {});
});

describe("server lifecycle", () => {
  it("finishes in-flight requests on SIGTERM, exits cleanly, and keeps the data across a restart", async () => {
    const first = await startServerProcess({ SEED_DEMO: "false" });
    servers.push(first);
    expect((await register(first, "truoc-khi-dung@test.example")).status).toBe(302);

    // A registration (argon2 hashing takes a while) is under way when SIGTERM arrives.
    const inFlight = register(first, "dang-xu-ly@test.example");
    await new Promise((resolve) => setTimeout(resolve, 15));
    const exitCode = first.stop("SIGTERM");
    expect((await inFlight).status).toBe(302);
    expect(await exitCode).toBe(0);
    expect(first.output()).toMatch(/shutting down[\s\S]*stopped/);

    const second = await startServerProcess({ SEED_DEMO: "false" }, first);
    servers.push(second);
    expect((await login(second, "truoc-khi-dung@test.example")).status).toBe(302);
    expect((await login(second, "dang-xu-ly@test.example")).status).toBe(302);
  });

  it("answers a crash with a friendly 500 page whose request id is in the log", async () => {
    const server = servers.at(-1) as ServerProcess;
    // Break the database under the running server: the next log-in cannot be served.
    const target = server.databaseUrl
      ? parseDatabaseUrl(server.databaseUrl)
      : {
          connectionString: `postgresql://postgres@127.0.0.1:${JSON.parse(readFileSync(path.join(server.dataDir, "pglite-endpoint.json"), "utf8")).port}/postgres`,
          schema: "public",
        };
    const pool: pg.Pool = createPool(target, 1);
    await pool.query(`DROP TABLE "User" CASCADE`);
    await pool.end();

    const response = await login(server, "truoc-khi-dung@test.example");
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id") as string;
    const html = await response.text();
    expect(html).toContain("Đã xảy ra lỗi");
    expect(html).toContain(requestId);
    expect(html).not.toMatch(/relation .* does not exist/); // no internals reach the user
    await expect.poll(() => server.output().includes(requestId)).toBe(true);
  });
});
