import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export const chromiumPath = inject("chromiumPath");
export const baseURL = inject("baseURL");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath ?? undefined,
    headless: true,
    // This machine has no sandbox, no GPU and no outside network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** console.error and uncaught page errors seen so far: a test fails on any it did not expect. */
  errors: string[];
}

/** A page on the shared e2e server, or on `serverURL` for a test that starts its own. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  serverURL = baseURL,
): Promise<TestPage> {
  const context = await browser.newContext({
    viewport,
    baseURL: serverURL,
    locale: "vi-VN",
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return { context, page, errors };
}

/** Runs axe-core on the page and fails on serious or critical WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page): Promise<void> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(`${axe.source};0`);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
      );
  });
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Logs in through the form, as a person would, and waits to leave the log-in page. */
export async function logIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc email").fill(identifier);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
