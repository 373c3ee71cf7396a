import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];

describe.skipIf(!chromiumPath)("question bank", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an organizer fills the downloaded template with two bad rows, sees both reported, and imports the good ones", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.desktop);
    await logIn(page, organizer.identifier, organizer.password);

    // The commune's own bank (the city's demo bank is read-only here).
    await page.goto("/manage/banks");
    await expectAccessible(page);
    expect(await page.getByText("chỉ xem và sử dụng (của đơn vị cấp trên)").count()).toBeGreaterThan(0);
    const bankName = `Ngân hàng xã Kim Thành ${randomBytes(2).toString("hex")}`;
    await page.getByLabel("Tên ngân hàng").fill(bankName);
    await page.getByLabel("Thuộc đơn vị").selectOption({ label: "Xã Kim Thành (HP-KIMTHANH)" });
    await page.getByRole("button", { name: "Tạo ngân hàng" }).click();
    await page.waitForURL("**/manage/banks/*");
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.waitForURL("**/import");
    await expectAccessible(page);

    // Download the template the way an organizer would, and add rows to it in "Excel".
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Tải tệp mẫu Excel/ }).click(),
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "la-template-"));
    const templatePath = path.join(dir, "mau.xlsx");
    await download.saveAs(templatePath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const row = (values: Record<string, string>) => sheet.addRow(headers.map((header) => values[header] ?? ""));
    row({
      "Loại câu hỏi": "Một đáp án",
      "Nội dung câu hỏi": "Theo Luật Trẻ em 2016, trẻ em là người dưới bao nhiêu tuổi?",
      "Phương án A": "14 tuổi",
      "Phương án B": "16 tuổi",
      "Phương án C": "18 tuổi",
      "Đáp án đúng": "B",
      "Văn bản pháp luật": "Luật Trẻ em",
      "Số hiệu": "102/2016/QH13",
      Điều: "Điều 1",
      "Chủ đề": "Trẻ em",
      "Mức độ": "Dễ",
    });
    row({
      "Loại câu hỏi": "Một đáp án",
      "Nội dung câu hỏi": "Câu hỏi thiếu đáp án đúng",
      "Phương án A": "Một",
      "Phương án B": "Hai",
      "Chủ đề": "Trẻ em",
    });
    row({
      "Loại câu hỏi": "Một đáp án",
      "Nội dung câu hỏi": "Câu hỏi chỉ có một phương án",
      "Phương án A": "Một",
      "Đáp án đúng": "A",
      "Chủ đề": "Trẻ em",
    });
    const filled = path.join(dir, "cau-hoi-xa.xlsx");
    await workbook.xlsx.writeFile(filled);
    const lastRow = sheet.rowCount;

    await page.getByLabel("Tệp câu hỏi").setInputFiles(filled);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Có 2 lỗi");
    const rows = page.getByRole("table", { name: "Các câu lỗi" }).getByRole("row");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain(String(lastRow - 1));
    expect(await rows.nth(1).textContent()).toContain("Chưa có đáp án đúng.");
    expect(await rows.nth(2).textContent()).toContain(String(lastRow));
    expect(await rows.nth(2).textContent()).toContain("Cần ít nhất 2 phương án.");
    await expectAccessible(page);

    const importButton = page.getByRole("button", { name: /^Nhập \d+ câu hợp lệ$/ });
    const goodCount = Number((await importButton.textContent())?.match(/\d+/)?.[0]);
    expect(goodCount).toBeGreaterThanOrEqual(1);
    await importButton.click();
    await page.waitForURL((url) => /\/manage\/banks\/[^/]+$/.test(url.pathname));
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain(`Đã nhập ${goodCount} câu hỏi; 2 câu lỗi không được nhập.`);
    await expect
      .poll(() =>
        page.getByRole("link", { name: "Theo Luật Trẻ em 2016, trẻ em là người dưới bao nhiêu tuổi?" }).isVisible(),
      )
      .toBe(true);

    // Search without accents finds it; the list page is accessible.
    await page.getByLabel("Tìm kiếm (không cần dấu)").fill("tre em duoi bao nhieu tuoi");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect.poll(() => page.getByRole("link", { name: /trẻ em là người dưới/ }).count()).toBe(1);
    await expectAccessible(page);

    // Open it, approve it, and check the review state.
    await page.getByRole("link", { name: /trẻ em là người dưới/ }).click();
    await page.waitForURL("**/manage/questions/*");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await expect.poll(() => page.getByText("đang dùng phiên bản đã duyệt 1").isVisible()).toBe(true);

    // Write a question in the editor: the preview follows what is typed; a missing key is refused.
    await page.goto(page.url().replace(/\/manage\/questions\/.*/, "/manage/banks"));
    await page.getByRole("link", { name: bankName }).click();
    await page.getByRole("link", { name: "Thêm câu hỏi" }).click();
    await page.waitForURL("**/new");
    await expectAccessible(page);
    await page
      .getByLabel("Nội dung câu hỏi")
      .fill("Theo Luật Hôn nhân và gia đình 2014, nữ được kết hôn từ đủ bao nhiêu tuổi?");
    await page.getByLabel("Phương án A", { exact: true }).fill("16 tuổi");
    await page.getByLabel("Phương án B", { exact: true }).fill("18 tuổi");
    const preview = page.getByRole("region", { name: "Xem trước (như thí sinh thấy)" });
    await expect.poll(() => preview.textContent()).toContain("nữ được kết hôn từ đủ bao nhiêu tuổi");
    await page.getByRole("button", { name: "Lưu câu hỏi" }).click();
    await expect.poll(() => page.getByText("Chưa có đáp án đúng.").isVisible()).toBe(true);
    expect(await page.getByLabel("Phương án B", { exact: true }).inputValue()).toBe("18 tuổi");
    await page.getByLabel("Phương án B là đáp án đúng").check();
    await page.getByRole("button", { name: "Lưu câu hỏi" }).click();
    await page.waitForURL("**/manage/questions/*");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã thêm câu hỏi");

    // The one 400: the question saved without a key.
    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});
