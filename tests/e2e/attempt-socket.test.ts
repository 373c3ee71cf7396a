import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTEST } from "../../seeds/demo";
import { baseURL, chromiumPath, launchBrowser, openPage, VIEWPORTS } from "./browser";

/**
 * Taking a round over the socket (issue 8): with JavaScript and a connected socket the start,
 * the answers and the submit are socket messages and the attempt page opens with the start's
 * data, without a request; with the socket blocked, or not answering, the same round is taken
 * over HTTP; without JavaScript the forms post as always.
 */
const CONTEST_PAGE = `/contests/${DEMO_CONTEST.slug}`;
const CONNECTED = "Đang cập nhật trực tiếp.";
const PASSWORD = "Dung-socket-2026";

interface Contestant {
  fullName: string;
  identifier: string;
}

/** A new account (the demo contestant belongs to contest.test.ts), registered for the demo contest. */
async function newContestant(page: Page, label: string): Promise<Contestant> {
  const contestant = {
    fullName: `Thí Sinh ${label} (thử)`,
    identifier: `socket-${randomBytes(5).toString("hex")}@test.example`,
  };
  await page.goto("/register");
  await page.getByLabel("Họ và tên").fill(contestant.fullName);
  await page.getByLabel("Số điện thoại hoặc email").fill(contestant.identifier);
  await page.getByLabel(/^Mật khẩu/).fill(PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect
    .poll(() => page.getByRole("heading", { level: 1 }).textContent())
    .toBe(`Xin chào, ${contestant.fullName}`);
  await page.goto(`${CONTEST_PAGE}/register`);
  await page.getByLabel("Đơn vị, trường, lớp").fill("Lớp thử nghiệm (demo)");
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await page.waitForURL((url) => url.pathname === CONTEST_PAGE);
  return contestant;
}

/** Every request the page makes ("METHOD /path?query") and every socket frame it sends. */
function recordTraffic(page: Page) {
  const requests: string[] = [];
  const framesSent: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  page.on("websocket", (socket) => socket.on("framesent", ({ payload }) => framesSent.push(String(payload))));
  return {
    requests,
    framesSent,
    posts: () => requests.filter((request) => request.startsWith("POST ")),
    dataRequests: () => requests.filter((request) => request.includes("_data=")),
    clear() {
      requests.length = 0;
      framesSent.length = 0;
    },
  };
}

const sentEvent = (frames: string[], event: string) => frames.filter((frame) => frame.includes(`"${event}"`)).length;

async function answerFirstTwo(page: Page) {
  await page.locator(".answer-option").first().click();
  await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible()).toBe(true);
  await page.getByRole("button", { name: "Câu sau" }).click();
  await expect.poll(() => page.getByText("Câu 2/20").isVisible()).toBe(true);
  await page.locator(".answer-option").nth(1).click();
  await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible()).toBe(true);
}

/** The answers the server holds: reloading the page reads them again (moving between questions does not). */
async function answeredOnServer(page: Page, expected: number) {
  await page.reload();
  const navigator = page.getByRole("navigation", { name: "Danh sách câu hỏi" });
  await expect.poll(() => navigator.getByRole("link", { name: "3", exact: true }).isVisible()).toBe(true);
  await expect.poll(() => navigator.locator("a.answered").count()).toBe(expected);
}

async function submitWithPrediction(page: Page, prediction: string) {
  await page.getByLabel(/Dự đoán/).fill(prediction);
  await page.getByRole("button", { name: "Nộp bài", exact: true }).click();
  await page.getByRole("button", { name: "Nộp bài ngay" }).click();
}

// Chromium reports a blocked socket's failed connections as console errors.
const notSocketNoise = (error: string) => !/socket\.io|WebSocket|ERR_FAILED/.test(error);

