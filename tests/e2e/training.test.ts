import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTENDANCE_TEMPLATE_HEADERS } from "~/training/attendance.server";
import { DEMO_LOGINS } from "../../seeds/demo";
import { DEMO_TRAINING, demoRosterEmail } from "../../seeds/demo-training";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

async function attendanceFile(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Điểm danh");
  sheet.addRow(ATTENDANCE_TEMPLATE_HEADERS);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(tmpdir(), `${name}-${process.pid}-${Date.now()}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe.skipIf(!chromiumPath)("an organizer records a classroom session and its attendance", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees the share held online, records a session, ticks two people, and is told which imported rows are wrong", async () => {
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const title = `Tập huấn hòa giải ${String(Date.now()).slice(-6)} (thử)`;
    const { page, context, errors } = await openPage(browser, VIEWPORTS.desktop);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/training");
    expect(await page.getByRole("link", { name: DEMO_TRAINING.sessionTitle }).isVisible()).toBe(true);
    expect(await page.getByRole("row", { name: /Số hoạt động/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ghi nhận buổi tập huấn trực tiếp" }).click();
    await page.getByLabel(/^Tên buổi tập huấn/).fill(title);
    await page.getByLabel(/^Bắt đầu/).fill("2026-11-25T08:00");
    await page.getByLabel(/^Số giờ/).fill("2");
    await page.getByLabel(/^Địa điểm/).fill("Nhà văn hóa thôn (thử)");
    await page.getByRole("button", { name: "Ghi nhận buổi tập huấn" }).click();
    await page.waitForURL("**/attendance");
    await page.getByLabel("Cán bộ demo 01 có mặt").check();
    await page.getByLabel("Cán bộ demo 02 có mặt").check();
    await page.getByRole("button", { name: "Lưu điểm danh" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: /\(2 người\)/ }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expectAccessible(page);

    const bad = await attendanceFile("bad", [
      ["Cán bộ demo 03", "", demoRosterEmail(3), ""],
      ["Người lạ", "", "nguoi.la@test.example", ""],
    ]);
    await page.getByLabel("Tệp điểm danh").setInputFiles(bad);
    await page.getByRole("button", { name: "Nhập điểm danh" }).click();
    const report = page.getByRole("table", { name: /Các dòng có lỗi/ });
    await expect.poll(() => report.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await report.innerText()).toContain("Không có người này trong danh sách học viên");
    expect(await page.getByRole("heading", { name: /\(2 người\)/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.goto("/manage/training?from=2026-11-01&to=2026-11-30");
    expect(await page.getByRole("link", { name: title }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
