import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client.server";
import { REPORT_SHEETS } from "~/targets/report-excel.server";
import { createUserWithRole, TEST_PASSWORD } from "../support/fixtures";
import { connectToServerDb } from "../support/server-db";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { chromiumPath, expectAccessible, launchBrowser, logIn, openPage, VIEWPORTS } from "./browser";

/**
 * Issue 7's check: an organizer opens the dashboard, drills into a commune, downloads the Excel
 * report, and the file's numbers equal the dashboard's. Its own server, so the test can add an
 * organizer of the city and some activity: four of xã Kim Thành's demo officials complete the
 * demo course (a course of the category its plan counts) and rate it 5, 5, 4 and 2 stars.
 */
let server: ServerProcess;
let database: ReturnType<typeof connectToServerDb>;
let db: Db;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let organizerEmail = "";

/** "2026-12-31": the last day of this month in Vietnam time, the end of the period asked for. */
function lastDayOfThisMonth(): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** "66,7 (Còn xa)" → 66.7; "–" → null. */
const numberIn = (text: string | null) => {
  const match = /-?\d+(?:,\d+)?/.exec(text ?? "");
  return match ? Number(match[0].replace(",", ".")) : null;
};

/** The values table as {key: [result, target]}. */
async function valuesOnPage(page: Page): Promise<Record<string, [number | null, number | null]>> {
  const rows = page.locator("#indicator-values-table tbody tr");
  const values: Record<string, [number | null, number | null]> = {};
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    const cells = row.locator("td");
    values[(await row.getAttribute("data-line")) ?? ""] = [
      numberIn(await cells.nth(0).textContent()),
      numberIn(await cells.nth(2).textContent()),
    ];
  }
  return values;
}

describe.skipIf(!chromiumPath)("the indicator dashboard", () => {
  beforeAll(async () => {
    server = await startServerProcess();
    database = connectToServerDb(server);
    db = database.db;
    organizerEmail = (
      await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP", fullName: "Ban tổ chức thành phố (thử)" })
    ).email;
    const course = await db.course.findFirstOrThrow({ where: { category: "Kỹ năng chuyển đổi số trong PBGDPL" } });
    const officials = await db.rosterMember.findMany({
      where: { orgNode: { code: "HP-KIMTHANH" }, role: "OFFICIAL" },
      orderBy: { fullName: "asc" },
      take: 4,
    });
    expect(officials).toHaveLength(4);
    const stars = [5, 5, 4, 2];
    for (const [index, official] of officials.entries()) {
      await db.enrolment.upsert({
        where: { courseId_userId: { courseId: course.id, userId: official.userId } },
        create: { userId: official.userId, courseId: course.id, completedAt: new Date() },
        update: { completedAt: new Date() },
      });
      await db.rating.create({
        data: {
          userId: official.userId,
          subject: "COURSE",
          courseId: course.id,
          orgNodeId: course.orgNodeId,
          stars: stars[index],
        },
      });
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await database?.close();
    await server?.cleanup();
  });

  it("drills from the city into xã Kim Thành, and the Excel report has the dashboard's numbers", async () => {
    const { page, context, errors } = await openPage(browser, VIEWPORTS.desktop, server.url);
    await logIn(page, organizerEmail, TEST_PASSWORD);
    await page.goto("/manage/indicators");
    await page.getByLabel("Từ ngày").fill("2025-01-01");
    await page.getByLabel("Đến ngày").fill(lastDayOfThisMonth());
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/from=2025-01-01/);
    await expect.poll(() => page.getByRole("heading", { name: /Thành phố Hải Phòng/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    // The city's table lists its communes; Kim Thành's residents reached is kept for later.
    const kimThanhRow = page.locator('#indicator-children-table tr[data-node="HP-KIMTHANH"]');
    const reachedInCity = numberIn(await kimThanhRow.locator("td").nth(2).textContent());
    expect(reachedInCity).not.toBeNull();

    await page.getByRole("link", { name: "Xem Xã Kim Thành" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /Xã Kim Thành — Kết quả/ }).isVisible()).toBe(true);
    expect(
      await page
        .getByText(/1092\/KH-UBND/)
        .first()
        .isVisible(),
    ).toBe(true);
    const shown = await valuesOnPage(page);
    // Kim Thành's plan counts officials and propagandists who complete its digital-skills courses.
    const counted = await db.rosterMember.findMany({
      where: { orgNode: { code: { startsWith: "HP-KIMTHANH" } }, role: { in: ["OFFICIAL", "PROPAGANDIST"] } },
      distinct: ["userId"],
    });
    expect(shown.officialsTrained).toEqual([Math.round((4 / counted.length) * 1000) / 10, 80]);
    // 5, 5 and 4 stars of 4 ratings.
    expect(shown.satisfaction).toEqual([75, null]);
    expect(shown.residentsReached[0]).toBe(reachedInCity);
    await expectAccessible(page);
    expect(await page.getByRole("row", { name: /Cán bộ demo/ }).count()).toBe(counted.length - 4);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải báo cáo Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-chi-so-HP-KIMTHANH-2025-01-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet(REPORT_SHEETS.summary)?.getSheetValues() ?? []) as unknown[][];
    const lineNames: Record<string, string> = {
      officialsTrained: "Cán bộ được bồi dưỡng kỹ năng chuyển đổi số",
      onlineTraining: "Hoạt động tập huấn tổ chức trực tuyến",
      onlineTrainingHours: "Tập huấn trực tuyến theo giờ học",
      residentsReached: "Người dân được tiếp cận qua kênh số",
      satisfaction: "Người dùng hài lòng (4–5 sao)",
    };
    expect(Object.keys(shown).sort()).toEqual(Object.keys(lineNames).sort());
    for (const [key, [value, target]] of Object.entries(shown)) {
      const row = rows.find((candidate) => candidate?.[1] === lineNames[key]);
      expect(row, key).toBeDefined();
      expect([row?.[2] ?? null, row?.[5] ?? null], key).toEqual([value, target]);
    }
    const untrained = workbook.getWorksheet(REPORT_SHEETS.untrained)?.getSheetValues() as unknown[][];
    expect(
      untrained.filter((row) => typeof row?.[2] === "string" && String(row[2]).startsWith("Cán bộ demo")),
    ).toHaveLength(counted.length - 4);
    expect(errors).toEqual([]);
    await context.close();
  });
});
