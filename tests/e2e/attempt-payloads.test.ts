import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTEST, DEMO_LOGINS } from "../../seeds/demo";
import { DEMO_QUESTIONS } from "../../seeds/question-bank";
import { chromiumPath, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

/**
 * Keys and explanations never reach a contestant before the attempt closes. This test records
 * every HTTP response body and WebSocket frame the browser receives from the moment the attempt
 * starts until it is submitted (the socket start's answer with the attempt page's data, client
 * navigation data, answer saves, reloads) and fails if any carries an explanation of any bank
 * question or a correctness flag.
 */
const learner = DEMO_LOGINS.find((login) => login.role === "LEARNER") as (typeof DEMO_LOGINS)[number];

// A distinctive stretch of each explanation, as plain text (HTML tags and entities removed).
const explanationSnippets = DEMO_QUESTIONS.flatMap((question) => {
  const text = (question.explanation ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const words = text.split(" ").filter((word) => !/["'\\<>&]/.test(word));
  return words.length >= 6 ? [words.slice(0, 6).join(" ")] : [];
});
const KEY_FIELD = /"(correct|isCorrect|correctOptions?|answerKey|explanation)"\s*:\s*(true|false|\[|"[^"]{20,})/;

describe.skipIf(!chromiumPath)("what a contestant receives during an attempt", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("holds no key and no explanation, in any response or socket frame", async () => {
    expect(explanationSnippets.length).toBeGreaterThan(100);
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    const received: Array<{ url: string; body: string }> = [];
    let recording = false;
    // Listening from the start: the contest page's socket, which starts the round, opens before it.
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (recording) received.push({ url: socket.url(), body: String(payload) });
      }),
    );
    await logIn(page, learner.identifier, learner.password);
    await page.goto(`/contests/${DEMO_CONTEST.slug}/register`);
    await page.getByLabel("Đơn vị, trường, lớp").fill("Lớp thử nghiệm (demo)");
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await page.waitForURL((url) => /\/contests\/[^/]+$/.test(url.pathname));
    // The socket is up (the live board says so): the start and the answers go over it.
    await expect.poll(() => page.getByText("Đang cập nhật trực tiếp.").first().isVisible()).toBe(true);

    recording = true;
    const pending: Array<Promise<void>> = [];
    const unread: string[] = [];
    page.on("response", (response) => {
      if (!recording || response.status() === 204 || (response.status() >= 300 && response.status() < 400)) return;
      pending.push(
        response
          .text()
          .then((body) => {
            received.push({ url: response.url(), body });
          })
          // A body that could not be read was not inspected: the test says so below.
          .catch(() => {
            unread.push(response.url());
          }),
      );
    });

    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    const navigator = page.getByRole("navigation", { name: "Danh sách câu hỏi" });
    for (const number of [1, 2, 3]) {
      if (number > 1) await navigator.getByRole("link", { name: String(number), exact: true }).click();
      await expect.poll(() => page.getByText(`Câu ${number}/20`).isVisible()).toBe(true);
      await page
        .locator(".answer-option")
        .nth(number % 2)
        .click();
      await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible()).toBe(true);
      // Read each body while the page still holds it (a reload would discard it).
      await Promise.all(pending);
    }
    // The contestant switches to another app and back: the page reports it.
    const signals = page.waitForResponse((response) => response.url().endsWith("/signals"));
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect((await signals).status()).toBe(200);
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await Promise.all(pending);
    await page.reload();
    await expect.poll(() => navigator.locator("a.answered").count()).toBe(3);

    recording = false;
    await Promise.all(pending);
    await page.getByRole("button", { name: "Nộp bài", exact: true }).click();
    await page.getByRole("button", { name: "Nộp bài ngay" }).click();
    await page.waitForURL("**/result");

    // The start's answer with the page's questions, the attempt page's data requests and the
    // answer saves' acks were all seen.
    const frames = received.filter((item) => item.url.includes("/socket.io/"));
    expect(frames.some((item) => item.body.includes('"questions"'))).toBe(true);
    expect(frames.filter((item) => item.body.includes('"savedAt"')).length).toBeGreaterThanOrEqual(3);
    expect(received.some((item) => /\/attempts\/[^/]+(\?|$)/.test(item.url))).toBe(true);
    // Chromium keeps no body for keepalive requests: the signal reports (their answer is {ok}).
    expect(unread.filter((url) => !url.endsWith("/signals"))).toEqual([]);
    for (const { url, body } of received) {
      expect(body, url).not.toMatch(KEY_FIELD);
      for (const snippet of explanationSnippets)
        expect(body.includes(snippet), `${url} holds "${snippet}"`).toBe(false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
