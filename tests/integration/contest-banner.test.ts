import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicContest } from "~/contests/public.server";
import { loader as fileLoader } from "~/routes/files.$";
import { action as setupAction } from "~/routes/manage.contests.$contestId._index";
import { action as newContestAction } from "~/routes/manage.contests.new";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

let runtime: TestRuntime;
let cookie: string;
let kimThanh: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  cookie = await sessionCookie(
    runtime.db,
    (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  kimThanh = await nodeId(runtime.db, "HP-KIMTHANH");
});
afterAll(() => runtime?.stop());

function contestForm(fields: Record<string, string>, banner?: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  const all: Record<string, string> = { intent: "save", orgNodeId: kimThanh, audience: "public", ...fields };
  for (const [key, value] of Object.entries(all)) form.set(key, value);
  form.set(
    "banner",
    banner ? new File([new Uint8Array(banner.bytes)], banner.name, { type: banner.type }) : new File([], ""),
  );
  return form;
}

/** Calls a route's action as the organizer would post it (multipart, with the session cookie). */
async function post(action: ActionFunction, url: string, form: FormData, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  const response = (await action({ request, params, context: {} })) as Response;
  return { status: response.status, location: response.headers.get("Location"), body: response };
}

async function failureOf(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string>; values: Record<string, string> };
}

async function getFile(key: string) {
  try {
    return (await (fileLoader as LoaderFunction)({
      request: new Request(`http://localhost/files/${key}`),
      params: { "*": key },
      context: {},
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("a contest banner", () => {
  it("is stored under DATA_DIR/uploads by its content, served with a year's cache, and shown publicly", async () => {
    const created = await post(
      newContestAction,
      "/manage/contests/new",
      contestForm({ title: "Cuộc thi có ảnh bìa tải lên" }, { bytes: PNG, name: "anh bia.PNG", type: "image/png" }),
    );
    expect(created.status).toBe(302);
    const contestId = created.location?.split("/").pop() ?? "";
    const contest = await runtime.db.contest.findUniqueOrThrow({ where: { id: contestId } });
    const key = `banners/${createHash("sha256").update(PNG).digest("hex")}.png`;
    expect(contest.bannerUrl).toBe(`/files/${key}`);
    expect(readFileSync(path.join(runtime.env.dataDir, "uploads", key)).equals(PNG)).toBe(true);

    const served = await getFile(key);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    await runtime.db.contest.update({ where: { id: contestId }, data: { status: "PUBLISHED" } });
    expect((await publicContest(runtime.db, contest.slug, null))?.bannerUrl).toBe(`/files/${key}`);

    // Editing: a new upload replaces it; emptying the address removes it.
    const replaced = await post(
      setupAction,
      `/manage/contests/${contestId}`,
      contestForm(
        { title: contest.title, slug: contest.slug, bannerUrl: `/files/${key}` },
        { bytes: JPEG, name: "poster.jpg", type: "image/jpeg" },
      ),
      { contestId },
    );
    expect(replaced.status).toBe(302);
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: contestId } })).bannerUrl).toMatch(
      /^\/files\/banners\/[0-9a-f]{64}\.jpg$/,
    );
    await post(
      setupAction,
      `/manage/contests/${contestId}`,
      contestForm({ title: contest.title, slug: contest.slug }),
      {
        contestId,
      },
    );
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: contestId } })).bannerUrl).toBeNull();
  });

  it("refuses a file that is not a PNG, JPEG or WebP whatever its name, keeping what was typed", async () => {
    const svg = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>");
    const refused = await post(
      newContestAction,
      "/manage/contests/new",
      contestForm(
        { title: "Cuộc thi với ảnh giả", rules: "Thể lệ đã gõ" },
        { bytes: svg, name: "banner.png", type: "image/png" },
      ),
    );
    expect(refused.status).toBe(400);
    const failure = await failureOf(refused.body);
    expect(failure.fieldErrors).toEqual({ banner: "errors.contest.bannerType" });
    expect(failure.values).toMatchObject({ title: "Cuộc thi với ảnh giả", rules: "Thể lệ đã gõ" });
    expect(await runtime.db.contest.count({ where: { title: "Cuộc thi với ảnh giả" } })).toBe(0);
    const stored = path.join(runtime.env.dataDir, "uploads", "banners");
    expect(existsSync(stored) ? readdirSync(stored).filter((name) => name.endsWith(".png")) : []).not.toContain(
      `${createHash("sha256").update(svg).digest("hex")}.png`,
    );
  });

  it("refuses one over 2 MB without losing the other fields", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG.subarray(0, 8));
    const rules = "Điều 1. Thí sinh làm bài trong thời gian quy định.\n".repeat(300);
    const refused = await post(
      newContestAction,
      "/manage/contests/new",
      contestForm({ title: "Cuộc thi ảnh quá lớn", rules }, { bytes: big, name: "to.png", type: "image/png" }),
    );
    expect(refused.status).toBe(400);
    const failure = await failureOf(refused.body);
    expect(failure.fieldErrors).toEqual({ banner: "errors.contest.bannerTooLarge" });
    // Form posts carry line breaks as CRLF, as browsers send them.
    expect(failure.values.rules.replace(/\r\n/g, "\n")).toBe(rules);
  });

  it("serves nothing outside the store", async () => {
    for (const key of ["../../etc/passwd", "banners/../../secret.png", "banners/abc.png", "banners/%2e%2e.png"])
      expect((await getFile(key)).status, key).toBe(404);
    expect((await getFile(`banners/${"0".repeat(64)}.png`)).status).toBe(404);
  });
});
