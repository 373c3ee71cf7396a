import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { DEMO_QUESTIONS } from "../../seeds/question-bank";
import { extractPdfText } from "../support/pdf-text";
import { chromiumPath, expectAccessible, launchBrowser, openPage, VIEWPORTS } from "./browser";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The page fits the phone's width: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
}

/**
 * Plays the lesson's media to the end at the fastest rate the server believes (2×), as a learner
 * who lets it play would; the server counts only the seconds the player reports as played.
 */
async function playToTheEnd(page: Page, selector: string) {
  await page.locator(selector).evaluate(async (media: HTMLMediaElement) => {
    media.muted = true;
    media.playbackRate = 2;
    await media.play();
  });
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLMediaElement | null)?.ended === true,
    selector,
    {
      timeout: 60_000,
    },
  );
}

describe.skipIf(!chromiumPath)("a learner on a phone completes the demo course", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds it without accents, studies every lesson, passes the final test, downloads a certificate that verifies", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.phone);
    const fullName = "Học Viên Khóa Học (thử)";
    const phone = `0910000${String(randomInt(1000)).padStart(3, "0")}`;
    const password = "Hoc-vien-2026";
    await page.goto("/register");
    await page.getByLabel("Họ và tên").fill(fullName);
    await page.getByLabel("Số điện thoại hoặc email").fill(phone);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByLabel("Nhập lại mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });

    // The catalogue finds the course typed without diacritics.
    await page.goto("/courses");
    await page.getByLabel("Tìm khóa học").fill("chuyen doi so giao duc phap luat");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.waitForURL("**/courses?*");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: DEMO_COURSE.title }).click();
    await page.waitForURL(`**/courses/${DEMO_COURSE.slug}`);
    await page.getByRole("button", { name: "Ghi danh" }).click();
    await expect
      .poll(() => page.getByRole("link", { name: "Bắt đầu học" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: "Bắt đầu học" }).click();

    // 1. Text: complete on opening.
    await page.waitForURL("**/learn/*");
    await expect
      .poll(() => page.getByText("Đã hoàn thành", { exact: true }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: /Bài tiếp theo/ }).click();

    // 2. Video: the next lesson stays locked until 80% of it has been played.
    await page.waitForURL("**/learn/*");
    await expect
      .poll(() => page.getByText("Hoàn thành bài này để mở bài tiếp theo.").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await playToTheEnd(page, "video");
    await expect.poll(() => page.getByText("Bạn đã hoàn thành bài này.").isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole("link", { name: /Bài tiếp theo/ }).click();

    // 3. PDF: served as a PDF, complete on opening.
    await page.waitForURL("**/learn/*");
    const pdfLink = page.getByRole("link", { name: "Mở tài liệu PDF" });
    const pdfResponse = await page.request.get((await pdfLink.getAttribute("href")) as string);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    await page.getByRole("link", { name: /Bài tiếp theo/ }).click();

    // 4. Audio, the same way as the video.
    await page.waitForURL("**/learn/*");
    await playToTheEnd(page, "audio");
    await expect.poll(() => page.getByText("Bạn đã hoàn thành bài này.").isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole("link", { name: /Bài tiếp theo/ }).click();

    // 5. The final test: answer each drawn question from the demo bank's key.
    await page.waitForURL("**/learn/*");
    await page.getByRole("button", { name: "Làm bài kiểm tra" }).click();
    await page.waitForURL("**/learn/*");
    const questions = page.locator(".quiz-question");
    await expect.poll(() => questions.count(), { timeout: 20_000 }).toBe(DEMO_COURSE.quizQuestions);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    for (let index = 0; index < DEMO_COURSE.quizQuestions; index++) {
      const question = questions.nth(index);
      const stem = squash(await question.locator(".question-stem").innerText());
      const source = DEMO_QUESTIONS.find((candidate) => squash(candidate.stem) === stem);
      expect(source, `question from the demo bank: ${stem}`).toBeDefined();
      for (const option of source?.options.filter((candidate) => candidate.correct) ?? [])
        await question.getByLabel(option.text, { exact: true }).check();
    }
    await page.getByRole("button", { name: "Nộp bài" }).click();
    await expect.poll(() => page.getByText("Đạt 100%. Bạn đã hoàn thành khóa học!").first().isVisible()).toBe(true);

    // The certificate: the learner, the course, the hours, the issuer, a number and a QR address.
    await page.goto(`/courses/${DEMO_COURSE.slug}`);
    await expect.poll(() => page.getByText("Bạn đã hoàn thành khóa học.").isVisible(), { timeout: 20_000 }).toBe(true);
    await expectAccessible(page);
    // Once completed, the learner may rate the course (issue 7 §3), and sees their rating again later.
    await page.getByRole("radio", { name: "5 sao" }).check();
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect
      .poll(() => page.getByText("Cảm ơn bạn! Bạn có thể sửa đánh giá bất cứ lúc nào.").isVisible())
      .toBe(true);
    await page.reload();
    expect(await page.getByRole("radio", { name: "5 sao" }).isChecked()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải chứng nhận (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chung-chi-KH(-[0-9A-Z]{4}){4}\.pdf$/);
    const pdf = await readFile((await download.path()) as string);
    const text = squash((await extractPdfText(new Uint8Array(pdf))).text);
    expect(text).toContain(fullName);
    expect(text).toContain(DEMO_COURSE.title);
    expect(text).toContain("Thời lượng: 1 giờ");
    expect(text).toContain("XÃ KIM THÀNH");
    const verifyUrl = /Tra cứu: (\S+)/.exec(text)?.[1] ?? "";
    expect(verifyUrl).toMatch(/\/v\/KH(-[0-9A-Z]{4}){4}$/);

    // The verification page the QR code opens, on a stranger's phone (not the learner's own
    // session, whose page data rightly carries their name), says valid and shows no more than
    // initials.
    const stranger = await openPage(browser, VIEWPORTS.phone);
    await stranger.page.goto(verifyUrl);
    await expect.poll(() => stranger.page.locator(".verify-status").textContent()).toBe("Chứng nhận hợp lệ");
    expect(await stranger.page.content()).not.toContain(fullName);
    await expectAccessible(stranger.page);
    await expectNoSidewaysScroll(stranger.page);
    expect(stranger.errors).toEqual([]);
    await stranger.context.close();

    await page.goto("/my/certificates");
    await expect.poll(() => page.getByRole("heading", { name: DEMO_COURSE.title }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
