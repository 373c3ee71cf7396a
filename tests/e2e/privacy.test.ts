import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN");

/** Deletion on request (issue 9): the person asks on a phone, an admin decides, the account is gone. */
describe.skipIf(!chromiumPath)("a person asks for their data to be deleted", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks from the account page, is approved at /manage/privacy, and can no longer log in", async () => {
    if (!admin) throw new Error("no demo admin");
    // A fresh account of its own: the shared demo accounts must stay usable for other tests.
    const suffix = randomBytes(3).toString("hex");
    const fullName = `Người Xin Xóa ${suffix.toUpperCase()}`;
    const email = `xin-xoa-${suffix}@test.example`;
    const person = await openPage(browser, VIEWPORTS.phone);
    await person.page.goto("/register");
    await person.page.getByLabel("Họ và tên").fill(fullName);
    await person.page.getByLabel("Số điện thoại hoặc email").fill(email);
    await person.page.getByLabel(/^Mật khẩu/).fill("Luat-hay-2025");
    await person.page.getByLabel("Nhập lại mật khẩu").fill("Luat-hay-2025");
    await person.page.getByRole("button", { name: "Đăng ký" }).click();
    await expect.poll(() => person.page.getByRole("heading", { level: 1 }).textContent()).toContain(fullName);

    await person.page.goto("/account/privacy");
    await expectAccessible(person.page);
    // Without the confirmation: refused in Vietnamese, the reason typed is kept.
    await person.page.getByLabel("Lý do (không bắt buộc)").fill("Không dùng nữa");
    await person.page.getByRole("button", { name: "Gửi yêu cầu xóa" }).click();
    await expect
      .poll(() => person.page.getByText("Hãy đánh dấu xác nhận trước khi gửi yêu cầu.").isVisible())
      .toBe(true);
    expect(await person.page.getByLabel("Lý do (không bắt buộc)").inputValue()).toBe("Không dùng nữa");
    await person.page.getByRole("checkbox", { name: /Tôi hiểu rằng/ }).check();
    await person.page.getByRole("button", { name: "Gửi yêu cầu xóa" }).click();
    await expect.poll(() => person.page.getByText(/ban tổ chức đang xem xét/).isVisible()).toBe(true);
    expect(await person.page.getByRole("button", { name: "Rút lại yêu cầu" }).isVisible()).toBe(true);

    const decider = await openPage(browser, VIEWPORTS.phone);
    await logIn(decider.page, admin.identifier, admin.password);
    await decider.page.goto("/manage/privacy");
    await expect.poll(() => decider.page.getByRole("heading", { name: fullName }).isVisible()).toBe(true);
    await expectAccessible(decider.page);
    // Refusing needs a reason the person will read.
    await decider.page.getByRole("button", { name: `Từ chối: ${fullName}` }).click();
    await expect
      .poll(() => decider.page.getByText("Khi từ chối, hãy ghi lý do để người yêu cầu biết.").first().isVisible())
      .toBe(true);
    await decider.page.getByRole("button", { name: `Chấp nhận và ẩn danh: ${fullName}` }).click();
    await expect.poll(() => decider.page.getByText("Đã chấp nhận: tài khoản đã được ẩn danh.").isVisible()).toBe(true);
    expect(await decider.page.getByRole("heading", { name: fullName }).count()).toBe(0);

    // Their session is gone, and so is the log-in.
    await person.page.goto("/account/privacy");
    await person.page.waitForURL(/\/login/);
    await person.page.getByLabel("Số điện thoại hoặc email").fill(email);
    await person.page.getByLabel("Mật khẩu").fill("Luat-hay-2025");
    await person.page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => person.page.getByRole("alert").first().isVisible()).toBe(true);
    expect(person.page.url()).toContain("/login");

    // The refusal without a note answered 400, which the browser logs; nothing else may go wrong.
    expect([...person.errors, ...decider.errors].filter((error) => !error.includes("status of 400"))).toEqual([]);
    await person.context.close();
    await decider.context.close();
  }, 180_000);
});
