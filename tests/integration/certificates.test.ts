import type { LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFlash } from "~/auth/session.server";
import { certificateCode } from "~/certificates/codes.server";
import { startAttempt, submitAttempt } from "~/contests/attempts.server";
import { createI18n } from "~/i18n/i18n";
import { DEMO_CONTEST, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId, sessionCookie } from "../support/fixtures";
import { extractPdfText } from "../support/pdf-text";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let demoRoundId = "";
let plainRoundId = "";
let certificateLoader: LoaderFunction;
let resultLoader: LoaderFunction;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const demo = await runtime.db.contest.findUniqueOrThrow({
    where: { slug: DEMO_CONTEST.slug },
    include: { rounds: { orderBy: { position: "asc" } } },
  });
  demoRoundId = demo.rounds[0].id;
  // The same round in a contest whose organizer did not enable certificates.
  const plain = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, DEMO_CONTEST.nodeCode),
      title: "Cuộc thi không cấp giấy chứng nhận (thử)",
      slug: "khong-cap-giay-chung-nhan",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  const { id: _id, contestId: _contestId, ...round } = demo.rounds[0];
  plainRoundId = (
    await runtime.db.round.create({ data: { ...round, contestId: plain.id, blueprint: round.blueprint ?? {} } })
  ).id;
  certificateLoader = (await import("../../app/routes/attempts.$attemptId.certificate[.pdf]")).loader;
  resultLoader = (await import("../../app/routes/attempts.$attemptId.result")).loader;
});
afterAll(() => runtime?.stop());

/** A contestant registered for the round's contest with these answers, and a session for them. */
async function contestant(roundId: string, fields: Record<string, string>, accountName = "Tài Khoản Thử (demo)") {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: accountName,
  });
  const round = await runtime.db.round.findUniqueOrThrow({ where: { id: roundId } });
  await runtime.db.registration.create({
    data: { contestId: round.contestId, userId: user.id, fields, consentAt: new Date(), consentVersion: 1 },
  });
  return { userId: user.id, cookie: await sessionCookie(runtime.db, user.id) };
}

async function attemptOf(roundId: string, userId: string, submit = true): Promise<string> {
  const started = await startAttempt(runtime.db, { userId, roundId });
  if (!started.ok) throw new Error(started.code);
  if (submit) {
    const submitted = await submitAttempt(runtime.db, { attemptId: started.attemptId, userId });
    if (!submitted.ok) throw new Error(submitted.code);
  }
  return started.attemptId;
}

async function call(loader: LoaderFunction, path: string, attemptId: string, cookie: string): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    const result = await loader({ request, params: { attemptId }, context: {} });
    if (!(result instanceof Response)) throw new Error("the loader did not answer with a Response");
    return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const download = (attemptId: string, cookie: string) =>
  call(certificateLoader, `/attempts/${attemptId}/certificate.pdf`, attemptId, cookie);

/** The Vietnamese message the refusal carries to the next page. */
async function flashedMessage(response: Response): Promise<string> {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  const { flash } = await readFlash(new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } }));
  return flash ? createI18n("vi").t(flash.message) : "";
}

