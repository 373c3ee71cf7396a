import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * Headers and secrets (issue 9, point 5): the CSP allows only what the app uses, HSTS is sent
 * only over HTTPS (directly or through a proxy TRUST_PROXY trusts), and no secret reaches the
 * browser bundle or the log: a server with a known secret is driven through log-in, a failed
 * log-in and registration at debug level, and its every log line and every file of
 * build/client is searched for the secret, passwords, password hashes and session ids.
 */
const SECRET = `test-secret-${randomBytes(24).toString("hex")}`;
const PASSWORD = `Mat-khau-${randomBytes(6).toString("hex")}`;
let server: ServerProcess;
let proxied: ServerProcess;
const sessionIds: string[] = [];

const post = (
  target: ServerProcess,
  route: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) =>
  fetch(`${target.url}${route}`, {
    method: "POST",
    headers: { Origin: target.url, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

beforeAll(async () => {
  server = await startServerProcess({ SESSION_SECRET: SECRET, LOG_LEVEL: "debug" });
  proxied = await startServerProcess({ TRUST_PROXY: "1", SEED_DEMO: "false" });
}, 180_000);
afterAll(async () => {
  await proxied?.cleanup();
  await server?.cleanup();
});

describe("headers", () => {
  it("sends a CSP that allows only this site's scripts (by nonce), sockets and frames", async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toHaveLength(2);
    expect(directives["script-src"][0]).toBe("'self'");
    expect(directives["script-src"][1]).toMatch(/^'nonce-[A-Za-z0-9+/=]{20,}'$/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|script-src[^;]*\*/);
    const host = new URL(server.url).host;
    expect(directives["connect-src"]).toEqual(["'self'", `wss://${host}`, `ws://${host}`]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // Same-origin referrers: a form posted without JavaScript carries our Origin (not "null") and is accepted.
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // Each response its own nonce.
    const again = (await fetch(`${server.url}/`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("sends HSTS and Secure cookies over HTTPS behind a trusted proxy, and neither over plain HTTP", async () => {
    const plain = await fetch(`${server.url}/`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    // Without TRUST_PROXY, a forged X-Forwarded-Proto is not believed.
    const forged = await fetch(`${server.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(forged.headers.get("strict-transport-security")).toBeNull();

    const viaProxy = await fetch(`${proxied.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(viaProxy.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const register = await post(
      proxied,
      "/register",
      {
        fullName: "Người Qua Proxy",
        identifier: "qua-proxy@test.example",
        password: PASSWORD,
        confirmPassword: PASSWORD,
      },
      { "X-Forwarded-Proto": "https", Origin: proxied.url.replace("http:", "https:") },
    );
    expect(register.status).toBe(302);
    const cookie = register.headers.getSetCookie().find((value) => value.startsWith("la_session=")) ?? "";
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});

describe("secrets", () => {
  it("keeps secrets, passwords, hashes and session ids out of the log", async () => {
    const organizer = DEMO_LOGINS.find((entry) => entry.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
    const login = await post(server, "/login", { identifier: organizer.identifier, password: organizer.password });
    expect(login.status).toBe(302);
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith("la_session=")) ?? "";
    sessionIds.push(decodeURIComponent(cookie.split(";")[0].slice("la_session=".length)));
    const refused = await post(server, "/login", { identifier: organizer.identifier, password: PASSWORD });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const registered = await post(server, "/register", {
      fullName: "Người Kiểm Tra Nhật Ký",
      identifier: "nhat-ky@test.example",
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(registered.status).toBe(302);
    // Pages and an export as the organizer, so the log holds more than log-ins.
    for (const route of ["/manage", "/manage/contests", "/manage/audit"])
      await fetch(`${server.url}${route}`, { headers: { Cookie: cookie.split(";")[0] } });
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The log lines (JSON); the start-up banner printing the demo log-ins is for the console.
    const log = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .join("\n");
    expect(log.split("\n").length).toBeGreaterThan(10);
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(organizer.password);
    expect(log).not.toMatch(/\$argon2id?\$/);
    expect(log).not.toMatch(/la_session=/);
    for (const id of sessionIds) expect(log).not.toContain(id.split(".")[0]);
    expect(log).not.toMatch(/"(cookie|authorization|password|passwordHash)"\s*:/i);
  });

  it("keeps server code and secrets out of the browser bundle", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(js|css|html|json|map|txt)$/.test(entry)) files.push(file);
      }
    };
    walk(path.resolve("build/client"));
    expect(files.length).toBeGreaterThan(5);
    const forbidden: Array<[string, RegExp]> = [
      ["a database URL", /postgres(ql)?:\/\/[^"'\s]*@/],
      ["a Redis URL", /redis:\/\/[^"'\s]+/],
      ["the session secret's name", /SESSION_SECRET/],
      ["environment access", /process\.env\.(DATABASE_URL|REDIS_URL|SESSION_SECRET)/],
      ["an argon2 hash", /\$argon2id?\$/],
      ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
      ["Prisma's client", /PrismaClient|@prisma\/client/],
      ["a server-only module", /\.server\.(ts|js)/],
      ["the demo password", /Demo@2025/],
    ];
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [what, pattern] of forbidden)
        if (pattern.test(text)) leaks.push(`${path.relative(".", file)}: ${what}`);
    }
    expect(leaks).toEqual([]);
  });
});
