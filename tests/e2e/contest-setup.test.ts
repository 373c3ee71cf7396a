import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BANK, DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

// A real 1×1 PNG.
const BANNER_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];

/** A datetime-local value on the wall clock in Vietnam (UTC+7), `hours` from now. */
function vietnamClock(hours: number): string {
  return new Date(Date.now() + (7 + hours) * 3600 * 1000).toISOString().slice(0, 16);
}

async function fillRule(page: Page, position: number, rule: { difficulty: string; count: string }): Promise<void> {
  const group = page.getByRole("group", { name: `Nhóm câu hỏi ${position}` });
  const bank = group.getByLabel("Ngân hàng câu hỏi");
  const bankValue = await bank.locator("option", { hasText: DEMO_BANK.name }).first().getAttribute("value");
  await bank.selectOption(bankValue ?? "");
  await group.getByLabel("Mức độ").selectOption({ label: rule.difficulty });
  await group.getByLabel("Số câu").fill(rule.count);
}

describe.skipIf(!chromiumPath)("setting up a contest", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an organizer on a phone creates a contest, adds a round from the demo bank, publishes it and opens its page", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/contests");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Tạo cuộc thi" }).click();
    await page.waitForURL("**/manage/contests/new");
    await expectAccessible(page);

    // Refused: a title too short and "members only" without a unit. Everything typed stays.
    const description = "Cuộc thi thử dành cho đoàn viên và học sinh trên địa bàn xã.";
    await page.getByLabel("Tên cuộc thi").fill("Thi");
    await page.getByLabel("Giới thiệu ngắn").fill(description);
    await page.getByLabel("Chỉ thành viên các đơn vị được chọn").check();
    await page.getByLabel("Số điện thoại", { exact: true }).selectOption("optional");
    await page.getByRole("button", { name: "Tạo cuộc thi" }).click();
    await expect.poll(() => page.getByText("Tên cuộc thi quá ngắn (ít nhất 5 ký tự).").isVisible()).toBe(true);
    expect(await page.getByText("Hãy chọn ít nhất một đơn vị được dự thi, hoặc chọn “Mọi người”.").isVisible()).toBe(
      true,
    );
    expect(await page.getByLabel("Tên cuộc thi").inputValue()).toBe("Thi");
    expect(await page.getByLabel("Giới thiệu ngắn").inputValue()).toBe(description);
    expect(await page.getByLabel("Chỉ thành viên các đơn vị được chọn").isChecked()).toBe(true);
    expect(await page.getByLabel("Số điện thoại", { exact: true }).inputValue()).toBe("optional");
    expect(await page.getByLabel("Tên cuộc thi").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    const title = `Thi thử thiết lập cuộc thi ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Tên cuộc thi").fill(title);
    await page.getByLabel("Mọi người (công khai)").check();
    await page.getByLabel(/Cấp giấy chứng nhận tham gia/).check();
    await page.getByLabel("Tải ảnh bìa lên (tùy chọn)").setInputFiles({
      name: "anh-bia.png",
      mimeType: "image/png",
      buffer: BANNER_PNG,
    });
    await page.getByRole("button", { name: "Tạo cuộc thi" }).click();
    await page.waitForURL((url) => /^\/manage\/contests\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const setupUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã tạo cuộc thi");
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    await expectAccessible(page);

    // A round asking for more hard questions than are approved: saved as a draft, refused at publishing.
    await page.getByRole("link", { name: "Thêm đợt thi" }).click();
    await page.waitForURL("**/rounds/new");
    await expectAccessible(page);
    await page.getByLabel("Tên đợt thi").fill("Đợt quá sức");
    await fillRule(page, 1, { difficulty: "Khó", count: "200" });
    await expect.poll(() => page.getByText(/^Chỉ có \d+ câu đã duyệt phù hợp, chưa đủ 200 câu/).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Thêm đợt thi" }).click();
    await page.waitForURL(`**${setupUrl}`);
    await page.getByRole("button", { name: "Công bố cuộc thi" }).click();
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "Đợt “Đợt quá sức” chưa đủ câu hỏi đã duyệt" }).isVisible())
      .toBe(true);
    await expectAccessible(page);

    // Delete it (nobody has started it), then add a drawable round: 3 easy + 2 medium, open now.
    await page.getByRole("link", { name: "Đợt quá sức" }).click();
    await page.waitForURL("**/rounds/*");
    await page.getByRole("button", { name: "Xóa đợt thi" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Xóa đợt thi" }).click();
    await page.waitForURL(`**${setupUrl}`);
    await expect.poll(() => page.getByText("Cuộc thi chưa có đợt thi nào.").isVisible()).toBe(true);

    await page.getByRole("link", { name: "Thêm đợt thi" }).click();
    await page.waitForURL("**/rounds/new");
    const opensAt = vietnamClock(-1);
    const closesAt = vietnamClock(24 * 7);
    await page.getByLabel("Tên đợt thi").fill("Đợt 1");
    await page.getByLabel("Mở lúc").fill(opensAt);
    await page.getByLabel("Đóng lúc").fill(closesAt);
    await page.getByLabel("Thời gian làm bài (phút)").fill("15");
    await page.getByLabel(/Có câu hỏi dự đoán/).check();
    // Criterion 3 already is "time": choosing it for criterion 2 too is refused below.
    await page.getByLabel("Tiêu chí 2").selectOption({ label: "Thời gian làm bài ít hơn" });
    await fillRule(page, 1, { difficulty: "Dễ", count: "3" });
    await page.getByRole("button", { name: "Thêm nhóm câu hỏi" }).click();
    await fillRule(page, 2, { difficulty: "Trung bình", count: "2" });
    await expect.poll(() => page.getByText("Mỗi đề gồm 5 câu.").isVisible()).toBe(true);
    await expectAccessible(page);

    // The same criterion twice is refused, with the rules just typed kept.
    await page.getByRole("button", { name: "Thêm đợt thi" }).click();
    await expect.poll(() => page.getByText("Mỗi tiêu chí xếp hạng chỉ được chọn một lần.").isVisible()).toBe(true);
    expect(await page.getByLabel("Mở lúc").inputValue()).toBe(opensAt);
    expect(await page.getByRole("group", { name: "Nhóm câu hỏi 2" }).getByLabel("Số câu").inputValue()).toBe("2");
    await page.getByLabel("Tiêu chí 3").selectOption({ label: "Dự đoán gần đúng hơn" });
    await page.getByRole("button", { name: "Thêm đợt thi" }).click();
    await page.waitForURL(`**${setupUrl}`);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã thêm đợt thi.");
    const roundRow = page.getByRole("row").filter({ hasText: "Đợt 1" });
    expect(await roundRow.textContent()).toContain("Đang mở");

    // The times read back as typed, in Vietnam time, whatever the server's time zone.
    await page.getByRole("link", { name: "Đợt 1" }).click();
    await page.waitForURL("**/rounds/*");
    expect(await page.getByLabel("Mở lúc").inputValue()).toBe(opensAt);
    expect(await page.getByLabel("Đóng lúc").inputValue()).toBe(closesAt);
    await page.getByRole("link", { name: `← ${title}` }).click();
    await page.waitForURL(`**${setupUrl}`);

    await page.getByRole("button", { name: "Công bố cuộc thi" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã công bố cuộc thi.");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Trang cuộc thi công khai" }).click();
    await page.waitForURL("**/contests/thi-thu-thiet-lap-cuoc-thi-*");
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Đợt 1" }).isVisible()).toBe(true);
    expect(await page.getByText("15 phút làm bài").isVisible()).toBe(true);
    // The uploaded banner is served from our own origin (allowed by the CSP) and loads.
    const banner = page.locator("img.contest-banner");
    expect(await banner.getAttribute("src")).toMatch(/^\/files\/banners\/[0-9a-f]{64}\.png$/);
    await expect.poll(() => banner.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
    await expectAccessible(page);

    // The refused forms answered 400, the refused publish 409; nothing else went wrong.
    expect(errors.filter((error) => !/status of (400|409)/.test(error))).toEqual([]);
    await context.close();
  });
});