describe("certificate of participation", () => {
  it("is a PDF in the registered name, with a stable number derived from the attempt", async () => {
    const { userId, cookie } = await contestant(demoRoundId, {
      fullName: "Thí Sinh Đăng Ký Thử (demo)",
      unit: "Lớp 9A (demo)",
    });
    const attemptId = await attemptOf(demoRoundId, userId);
    const response = await download(attemptId, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const code = certificateCode(runtime.sessionSecret, "contest", attemptId);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="giay-chung-nhan-${code}.pdf"`);
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const text = (await extractPdfText(pdf)).text.replace(/\s+/g, " ");
    expect(text).toContain("Thí Sinh Đăng Ký Thử (demo)");
    expect(text).not.toContain("Tài Khoản Thử (demo)");
    expect(text).toContain("Đơn vị: Lớp 9A (demo)");
    expect(text).toContain("Cuộc thi trực tuyến tìm hiểu pháp luật xã Kim Thành");
    expect(text).toContain("Đợt 1");
    expect(text).toContain("XÃ KIM THÀNH");
    expect(text).toMatch(/Kim Thành, ngày \d\d tháng \d\d? năm \d{4}/);
    expect(text).toContain(`Số hiệu: ${code}`);

    // A second download is the same certificate (same number, same date).
    const again = (await extractPdfText(new Uint8Array(await (await download(attemptId, cookie)).arrayBuffer()))).text;
    expect(again.replace(/\s+/g, " ")).toBe(text);
    // The result page offers it.
    const result = await call(resultLoader, `/attempts/${attemptId}/result`, attemptId, cookie);
    expect(((await result.json()) as { certificateAvailable: boolean }).certificateAvailable).toBe(true);
  });

  it("uses the account's name when the registration has none, and counts an attempt closed at its deadline", async () => {
    const { userId, cookie } = await contestant(demoRoundId, {}, "Người Dùng Không Khai Tên (demo)");
    const attemptId = await attemptOf(demoRoundId, userId, false);
    // The deadline passed while nobody was looking: the download closes the attempt first.
    await runtime.db.attempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 1000) } });
    const response = await download(attemptId, cookie);
    expect(response.status).toBe(200);
    const text = (await extractPdfText(new Uint8Array(await response.arrayBuffer()))).text;
    expect(text).toContain("Người Dùng Không Khai Tên (demo)");
    expect((await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("EXPIRED");
  });

  it("is refused, with the reason in Vietnamese, while the attempt runs", async () => {
    const { userId, cookie } = await contestant(demoRoundId, { fullName: "Thí Sinh Đang Làm Bài (demo)" });
    const attemptId = await attemptOf(demoRoundId, userId, false);
    const response = await download(attemptId, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/attempts/${attemptId}`);
    expect(await flashedMessage(response)).toBe(
      "Bài thi chưa nộp: giấy chứng nhận chỉ được cấp sau khi bài thi kết thúc.",
    );
  });

  it("is refused for an annulled attempt, and the result page no longer offers it", async () => {
    const { userId, cookie } = await contestant(demoRoundId, { fullName: "Thí Sinh Bị Hủy Kết Quả (demo)" });
    const attemptId = await attemptOf(demoRoundId, userId);
    await runtime.db.attempt.update({
      where: { id: attemptId },
      data: { status: "ANNULLED", annulledAt: new Date(), annulledReason: "Thử nghiệm hủy kết quả" },
    });
    const response = await download(attemptId, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/attempts/${attemptId}/result`);
    expect(await flashedMessage(response)).toContain("đã bị ban tổ chức hủy");
    const result = await call(resultLoader, `/attempts/${attemptId}/result`, attemptId, cookie);
    expect(((await result.json()) as { certificateAvailable: boolean }).certificateAvailable).toBe(false);
  });

  it("is refused when the contest does not issue certificates", async () => {
    const { userId, cookie } = await contestant(plainRoundId, { fullName: "Thí Sinh Cuộc Thi Khác (demo)" });
    const attemptId = await attemptOf(plainRoundId, userId);
    const response = await download(attemptId, cookie);
    expect(response.status).toBe(302);
    expect(await flashedMessage(response)).toBe("Cuộc thi này không cấp giấy chứng nhận tham gia.");
    const result = await call(resultLoader, `/attempts/${attemptId}/result`, attemptId, cookie);
    expect(((await result.json()) as { certificateAvailable: boolean }).certificateAvailable).toBe(false);
  });

  it("does not exist for anyone but the attempt's owner", async () => {
    const owner = await contestant(demoRoundId, { fullName: "Chủ Bài Thi (demo)" });
    const attemptId = await attemptOf(demoRoundId, owner.userId);
    const stranger = await contestant(demoRoundId, { fullName: "Người Khác (demo)" });
    expect((await download(attemptId, stranger.cookie)).status).toBe(404);
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: DEMO_CONTEST.nodeCode });
    expect((await download(attemptId, await sessionCookie(runtime.db, organizer.id))).status).toBe(404);
    const anonymous = await download(attemptId, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await download("no-such-attempt", owner.cookie)).status).toBe(404);
  });
});
