import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN") as (typeof DEMO_LOGINS)[number];

describe.skipIf(!chromiumPath)("management screens on a phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an organizer imports a tree file with bad rows, sees each one, then imports the fixed file", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/org/import");
    await expectAccessible(page);

    const suffix = randomBytes(2).toString("hex").toUpperCase();
    const dir = mkdtempSync(path.join(tmpdir(), "la-import-"));
    const bad = path.join(dir, "cay-loi.csv");
    writeFileSync(
      bad,
      [
        "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
        `KT-TO-${suffix},Tổ hòa giải thôn Một (thử),Đơn vị,HP-KIMTHANH`,
        `KT-TO2-${suffix},Tổ lạc,Đơn vị,KHONG-TON-TAI`,
        `KT-TO3-${suffix},Tổ sai loại,Huyện,HP-KIMTHANH`,
      ].join("\n"),
    );
    await page.getByLabel("Tệp Excel (.xlsx) hoặc CSV").setInputFiles(bad);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Có 2 lỗi");
    const rows = page.getByRole("table", { name: "Các dòng lỗi" }).getByRole("row");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain("KHONG-TON-TAI");
    expect(await rows.nth(2).textContent()).toContain("Loại đơn vị không hợp lệ");
    expect(await page.getByRole("button", { name: /^Nhập \d+ đơn vị$/ }).count()).toBe(0);
    await expectAccessible(page);

    const good = path.join(dir, "cay-dung.csv");
    writeFileSync(
      good,
      [
        "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
        `KT-TO-${suffix},Tổ hòa giải thôn Một (thử),Đơn vị,HP-KIMTHANH`,
      ].join("\n"),
    );
    await page.getByLabel("Tệp Excel (.xlsx) hoặc CSV").setInputFiles(good);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.getByRole("button", { name: "Nhập 1 đơn vị" }).click();
    await page.waitForURL("**/manage/org");
    await expect.poll(() => page.getByRole("link", { name: "Tổ hòa giải thôn Một (thử)" }).isVisible()).toBe(true);

    // Rename it on its own page.
    await page.getByRole("link", { name: "Tổ hòa giải thôn Một (thử)" }).click();
    await page.waitForURL("**/manage/org/*");
    await expectAccessible(page);
    await page.getByLabel("Tên đơn vị").fill("Tổ hòa giải thôn Một");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tổ hòa giải thôn Một");

    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("an admin creates an organizer, who must replace the temporary password at first log-in", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await logIn(page, admin.identifier, admin.password);
    await page.goto("/manage/organizers");
    await expectAccessible(page);
    const email = `btc-${randomBytes(3).toString("hex")}@test.example`;
    await page.getByLabel("Họ và tên").fill("Ban tổ chức phường (thử)");
    await page.getByLabel("Số điện thoại hoặc email").fill(email);
    await page.getByLabel("Đơn vị").selectOption({ label: "Phường Hải An (HP-HAIAN)" });
    await page.getByRole("button", { name: "Cấp quyền" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Mật khẩu tạm thời" }).count()).toBe(1);
    const text = (await page.getByRole("status").filter({ hasText: "Mật khẩu tạm thời" }).textContent()) ?? "";
    const temporaryPassword = text.match(/Mật khẩu tạm thời: (\w+)/)?.[1] as string;
    expect(temporaryPassword).toMatch(/^[a-z]{6}\d{4}$/);

    await page.goto("/manage/members");
    await expectAccessible(page);
    await page.goto("/manage/audit?action=organizer.created");
    await expect.poll(() => page.getByRole("table").textContent()).toContain("Tạo tài khoản ban tổ chức");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    // Wait for the log-out to land before going to the log-in page (it would redirect home otherwise).
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);

    await logIn(page, email, temporaryPassword);
    await page.waitForURL("**/account/password");
    await expectAccessible(page);
    await page.getByLabel("Mật khẩu tạm thời được cấp").fill(temporaryPassword);
    await page.getByLabel("Mật khẩu mới").fill("Phuong-HaiAn-2025");
    await page.getByLabel("Nhập lại mật khẩu").fill("Phuong-HaiAn-2025");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("link", { name: "Quản lý" }).first().click();
    await page.getByRole("navigation", { name: "Mục quản lý" }).getByRole("link", { name: "Cây tổ chức" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Phường Hải An", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Xã Kim Thành", exact: true }).count()).toBe(0);

    await page.goto("/khong-co-trang-nay");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Không tìm thấy trang");
    await expectAccessible(page);
    expect(errors.filter((error) => !error.includes("status of 404"))).toEqual([]);
    await context.close();
  });
});
