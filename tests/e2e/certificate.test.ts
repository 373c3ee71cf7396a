import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTEST } from "../../seeds/demo";
import { extractPdfText } from "../support/pdf-text";
import { baseURL, chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

describe.skipIf(!chromiumPath)("sharing a contest and getting a certificate, on a phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the contest page's QR code and link, and serves the QR as a PNG", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(`/contests/${DEMO_CONTEST.slug}`);
    const contestUrl = `${baseURL}/contests/${DEMO_CONTEST.slug}`;

    const qr = page.getByRole("img", { name: /^Mã QR mở trang cuộc thi: Cuộc thi trực tuyến/ });
    await expect.poll(() => qr.isVisible()).toBe(true);
    // Loaded (the data: address passes the content security policy) and drawn at its size.
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    expect(await page.getByRole("link", { name: contestUrl, exact: true }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sao chép đường dẫn" }).click();
    await expect.poll(() => page.getByText("Đã sao chép đường dẫn.").isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(contestUrl);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải mã QR (PNG) để in" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`qr-${DEMO_CONTEST.slug}.png`);
    const png = await readFile((await download.path()) as string);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a new contestant finishes a round and downloads the certificate of participation", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    // A made-up account of its own: the demo contestant belongs to contest.test.ts on this server.
    const fullName = "Thí Sinh Giấy Chứng Nhận (thử)";
    const phone = `0900000${String(randomInt(1000)).padStart(3, "0")}`;
    const password = "Giay-chung-nhan-2026";
    await page.goto("/register");
    await page.getByLabel("Họ và tên").fill(fullName);
    await page.getByLabel("Số điện thoại hoặc email").fill(phone);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByLabel("Nhập lại mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Xin chào, ${fullName}`);
    // Log out and in again through the shared helper, as a returning contestant would.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);
    await logIn(page, phone, password);

    await page.goto(`/contests/${DEMO_CONTEST.slug}/register`);
    await page.getByLabel("Đơn vị, trường, lớp").fill("Lớp thử nghiệm (demo)");
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await page.waitForURL((url) => /\/contests\/[^/]+$/.test(url.pathname));

    await page.getByRole("button", { name: "Bắt đầu làm bài" }).first().click();
    await page.waitForURL("**/attempts/*");
    await page.locator(".answer-option").first().click();
    await expect.poll(() => page.getByText("Đã lưu câu trả lời.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Nộp bài", exact: true }).click();
    await page.getByRole("button", { name: "Nộp bài ngay" }).click();
    await page.waitForURL("**/result");

    const link = page.getByRole("link", { name: "Tải giấy chứng nhận tham gia (PDF)" });
    await expect.poll(() => link.isVisible()).toBe(true);
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^giay-chung-nhan-CT(-[0-9A-Z]{4}){4}\.pdf$/);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await extractPdfText(new Uint8Array(pdf))).text.replace(/\s+/g, " ");
    expect(text).toContain(fullName);
    expect(text).toContain("GIẤY CHỨNG NHẬN");
    expect(text).toContain("Đơn vị: Lớp thử nghiệm (demo)");

    // The optional satisfaction rating (issue 7 §3): radio buttons, with JavaScript…
    const resultUrl = page.url();
    await page.getByRole("radio", { name: "4 sao" }).check();
    await page.getByLabel("Góp ý (không bắt buộc)").fill("Câu hỏi dễ hiểu (thử)");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect
      .poll(() => page.getByText("Cảm ơn bạn! Bạn có thể sửa đánh giá bất cứ lúc nào.").isVisible())
      .toBe(true);
    await page.reload();
    expect(await page.getByRole("radio", { name: "4 sao" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Góp ý (không bắt buộc)").inputValue()).toBe("Câu hỏi dễ hiểu (thử)");
    expect(errors).toEqual([]);

    // …and without: the same form posts and the page shows the changed rating.
    const noScript = await browser.newContext({ baseURL, locale: "vi-VN", javaScriptEnabled: false });
    await noScript.addCookies(await context.cookies());
    const plain = await noScript.newPage();
    await plain.goto(resultUrl);
    await plain.getByRole("radio", { name: "2 sao" }).check();
    await plain.getByRole("button", { name: "Gửi đánh giá" }).click();
    await plain.waitForLoadState();
    expect(await plain.getByText("Cảm ơn bạn! Bạn có thể sửa đánh giá bất cứ lúc nào.").isVisible()).toBe(true);
    await plain.goto(resultUrl);
    expect(await plain.getByRole("radio", { name: "2 sao" }).isChecked()).toBe(true);
    await noScript.close();
    await context.close();
  });
});
