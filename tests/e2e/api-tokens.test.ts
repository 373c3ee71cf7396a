import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { baseURL, chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

/**
 * Issue 7 §6 in the browser: an organizer issues an open-data token for their commune, copies the
 * secret shown once, a portal reads with it, and the organizer revokes it.
 */
describe.skipIf(!chromiumPath)("an organizer issues and revokes an open-data API token", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees the secret once, the portal reads with it, and after revoking it gets 401", async () => {
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage");
    await page.getByRole("link", { name: "API dữ liệu mở" }).click();
    await page.waitForURL(/\/manage\/api-tokens$/);
    await expectAccessible(page);

    // A name too short is refused, in Vietnamese, next to the field.
    await page.getByLabel(/^Dùng cho/).fill("x");
    await page.getByRole("button", { name: "Cấp mã" }).click();
    await expect.poll(() => page.getByText(/Hãy ghi mã dùng cho việc gì/).isVisible()).toBe(true);

    await page.getByLabel(/^Dùng cho/).fill("Cổng PBGDPL thành phố (thử)");
    await page.getByLabel(/^Đơn vị được đọc/).selectOption({ label: "Xã Kim Thành (HP-KIMTHANH)" });
    await page.getByLabel(/^Hết hạn sau ngày/).fill("31/12/2099");
    await page.getByRole("button", { name: "Cấp mã" }).click();
    await expect.poll(() => page.getByText(/Đã cấp mã truy cập/).isVisible()).toBe(true);
    const secret = await page.getByLabel(/^Mã truy cập/).inputValue();
    expect(secret).toMatch(/^la_[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);
    const row = page.getByRole("row", { name: /Cổng PBGDPL thành phố \(thử\)/ });
    expect(await row.innerText()).toMatch(new RegExp(`${secret.slice(0, 11)}[\\s\\S]*Chưa dùng[\\s\\S]*Đang dùng`));

    const read = () =>
      fetch(`${baseURL}/api/v1/nodes/HP-KIMTHANH/indicators`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await read()).status).toBe(200);
    // The secret is not shown again.
    await page.goto("/manage/api-tokens");
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByRole("row", { name: /Cổng PBGDPL thành phố \(thử\)/ }).innerText()).not.toContain(
      "Chưa dùng",
    );

    await page
      .getByRole("row", { name: /Cổng PBGDPL thành phố \(thử\)/ })
      .getByRole("button", { name: "Thu hồi" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Thu hồi" }).click();
    await expect.poll(() => page.getByText("Đã thu hồi mã truy cập.").isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole("row", { name: /Cổng PBGDPL thành phố \(thử\)/ }).innerText(), { timeout: 5000 })
      .toContain("Đã thu hồi");
    const refused = await read();
    expect((await refused.clone().json()).error?.code).toBe("TOKEN_REVOKED");
    expect(refused.status).toBe(401);
    await page.reload();
    expect(await page.getByRole("row", { name: /Cổng PBGDPL thành phố \(thử\)/ }).innerText()).toContain("Đã thu hồi");
    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  }, 120_000);
});
