import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

describe.skipIf(!chromiumPath)("an organizer enters their commune's population", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees the demo figure marked demo, is told what is wrong, then saves a figure with its source", async () => {
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const { page, context, errors } = await openPage(browser, VIEWPORTS.desktop);
    await logIn(page, organizer.identifier, organizer.password);
    await page.goto("/manage/population");
    const row = page.getByRole("row", { name: /Xã Kim Thành/ });
    expect(await row.innerText()).toMatch(/10\.000[\s\S]*số liệu demo[\s\S]*demo/);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Sửa" }).first().click();
    await page.getByLabel(/^Dân số/).fill("mười nghìn");
    await page.getByLabel("Năm số liệu").fill("2026");
    await page.getByLabel("Nguồn số liệu").fill("Báo cáo UBND xã (thử)");
    await page.getByRole("button", { name: "Lưu số liệu" }).click();
    await expect.poll(() => page.getByText("Hãy nhập số người (số nguyên dương).").isVisible()).toBe(true);
    // What was typed is kept.
    expect(await page.getByLabel("Nguồn số liệu").inputValue()).toBe("Báo cáo UBND xã (thử)");
    await expectAccessible(page);

    await page.getByLabel(/^Dân số/).fill("12.345");
    await page.getByRole("button", { name: "Lưu số liệu" }).click();
    await expect.poll(() => page.getByText("Đã lưu số liệu dân số.").isVisible()).toBe(true);
    expect(await page.getByRole("row", { name: /Xã Kim Thành/ }).innerText()).toMatch(
      /12\.345[\s\S]*2026[\s\S]*Báo cáo UBND xã \(thử\)/,
    );
    // The refused form's answer (400) is logged by the browser; nothing else may be.
    expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    await context.close();
  }, 120_000);
});
