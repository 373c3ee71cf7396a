import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { baseURL } from "./browser";

describe("the server over HTTP", () => {
  it("answers the health check with the state of the database and the store", async () => {
    const response = await fetch(`${baseURL}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: true });
  });

  it("sends security headers and a CSP whose nonce is on every inline script", async () => {
    const response = await fetch(`${baseURL}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]);
    expect(inlineScripts.length).toBeGreaterThan(0);
    expect(inlineScripts.every((attributes) => attributes.includes(`nonce="${nonce}"`))).toBe(true);
  });

  it("shows a friendly Vietnamese 404 page for unknown routes", async () => {
    const response = await fetch(`${baseURL}/khong-co-trang-nay`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Không tìm thấy trang");
    expect(html).not.toMatch(/at \w+ \(.*\.js:\d+/); // no stack trace
  });

  it("refuses a form posted from another site (CSRF)", async () => {
    const response = await fetch(`${baseURL}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "identifier=admin%40legal-arena.example&password=x",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, and a bad log-in gets a Vietnamese message", async () => {
    const bad = await fetch(`${baseURL}/login`, {
      method: "POST",
      headers: { Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
      body: "identifier=khong-phai-email&password=",
      redirect: "manual",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Số điện thoại (10 số, bắt đầu bằng 0) hoặc email không hợp lệ.");
    expect(html).toContain('value="khong-phai-email"');

    const good = await fetch(`${baseURL}/login`, {
      method: "POST",
      headers: { Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
      body: "identifier=thisinh%40legal-arena.example&password=Demo%402025",
      redirect: "manual",
    });
    expect(good.status).toBe(302);
    const cookie = good.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/la_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("serves Socket.IO on the same port", async () => {
    const socket = io(baseURL, { transports: ["websocket"], reconnection: false });
    try {
      const answer = await socket.timeout(5000).emitWithAck("clock");
      expect(answer.ok).toBe(true);
      expect(Math.abs(answer.serverTime - Date.now())).toBeLessThan(5000);
    } finally {
      socket.close();
    }
  });
});