describe.skipIf(!chromiumPath)("taking a round over the socket, and over HTTP when it is down", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("with the socket up: the start, the answers and the submit are socket messages, the attempt page opens without a data request", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    const traffic = recordTraffic(page);
    await newContestant(page, "Socket");
    await expect.poll(() => page.getByText(CONNECTED).first().isVisible()).toBe(true);

    traffic.clear();
    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(await page.getByRole("timer").textContent()).toMatch(/(19|20):\d\d/);
    expect(sentEvent(traffic.framesSent, "attempt:start")).toBe(1);
    // No start POST, and no root or attempt data: the start's answer carried the page.
    expect(traffic.posts()).toEqual([]);
    expect(traffic.dataRequests()).toEqual([]);
    const attemptPath = new URL(page.url()).pathname;

    await answerFirstTwo(page);
    expect(sentEvent(traffic.framesSent, "attempt:answer")).toBe(2);
    expect(traffic.posts()).toEqual([]);
    // Moving between questions reloads nothing, and keeps what was chosen.
    const navigator = page.getByRole("navigation", { name: "Danh sách câu hỏi" });
    await navigator.getByRole("link", { name: "1", exact: true }).click();
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(await page.locator(".answer-option").first().locator("input").isChecked()).toBe(true);
    expect(await navigator.locator("a.answered").count()).toBe(2);
    expect(traffic.dataRequests()).toEqual([]);
    await answeredOnServer(page, 2);

    // A prediction the server refuses gets the HTTP path's message (the form posts it).
    await submitWithPrediction(page, "1234567890");
    await expect.poll(() => page.getByText("Số dự đoán phải là số nguyên không âm.").isVisible()).toBe(true);
    expect(traffic.posts()).toEqual([expect.stringMatching(new RegExp(`^POST ${attemptPath}\\?index`))]);
    expect(new URL(page.url()).pathname).toBe(attemptPath);

    traffic.clear();
    await submitWithPrediction(page, "150");
    await page.waitForURL("**/result");
    await expect.poll(() => page.getByText("Bài thi của bạn đã được ghi nhận.").isVisible()).toBe(true);
    expect(sentEvent(traffic.framesSent, "attempt:submit")).toBe(1);
    expect(traffic.posts()).toEqual([]);

    // Closed: the attempt's page now sends to its result.
    await page.goto(attemptPath);
    await page.waitForURL("**/result");

    // A refusal over the socket shows where the form's error shows. The round allows two
    // attempts; another tab uses the second while this one still offers it.
    await page.goto(CONTEST_PAGE);
    await expect.poll(() => page.getByText(CONNECTED).first().isVisible()).toBe(true);
    const otherTab = await context.newPage();
    await otherTab.goto(CONTEST_PAGE);
    await otherTab.getByRole("button", { name: "Làm lượt tiếp theo" }).first().click();
    await otherTab.waitForURL("**/attempts/*");
    await otherTab.getByRole("button", { name: "Nộp bài", exact: true }).click();
    await otherTab.getByRole("button", { name: "Nộp bài ngay" }).click();
    await otherTab.waitForURL("**/result");
    traffic.clear();
    const startAgain = page.getByRole("button", { name: "Làm lượt tiếp theo" }).first();
    await startAgain.click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Bạn đã dùng hết số lượt thi của đợt này.");
    expect(sentEvent(traffic.framesSent, "attempt:start")).toBe(1);
    expect(traffic.posts()).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(CONTEST_PAGE);
    expect(await startAgain.isEnabled()).toBe(true);
    // The refused prediction's answer is a 400.
    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("with the socket blocked: the same round is started, answered and submitted over HTTP", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await context.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
    await context.route("**/socket.io/**", (route) => route.abort());
    const traffic = recordTraffic(page);
    await newContestant(page, "HTTP");

    traffic.clear();
    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(traffic.posts()).toEqual([expect.stringMatching(new RegExp(`^POST ${CONTEST_PAGE}\\?index`))]);
    const attemptPath = new URL(page.url()).pathname;

    await answerFirstTwo(page);
    expect(traffic.posts().filter((post) => post === `POST ${attemptPath}/answer`)).toHaveLength(2);
    await answeredOnServer(page, 2);

    await submitWithPrediction(page, "150");
    await page.waitForURL("**/result");
    await expect.poll(() => page.getByText("Bài thi của bạn đã được ghi nhận.").isVisible()).toBe(true);
    expect(traffic.posts().filter((post) => post.startsWith(`POST ${attemptPath}?index`))).toHaveLength(1);
    expect(traffic.framesSent.filter((frame) => frame.includes('"attempt:'))).toEqual([]);
    expect(errors.filter(notSocketNoise)).toEqual([]);
    await context.close();
  });

  it("with a socket that never answers: each request waits its time, then goes over HTTP, and nothing is lost", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    // The socket connects (the live board says so) but the server never hears of the round.
    const swallowed: string[] = [];
    await context.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (String(message).includes('"attempt:')) swallowed.push(String(message));
        else server.send(message);
      });
    });
    const traffic = recordTraffic(page);
    await newContestant(page, "Timeout");
    await expect.poll(() => page.getByText(CONNECTED).first().isVisible()).toBe(true);

    traffic.clear();
    const start = page.getByRole("button", { name: "Bắt đầu làm bài" }).first();
    await start.click();
    // Busy while waiting: a second press cannot start twice.
    await expect.poll(() => start.isDisabled()).toBe(true);
    await page.waitForURL("**/attempts/*", { timeout: 40_000 });
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(sentEvent(swallowed, "attempt:start")).toBe(1);
    expect(traffic.posts()).toEqual([expect.stringMatching(new RegExp(`^POST ${CONTEST_PAGE}\\?index`))]);
    const attemptPath = new URL(page.url()).pathname;

    await page.locator(".answer-option").first().click();
    await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible(), { timeout: 40_000 }).toBe(true);
    expect(sentEvent(swallowed, "attempt:answer")).toBe(1);
    expect(traffic.posts().filter((post) => post === `POST ${attemptPath}/answer`)).toHaveLength(1);
    await answeredOnServer(page, 1);

    await submitWithPrediction(page, "150");
    await page.waitForURL("**/result", { timeout: 40_000 });
    await expect.poll(() => page.getByText("Bài thi của bạn đã được ghi nhận.").isVisible()).toBe(true);
    expect(sentEvent(swallowed, "attempt:submit")).toBe(1);
    expect(traffic.posts().filter((post) => post.startsWith(`POST ${attemptPath}?index`))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("after a log-out and another log-in in the same tab, the socket starts the new user's round", async () => {
    // Someone else registered on another phone: the account this tab switches to.
    const other = await openPage(browser, VIEWPORTS.phone);
    const second = await newContestant(other.page, "Thứ hai");
    await other.context.close();

    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    const traffic = recordTraffic(page);
    await newContestant(page, "Thứ nhất");
    await expect.poll(() => page.getByText(CONNECTED).first().isVisible()).toBe(true);

    // Out and in again without reloading: the page's socket was opened as the first user.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("link", { name: /Cuộc thi trực tuyến tìm hiểu pháp luật xã Kim Thành/ }).click();
    await page.getByRole("link", { name: "Đăng nhập để dự thi" }).click();
    await page.getByLabel("Số điện thoại hoặc email").fill(second.identifier);
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByText("Bạn đã đăng ký dự thi.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText(CONNECTED).first().isVisible()).toBe(true);

    traffic.clear();
    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(sentEvent(traffic.framesSent, "attempt:start")).toBe(1);
    expect(traffic.posts()).toEqual([]);
    // The server's page for this tab's user: the attempt is theirs (another's would be Not Found).
    await page.reload();
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript the forms post: start, save and next, submit", async () => {
    const { page, context } = await openPage(browser, VIEWPORTS.phone);
    await newContestant(page, "Không JS");
    const plainContext = await browser.newContext({ baseURL, locale: "vi-VN", javaScriptEnabled: false });
    await plainContext.addCookies(await context.cookies());
    await context.close();
    const plain = await plainContext.newPage();
    await plain.goto(CONTEST_PAGE);
    await plain.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await plain.waitForURL("**/attempts/*");
    expect(await plain.getByText("Câu 1/20").isVisible()).toBe(true);
    await plain.locator(".answer-option input").first().check();
    await plain.getByRole("button", { name: "Lưu và sang câu tiếp" }).click();
    await plain.waitForURL("**/attempts/*?q=1");
    expect(await plain.getByText("Câu 2/20").isVisible()).toBe(true);
    await plain.getByRole("button", { name: "Nộp bài", exact: true }).click();
    await plain.waitForURL("**/result");
    expect(await plain.getByText("Bài thi của bạn đã được ghi nhận.").isVisible()).toBe(true);
    await plainContext.close();
  });
});
