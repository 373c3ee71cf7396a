import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROSTER_TEMPLATE_HEADERS } from "~/rosters/import.server";
import { DEMO_LOGINS } from "../../seeds/demo";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

async function rosterFile(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách");
  sheet.addRow(ROSTER_TEMPLATE_HEADERS);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(tmpdir(), `${name}-${process.pid}-${Date.now()}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe.skipIf(!chromiumPath)("an organizer imports a roster and assigns a course", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees each bad row, imports the fixed file, hands out passwords, assigns the demo course with a due date", async () => {
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const suffix = String(Date.now()).slice(-6);
    const phone = `093${suffix}1`;
    const good = [
      "Người Học Danh Sách (thử)",
      phone,
      "",
      "Tuyên truyền viên pháp luật",
      `Tuyên truyền viên ${suffix}`,
      "",
    ];
    const bad = await rosterFile("bad", [good, ["Y", "0931", "", "Thợ điện", "", ""]]);
    const fixed = await rosterFile("fixed", [
      good,
      ["Người Học Thứ Hai (thử)", `094${suffix}2`, "", "Tuyên truyền viên", `Tuyên truyền viên ${suffix}`, ""],
    ]);

    const { page, context, errors } = await openPage(browser, VIEWPORTS.desktop);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/rosters");
    await page.getByLabel("Tệp danh sách").setInputFiles(bad);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const report = page.getByRole("table", { name: /Các dòng có lỗi/ });
    await expect.poll(() => report.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = await report.innerText();
    expect(text).toContain("Họ và tên cần 2–120 ký tự.");
    expect(text).toContain("Số điện thoại không hợp lệ");
    expect(text).toContain("Đối tượng phải là");
    expect(text).toContain("Tên nhóm cần 2–120 ký tự.");
    expect(await page.getByRole("button", { name: /^Nhập \d+ người$/ }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel("Tệp danh sách").setInputFiles(fixed);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.getByRole("button", { name: "Nhập 2 người" }).click();
    const download = page.getByRole("link", { name: "Tải mật khẩu ban đầu (Excel)" });
    await expect.poll(() => download.isVisible(), { timeout: 20_000 }).toBe(true);
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path()) as string)) as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues() as unknown[][];
    const row = rows.find((values) => values?.[2] === phone) as unknown[];
    const initialPassword = String(row[3]);
    expect(initialPassword).toMatch(/^[a-z]{6}\d{4}$/);

    await page.getByLabel("Khóa học").selectOption({ label: DEMO_COURSE.title });
    await page
      .getByLabel("Nhóm", { exact: true })
      .selectOption({ label: `Tuyên truyền viên ${suffix} — Xã Kim Thành (2)` });
    await page.getByLabel("Hạn hoàn thành").fill("2027-06-30");
    await page.getByRole("button", { name: "Giao khóa học" }).click();
    const assigned = page.getByRole("table").filter({ hasText: `Tuyên truyền viên ${suffix}` });
    await expect.poll(() => assigned.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await assigned.innerText()).toContain("30/06/2027");
    expect(await assigned.innerText()).toContain("0/2");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();

    // The new learner logs in with the initial password, must choose a new one, and finds the course due.
    const learner = await openPage(browser, VIEWPORTS.phone);
    await logIn(learner.page, phone, initialPassword);
    await learner.page.waitForURL("**/account/password");
    await learner.page.getByLabel(/^Mật khẩu tạm thời/).fill(initialPassword);
    await learner.page.getByLabel(/^Mật khẩu mới/).fill("Hoc-vien-moi-2027");
    await learner.page.getByLabel(/^Nhập lại mật khẩu/).fill("Hoc-vien-moi-2027");
    await learner.page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await learner.page.waitForURL((url) => !url.pathname.startsWith("/account/password"));
    await learner.page.goto("/my/courses");
    await expect
      .poll(() => learner.page.getByRole("link", { name: DEMO_COURSE.title }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await learner.page.getByText("Hạn hoàn thành: 30/06/2027").isVisible()).toBe(true);
    await expectAccessible(learner.page);
    expect(learner.errors).toEqual([]);
    await learner.context.close();
  }, 120_000);
});
