import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { baseURL, chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
const contestant = DEMO_LOGINS.find((login) => login.role === "CONTESTANT");

describe.skipIf(!chromiumPath)("an organizer's survey, answered by a resident on a phone", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is built with one question of each kind, opened, answered once through its link, and read as a chart table and Excel", async () => {
    if (!organizer) throw new Error("no demo organizer");
    const title = `Khảo sát thử ${String(Date.now()).slice(-6)} về nhu cầu pháp luật`;
    const host = await openPage(browser, VIEWPORTS.desktop);
    const { page } = host;
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/surveys");
    expect(await page.getByRole("link", { name: "Khảo sát nhu cầu tìm hiểu pháp luật (demo)" }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Tạo khảo sát" }).click();
    await page.getByLabel(/^Tên khảo sát/).fill(title);
    await page.getByRole("button", { name: "Tạo khảo sát" }).click();
    await page.waitForURL(/\/manage\/surveys\/(?!new)[^/]+$/);

    const newQuestion = page.locator('section[aria-labelledby="new-question-title"]');
    const add = async (kind: string, prompt: string, options: string[], extra?: () => Promise<void>) => {
      const count = await page.locator(".survey-questions > li").count();
      await page.locator("#new-question-kind").selectOption(kind);
      await page.locator("#new-question-prompt").fill(prompt);
      await newQuestion.getByLabel("Các lựa chọn").fill(options.join("\n"));
      await extra?.();
      await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
      await expect.poll(() => page.locator(".survey-questions > li").count(), { timeout: 20_000 }).toBe(count + 1);
    };
    await add("MULTIPLE", "Bạn quan tâm lĩnh vực pháp luật nào?", ["Đất đai", "Hôn nhân và gia đình", "An ninh mạng"]);
    await add("SINGLE", "Bạn muốn nhận thông tin qua kênh nào nhất?", ["Zalo, Facebook", "Loa truyền thanh"]);
    await add("SCALE", "Thông tin pháp luật dễ hiểu đến mức nào?", [], async () => {
      await page.locator("#new-question-scaleMinLabel").fill("Rất khó hiểu");
      await page.locator("#new-question-scaleMaxLabel").fill("Rất dễ hiểu");
    });
    await add("TEXT", "Bạn có góp ý gì khác?", [], () => newQuestion.getByLabel("Bắt buộc trả lời").uncheck());
    await expectAccessible(page);

    await page.getByRole("button", { name: "Mở khảo sát" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Đóng khảo sát" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    const link = (await page.locator(".share-link-url a").getAttribute("href")) ?? "";
    const surveyPath = new URL(link).pathname;
    expect(surveyPath).toMatch(/^\/s\/[a-z0-9]+$/);

    // A resident on a phone: the link tells them to sign in; they register and come back.
    const resident = await openPage(browser, VIEWPORTS.phone);
    const phonePage = resident.page;
    await phonePage.goto(surveyPath);
    expect(await phonePage.getByRole("heading", { name: title }).isVisible()).toBe(true);
    await expectAccessible(phonePage);
    await phonePage.getByRole("link", { name: "Đăng ký tài khoản" }).click();
    const password = "Khao-sat-2026";
    await phonePage.getByLabel("Họ và tên").fill("Người trả lời khảo sát (thử)");
    await phonePage.getByLabel("Số điện thoại hoặc email").fill(`0910000${String(randomInt(1000)).padStart(3, "0")}`);
    await phonePage.getByLabel(/^Mật khẩu/).fill(password);
    await phonePage.getByLabel("Nhập lại mật khẩu").fill(password);
    await phonePage.getByRole("button", { name: "Đăng ký" }).click();
    await phonePage.waitForURL((url) => url.pathname === surveyPath);

    // A second tab already showing the form: its submission later must be refused.
    const stale = await resident.context.newPage();
    await stale.goto(surveyPath);

    await phonePage.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await expect
      .poll(() => phonePage.getByText("Câu này bắt buộc trả lời.").first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expectAccessible(phonePage);
    await phonePage.getByLabel("Đất đai").check();
    await phonePage.getByLabel("An ninh mạng").check();
    await phonePage.getByLabel("Loa truyền thanh").check();
    await phonePage.getByLabel("4", { exact: true }).check();
    await phonePage.getByLabel(/Bạn có góp ý gì khác/).fill("Muốn hỏi về thủ tục đất đai");
    await phonePage.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await expect
      .poll(() => phonePage.getByText("Bạn đã trả lời khảo sát này.").isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await phonePage.getByRole("button", { name: "Gửi câu trả lời" }).count()).toBe(0);

    await stale.getByLabel("Hôn nhân và gia đình").check();
    await stale.getByLabel("Zalo, Facebook").check();
    await stale.getByLabel("1 – Rất khó hiểu").check();
    await stale.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await expect
      .poll(() => stale.getByText("Bạn đã trả lời khảo sát này rồi.").isVisible(), { timeout: 20_000 })
      .toBe(true);
    // The refused submissions answer 400 and 409, which the browser logs; nothing else may go wrong.
    expect(resident.errors.filter((error) => !/status of (400|409)/.test(error))).toEqual([]);
    await resident.context.close();

    // The organizer reads the results: the chart's table, then the Excel file.
    await page.getByRole("link", { name: "Xem kết quả" }).click();
    await page.waitForURL(/\/results$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: `Kết quả: ${title}` }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByText(/· 1 phiếu trả lời/).isVisible()).toBe(true);
    const fields = page.locator("figure").first();
    await fields.getByText("Bảng số liệu của biểu đồ").click();
    const table = page.getByRole("table", { name: /Số người chọn từng lựa chọn: Bạn quan tâm/ });
    expect(await table.getByRole("row", { name: /Đất đai 1 100/ }).isVisible()).toBe(true);
    expect(await table.getByRole("row", { name: /Hôn nhân và gia đình 0/ }).isVisible()).toBe(true);
    expect(await page.getByText("Muốn hỏi về thủ tục đất đai").isVisible()).toBe(true);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^khao-sat-[a-z0-9]+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet("Tổng hợp")?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const countOf = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect([countOf("Đất đai"), countOf("Hôn nhân và gia đình"), countOf("An ninh mạng")]).toEqual([1, 0, 1]);
    expect([countOf("Zalo, Facebook"), countOf("Loa truyền thanh")]).toEqual([0, 1]);
    expect(countOf("4")).toBe(1);
    expect(countOf("Điểm trung bình")).toBe(4);
    expect(workbook.getWorksheet("Phiếu trả lời")?.rowCount).toBe(2);
    expect(host.errors).toEqual([]);
    await host.context.close();
  }, 180_000);

  /** Waits for what a full page load (a form posted without JavaScript) should show. */
  const shown = (locator: () => Locator) =>
    expect.poll(() => locator().first().isVisible(), { timeout: 30_000 }).toBe(true);

  /** A page of a context without JavaScript, signed in as `login` (logged in with JavaScript first). */
  async function withoutJavaScript(login: { identifier: string; password: string }) {
    const signIn = await openPage(browser, VIEWPORTS.phone);
    await logIn(signIn.page, login.identifier, login.password);
    const storageState = await signIn.context.storageState();
    await signIn.context.close();
    const context = await browser.newContext({
      baseURL,
      locale: "vi-VN",
      javaScriptEnabled: false,
      storageState,
      viewport: VIEWPORTS.phone,
    });
    return { context, page: await context.newPage() };
  }

  it("without JavaScript: refused forms keep what was typed, questions are added and reordered, and answered", async () => {
    if (!organizer || !contestant) throw new Error("no demo logins");
    const { context, page } = await withoutJavaScript(organizer);
    await page.goto("/manage/surveys/new");
    await page.getByLabel(/^Tên khảo sát/).fill("Ngắn");
    await page.getByRole("button", { name: "Tạo khảo sát" }).click();
    await shown(() => page.getByText("Tên khảo sát cần ít nhất 5 ký tự."));
    await page.getByLabel(/^Tên khảo sát/).fill(`Khảo sát không JS ${String(Date.now()).slice(-6)}`);
    await page.getByRole("button", { name: "Tạo khảo sát" }).click();
    await page.waitForURL(/\/manage\/surveys\/(?!new)[^/]+$/);

    const newQuestion = page.locator('section[aria-labelledby="new-question-title"]');
    await page.locator("#new-question-prompt").fill("Bạn biết đến Luật Đất đai 2024 chưa?");
    await newQuestion.getByLabel("Các lựa chọn").fill("Đã biết");
    await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
    await shown(() => page.getByText(/cần ít nhất 2 lựa chọn/));
    expect(await page.locator("#new-question-prompt").inputValue()).toBe("Bạn biết đến Luật Đất đai 2024 chưa?");
    await newQuestion.getByLabel("Các lựa chọn").fill("Đã biết\nChưa biết");
    await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
    await shown(() => page.getByRole("heading", { name: "Câu 1 · Chọn một" }));
    await page.locator("#new-question-kind").selectOption("TEXT");
    await page.locator("#new-question-prompt").fill("Bạn muốn hỏi điều gì?");
    await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
    await shown(() => page.getByRole("heading", { name: "Câu 2 · Trả lời tự do" }));
    await page.getByRole("button", { name: "Đưa câu 2 lên" }).click();
    await shown(() => page.getByRole("heading", { name: "Câu 1 · Trả lời tự do" }));
    await page.getByRole("button", { name: "Mở khảo sát" }).click();
    await shown(() => page.getByRole("button", { name: "Đóng khảo sát" }));
    const surveyPath = new URL((await page.locator(".share-link-url a").getAttribute("href")) ?? "").pathname;
    await context.close();

    const resident = await withoutJavaScript(contestant);
    await resident.page.goto(surveyPath);
    await resident.page.getByLabel(/Bạn muốn hỏi điều gì/).fill("Thủ tục sang tên sổ đỏ");
    await resident.page.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await shown(() => resident.page.getByText("Câu này bắt buộc trả lời."));
    expect(await resident.page.getByLabel(/Bạn muốn hỏi điều gì/).inputValue()).toBe("Thủ tục sang tên sổ đỏ");
    await resident.page.getByLabel("Chưa biết").check();
    await resident.page.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await shown(() => resident.page.getByText("Bạn đã trả lời khảo sát này."));
    await resident.context.close();
  }, 180_000);
});
