import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, openPage, VIEWPORTS } from "./browser";

const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN") as (typeof DEMO_LOGINS)[number];

describe.skipIf(!chromiumPath).each(Object.entries(VIEWPORTS))("foundation journey on %s", (viewportName, viewport) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("register → log in → admin creates an org node → log out", async () => {
    const { page, context, errors } = await openPage(browser, viewport);
    const suffix = randomBytes(3).toString("hex");
    const email = `nguoi-dung-${suffix}@test.example`;

    await page.goto("/");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Thi và học pháp luật trực tuyến");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await expectAccessible(page);

    // Registration, with one mistake first: the message is Vietnamese and nothing typed is lost.
    await page.getByRole("link", { name: "Đăng ký" }).first().click();
    await page.waitForURL("**/register");
    await page.getByLabel("Họ và tên").fill("Người Dùng Thử");
    await page.getByLabel("Số điện thoại hoặc email").fill(email);
    await page.getByLabel(/^Mật khẩu/).fill("Luat-hay-2025");
    await page.getByLabel("Nhập lại mật khẩu").fill("Luat-hay-2026");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect.poll(() => page.getByText("Hai mật khẩu không khớp.").isVisible()).toBe(true);
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Người Dùng Thử");
    expect(await page.getByLabel("Nhập lại mật khẩu").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await page.getByLabel(/^Mật khẩu/).fill("Luat-hay-2025");
    await page.getByLabel("Nhập lại mật khẩu").fill("Luat-hay-2025");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Xin chào, Người Dùng Thử");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đăng ký thành công");

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);

    // Log in with the new account.
    await page.getByRole("link", { name: "Đăng nhập" }).first().click();
    await page.waitForURL("**/login");
    await expectAccessible(page);
    await page.getByLabel("Số điện thoại hoặc email").fill(email);
    await page.getByLabel("Mật khẩu").fill("Luat-hay-2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Xin chào, Người Dùng Thử");
    // A contestant-level account has no management screens.
    expect(await page.getByRole("link", { name: "Quản lý" }).count()).toBe(0);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);

    // The admin adds a unit under Xã Kim Thành.
    await page.goto("/login");
    await page.getByLabel("Số điện thoại hoặc email").fill(admin.identifier);
    await page.getByLabel("Mật khẩu").fill(admin.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: "Quản lý" }).first().click();
    await page.waitForURL("**/manage");
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Mục quản lý" }).getByRole("link", { name: "Cây tổ chức" }).click();
    await page.waitForURL("**/manage/org");
    await expectAccessible(page);

    const unitName = `Chi đoàn thử ${viewportName} ${suffix}`;
    await page.getByLabel("Tên đơn vị").fill(unitName);
    await page.getByLabel("Mã đơn vị").fill(`HP-KIMTHANH-T${suffix}`.toUpperCase());
    await page.getByLabel("Loại").selectOption("UNIT");
    await page.getByLabel("Đơn vị cấp trên").selectOption({ label: "— Xã Kim Thành (HP-KIMTHANH)" });
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`Đã thêm đơn vị “${unitName}”`);
    await expect.poll(() => page.getByRole("link", { name: unitName }).isVisible()).toBe(true);

    // A bad code is explained next to the field, and the name typed is kept.
    await page.getByLabel("Tên đơn vị").fill("Đơn vị mã sai");
    await page.getByLabel("Mã đơn vị").fill("mã có dấu");
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect.poll(() => page.getByText("Mã đơn vị chỉ gồm chữ in hoa").isVisible()).toBe(true);
    expect(await page.getByLabel("Tên đơn vị").inputValue()).toBe("Đơn vị mã sai");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Đăng nhập" }).first().isVisible()).toBe(true);
    await page.goto("/manage/org");
    await page.waitForURL("**/login?redirectTo=%2Fmanage%2Forg");

    // The two invalid submissions above were answered 400, which the browser logs; nothing else may be.
    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    expect(errors).toHaveLength(2);
    await context.close();
  });
});
