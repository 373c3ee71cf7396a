import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { baseURL, chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");

describe.skipIf(!chromiumPath)("an organizer enters a plan and its targets", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("on a phone: sees Kim Thành's plan, adds a plan with a preset phase at 80,5 %, is told of an overlap, deletes it", async () => {
    if (!organizer) throw new Error("no demo organizer");
    const name = `Kế hoạch thử ${String(Date.now()).slice(-6)} về chuyển đổi số`;
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/targets");
    expect(await page.getByRole("cell", { name: "1092/KH-UBND" }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Thêm kế hoạch" }).click();
    await page.getByLabel(/^Tên kế hoạch/).fill(name);
    await page.getByLabel(/^Số kế hoạch/).fill("99/KH-UBND");
    await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await page.waitForURL(/\/manage\/targets\/(?!new)[^/]+$/);
    await expectAccessible(page);

    await page.locator("#new-phase-officialsTrainedPct").fill("80,5");
    await page.getByRole("button", { name: "Thêm giai đoạn 2025–2027" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Giai đoạn 1 (2025–2027)" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByText("80,5%").isVisible()).toBe(true);

    await page.locator("#new-phase-startsOn").fill("2027-06-01");
    await page.locator("#new-phase-endsOn").fill("2028-06-30");
    await page.getByRole("button", { name: "Thêm với ngày đã nhập" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "trùng với giai đoạn" });
    await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
    await expectAccessible(page);

    await page.getByRole("checkbox", { name: /Tôi muốn xóa kế hoạch/ }).check();
    await page.getByRole("button", { name: "Xóa kế hoạch" }).click();
    await page.waitForURL(/\/manage\/targets$/);
    expect(await page.getByRole("link", { name }).count()).toBe(0);
    // The refused overlap answers 409, which the browser logs; nothing else may go wrong.
    expect(errors.filter((error) => !error.includes("status of 409"))).toEqual([]);
    await context.close();
  }, 120_000);

  it("without JavaScript: adds a plan and a phase, and a bad percentage is refused in Vietnamese", async () => {
    if (!organizer) throw new Error("no demo organizer");
    // Log in with JavaScript, then browse with a context that has none but the same session.
    const login = await openPage(browser, VIEWPORTS.phone);
    await logIn(login.page, organizer.identifier, organizer.password);
    const storageState = await login.context.storageState();
    await login.context.close();
    const context = await browser.newContext({ baseURL, locale: "vi-VN", javaScriptEnabled: false, storageState });
    const page = await context.newPage();
    await page.goto("/manage/targets/new");
    await page.getByLabel(/^Tên kế hoạch/).fill(`Kế hoạch không JS ${String(Date.now()).slice(-6)}`);
    await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await page.waitForURL(/\/manage\/targets\/(?!new)[^/]+$/);

    await page.locator("#new-phase-satisfactionPct").fill("120");
    // Without JavaScript the click submits a form and loads the next page: wait for it to arrive
    // (a busy machine takes its time) instead of reading the page the click left.
    await page.getByRole("button", { name: "Thêm giai đoạn 2028–2030" }).click();
    await expect.poll(() => page.getByText("Chỉ tiêu là số phần trăm từ 0 đến 100").isVisible()).toBe(true);
    await page.locator("#new-phase-satisfactionPct").fill("90");
    await page.getByRole("button", { name: "Thêm giai đoạn 2028–2030" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Giai đoạn 2 (2028–2030)" }).isVisible()).toBe(true);
    expect(await page.getByText("Mức độ hài lòng của người dùng: 90%").isVisible()).toBe(true);
    await context.close();
  }, 120_000);
});
