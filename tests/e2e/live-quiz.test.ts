import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../seeds/demo";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, type TestPage, VIEWPORTS } from "./browser";

const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
const NAMES = ["Hoa lớp 9A", "Minh lớp 9B", "Thảo lớp 8C"];

/**
 * A live quiz from end to end in separate browsers (issue 5): the organizer creates a
 * three-question session and projects it; three players join on phones (by the QR link and by
 * typing the code), answer each question, one of them reloads mid-game and comes back with
 * their score; each phone shows its rank, the projector the final standings, and the Excel
 * download holds the same ranking.
 */
describe.skipIf(!chromiumPath)("live quiz: a host and three players", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("plays a 3-question quiz to the end", async () => {
    const host = await openPage(browser, VIEWPORTS.desktop);
    await logIn(host.page, organizer.identifier, organizer.password);
    await host.page.goto("/manage/live");
    await expectAccessible(host.page);
    await host.page.getByLabel("Tên phiên thi").fill("Rung chuông vàng pháp luật (thử)");
    await host.page.getByLabel("Số câu hỏi").fill("3");
    await host.page.getByLabel("Thời gian mỗi câu (giây)").fill("60");
    await host.page.getByRole("button", { name: "Tạo phiên thi" }).click();
    await host.page.waitForURL(/\/manage\/live\/[^/]+$/);
    const code = (await host.page.locator(".quiz-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const joinLink = (await host.page.locator(".quiz-url a").getAttribute("href")) ?? "";
    expect(joinLink).toContain(`/live?code=${code}`);
    await expect.poll(() => host.page.getByText("Đang cập nhật trực tiếp.").isVisible()).toBe(true);
    await expectAccessible(host.page);

    // Two players follow the QR link; the third types the code on the join page.
    const players: TestPage[] = [];
    for (const [index, name] of NAMES.entries()) {
      const player = await openPage(browser, VIEWPORTS.phone);
      players.push(player);
      await player.page.goto(index < 2 ? new URL(joinLink).pathname + new URL(joinLink).search : "/live");
      if (index === 2) await player.page.getByLabel("Mã phòng").fill(code);
      await player.page.getByLabel("Tên hiển thị").fill(name);
      await player.page.getByRole("button", { name: "Vào phòng" }).click();
      await expect.poll(() => player.page.getByText(/Bạn đã vào phòng/).isVisible()).toBe(true);
    }
    await expectAccessible(players[0].page);
    await expect.poll(() => host.page.getByRole("heading", { name: "Người chơi (3)" }).isVisible()).toBe(true);

    await host.page.getByRole("button", { name: "Bắt đầu" }).click();
    for (let question = 1; question <= 3; question++) {
      await expect.poll(() => host.page.getByText(`Câu ${question}/3`).isVisible()).toBe(true);
      for (const [index, player] of players.entries()) {
        await expect.poll(() => player.page.getByText(`Câu ${question}/3`).isVisible()).toBe(true);
        if (question === 2 && index === 0) {
          // A phone reloads mid-game: the same player comes back, score kept.
          const before = (await player.page.locator(".quiz-status").textContent()) ?? "";
          await player.page.reload();
          await expect.poll(() => player.page.getByText(`Bạn: ${NAMES[0]}`).isVisible()).toBe(true);
          expect(await player.page.locator(".quiz-status").textContent()).toBe(before);
        }
        if (question === 1 && index === 0) await expectAccessible(player.page);
        await player.page
          .locator(".quiz-answer")
          .nth((index + question) % 2)
          .click();
        // A multiple-choice question (the draw may give one) is sent with its own button.
        const send = player.page.getByRole("button", { name: "Gửi câu trả lời" });
        if (await send.isVisible()) await send.click();
        // The last answer closes the question within one progress tick (half a second), so
        // that phone may already show its result instead of the waiting note: "right" or
        // "wrong" says the answer counted as surely ("missed" would say it did not).
        const recorded =
          index < players.length - 1
            ? player.page.getByText(/Đã ghi nhận câu trả lời/)
            : player.page.getByText(/Đã ghi nhận câu trả lời|Chính xác!|Chưa đúng\./);
        await expect.poll(() => recorded.first().isVisible()).toBe(true);
      }
      // Everyone answered: the question closes at once and each phone shows its rank.
      await expect.poll(() => host.page.getByText(/3 người trả lời/).isVisible()).toBe(true);
      await expect.poll(() => host.page.getByRole("table", { name: "10 người dẫn đầu" }).isVisible()).toBe(true);
      for (const player of players)
        await expect.poll(() => player.page.getByText(/^Hạng \d\/3/).isVisible()).toBe(true);
      if (question === 1) await expectAccessible(host.page);
      await host.page.getByRole("button", { name: question < 3 ? "Câu tiếp theo" : "Xem kết quả chung cuộc" }).click();
    }

    // The end: the projector's final standings agree with what each phone says.
    const standings = host.page.getByRole("table", { name: "Bảng xếp hạng chung cuộc" });
    await expect.poll(() => standings.getByRole("row").count()).toBe(4);
    await expectAccessible(host.page);
    const rankOf = new Map<string, number>();
    for (const name of NAMES) {
      const row = standings.getByRole("row").filter({ hasText: name });
      rankOf.set(name, Number((await row.getByRole("cell").first().textContent())?.trim()));
    }
    for (const [index, player] of players.entries()) {
      await expect.poll(() => player.page.getByText("Kết quả chung cuộc").isVisible()).toBe(true);
      expect(await player.page.locator(".quiz-rank").textContent()).toContain(`Hạng ${rankOf.get(NAMES[index])}/3`);
      expect(player.errors).toEqual([]);
    }

    const [download] = await Promise.all([
      host.page.waitForEvent("download"),
      host.page.getByRole("link", { name: "Tải kết quả (Excel)" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ranking = workbook.getWorksheet("Xếp hạng");
    if (!ranking) throw new Error("the workbook has no ranking sheet");
    const rows = (ranking.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
    const people = rows.slice(rows.findIndex((row) => row[0] === "Hạng") + 1);
    expect(people).toHaveLength(3);
    for (const [rank, name] of people.map((row) => [row[0], row[1]] as const))
      expect(rankOf.get(String(name))).toBe(rank);
    expect(workbook.getWorksheet("Câu hỏi")?.rowCount).toBe(4);
    expect(host.errors).toEqual([]);
    for (const page of [host, ...players]) await page.context.close();
  });
});
