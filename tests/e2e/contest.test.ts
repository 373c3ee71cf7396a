import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTEST, DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const contestant = DEMO_LOGINS.find((login) => login.role === "CONTESTANT") as (typeof DEMO_LOGINS)[number];
const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];

describe.skipIf(!chromiumPath)("taking a contest round on a phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("registers, answers, reloads and resumes, submits, sees the result; the organizer sees the ranking", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await page.goto("/");
    await page.getByRole("link", { name: /Cuộc thi trực tuyến tìm hiểu pháp luật xã Kim Thành/ }).click();
    await page.waitForURL("**/contests/*");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Đăng nhập để dự thi" }).click();
    await page.getByLabel("Số điện thoại hoặc email").fill(contestant.identifier);
    await page.getByLabel("Mật khẩu").fill(contestant.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL("**/contests/*");

    // Registration: the unit is required and consent must be given.
    await page.getByRole("link", { name: "Đăng ký dự thi" }).click();
    await page.waitForURL("**/register");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await expect
      .poll(() => page.getByText("Bạn cần đồng ý với thông báo xử lý dữ liệu cá nhân để dự thi.").isVisible())
      .toBe(true);
    await page.getByLabel("Đơn vị, trường, lớp").fill("Lớp 9A (demo)");
    await page.getByLabel(/Số điện thoại/).fill("0900000001");
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await page.waitForURL((url) => /\/contests\/[^/]+$/.test(url.pathname));
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đăng ký dự thi thành công");

    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await expect.poll(() => page.getByText("Câu 1/20").isVisible()).toBe(true);
    await expectAccessible(page);
    const timer = page.getByRole("timer");
    expect(await timer.textContent()).toMatch(/(19|20):\d\d/);

    // Answer question 1, then question 2 through the navigator.
    await page.locator(".answer-option").first().click();
    await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible()).toBe(true);
    await page
      .getByRole("navigation", { name: "Danh sách câu hỏi" })
      .getByRole("link", { name: "2", exact: true })
      .click();
    await expect.poll(() => page.getByText("Câu 2/20").isVisible()).toBe(true);
    // The connection drops while answering: the page says so, keeps retrying, and saves once back.
    await context.setOffline(true);
    await page.locator(".answer-option").nth(1).click();
    await expect.poll(() => page.getByText(/Chưa lưu được do mất kết nối/).isVisible()).toBe(true);
    await context.setOffline(false);
    await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible(), { timeout: 15_000 }).toBe(true);

    // Reload mid-attempt: the same attempt, the answers kept, the clock still running.
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect.poll(() => page.locator(".answer-option input:checked").count()).toBe(1);
    const navigator = page.getByRole("navigation", { name: "Danh sách câu hỏi" });
    await expect.poll(() => navigator.locator("a.answered").count()).toBe(2);

    // Someone follows the contest page on another phone: the board updates without a reload.
    const watcher = await openPage(browser, VIEWPORTS.phone);
    await watcher.page.goto(`/contests/${DEMO_CONTEST.slug}`);
    await expect.poll(() => watcher.page.getByText("Đang cập nhật trực tiếp.").first().isVisible()).toBe(true);
    const liveBoard = watcher.page.getByRole("table", { name: /^Bảng xếp hạng Đợt 1/ });
    expect((await liveBoard.count()) === 0 || !(await liveBoard.textContent())?.includes(contestant.fullName)).toBe(
      true,
    );

    // Submit with a prediction, through the confirmation.
    await page.getByLabel(/Dự đoán/).fill("150");
    await page.getByRole("button", { name: "Nộp bài", exact: true }).click();
    await expect.poll(() => page.getByText("Bạn còn 18 câu chưa trả lời.", { exact: false }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Nộp bài ngay" }).click();
    await page.waitForURL("**/result");
    await expect.poll(() => page.getByText("Bài thi của bạn đã được ghi nhận.").isVisible()).toBe(true);
    await expect.poll(() => liveBoard.textContent(), { timeout: 10_000 }).toContain(contestant.fullName);
    expect(watcher.errors).toEqual([]);
    await watcher.context.close();
    expect(await page.getByText(/\d+\/20/).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // Back on the contest page the attempt is listed and a second one is offered.
    await page.getByRole("link", { name: /Cuộc thi trực tuyến/ }).click();
    await expect.poll(() => page.getByRole("link", { name: "Xem kết quả lượt 1" }).isVisible()).toBe(true);
    // The round's board is public while it runs (the demo round's choice): the contestant is on it.
    const board = page.getByRole("table", { name: /^Bảng xếp hạng Đợt 1/ });
    await expect.poll(() => board.textContent()).toContain(contestant.fullName);
    await expectAccessible(page);
    await expect.poll(() => page.getByRole("button", { name: "Làm lượt tiếp theo" }).first().isVisible()).toBe(true);

    // The organizer sees the result in the round's ranking.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/contests");
    await expectAccessible(page);
    await page
      .getByRole("link", { name: /^Kết quả và xếp hạng: Cuộc thi trực tuyến tìm hiểu pháp luật xã Kim Thành/ })
      .click();
    await page.waitForURL("**/manage/contests/*/results");
    const ranking = page.getByRole("table", { name: "Bảng xếp hạng Đợt 1", exact: true });
    await expect.poll(() => ranking.getByRole("row").count()).toBeGreaterThanOrEqual(2);
    expect(await ranking.textContent()).toContain(contestant.fullName);
    await expectAccessible(page);

    // The organizer downloads the ranking: the file has the page's rows, the phone masked.
    // Other browser tests on this server take the same round, so the contestant's rank is read
    // from the page rather than assumed; the file's first row must be rank 1.
    const contestantRow = ranking.getByRole("row").filter({ hasText: contestant.fullName });
    const shownRank = Number((await contestantRow.getByRole("cell").first().textContent())?.trim());
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Tải bảng xếp hạng đợt này/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^xep-hang-.+-dot-1\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
    const people = rows.slice(rows.findIndex((row) => row[0] === "Hạng") + 1);
    expect(people[0][0]).toBe(1);
    const mine = people.find((row) => row.includes(contestant.fullName)) as unknown[];
    expect(mine[0]).toBe(shownRank);
    expect(mine).toContain("090****001");
    expect(mine).toContain("Lớp 9A (demo)");
    expect(JSON.stringify(rows)).not.toContain("0900000001");

    // The whole contest's live board, for the contest and for the contestant's school.
    await page.getByRole("link", { name: "Toàn cuộc thi", exact: true }).click();
    const contestBoard = page.getByRole("table", { name: "Bảng xếp hạng toàn cuộc thi (trực tiếp)" });
    await expect.poll(() => contestBoard.textContent()).toContain(contestant.fullName);
    await page.getByLabel("Xem bảng của đơn vị").selectOption({ label: "Trường THCS xã Kim Thành (demo)" });
    const schoolBoard = page.getByRole("table", { name: /^Bảng xếp hạng của Trường THCS xã Kim Thành/ });
    await expect.poll(() => schoolBoard.textContent()).toContain(contestant.fullName);
    await expectAccessible(page);

    // 400s: the registration without consent; network errors: the offline save attempts.
    expect(
      errors.filter((error) => !error.includes("status of 400") && !error.includes("ERR_INTERNET_DISCONNECTED")),
    ).toEqual([]);
    await context.close();
  });
});
