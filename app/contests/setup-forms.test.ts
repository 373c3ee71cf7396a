import { describe, expect, it } from "vitest";
import {
  contestFormValues,
  editRuleRows,
  readContestForm,
  readRoundForm,
  roundFormValues,
  ruleRows,
} from "./setup-forms";

const formOf = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const goodRound = {
  name: "Đợt 1",
  opensAt: "2026-03-01T08:00",
  closesAt: "2026-03-08T17:00",
  timeLimitMinutes: "20",
  attemptsAllowed: "2",
  countingAttempt: "BEST",
  pointsPerQuestion: "1",
  reviewPolicy: "SCORE_ONLY",
  leaderboardVisibility: "LIVE",
  shuffleQuestions: "on",
  tieBreak1: "time",
  tieBreak2: "prediction",
  tieBreak3: "submittedAt",
  blueprintMode: "rules",
  "rule.0.bankId": "bank-a",
  "rule.0.topicId": "",
  "rule.0.difficulty": "EASY",
  "rule.0.count": "5",
  "rule.3.bankId": "bank-a",
  "rule.3.topicId": "topic-1",
  "rule.3.difficulty": "",
  "rule.3.count": "10",
};

describe("the round form", () => {
  it("reads times as Vietnam time, minutes as seconds, score first in the tie-break order", () => {
    const read = readRoundForm(formOf(goodRound));
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    expect(read.round).toMatchObject({
      opensAt: new Date("2026-03-01T01:00:00Z"),
      closesAt: new Date("2026-03-08T10:00:00Z"),
      timeLimitSeconds: 1200,
      attemptsAllowed: 2,
      shuffleQuestions: true,
      shuffleOptions: false,
      predictionEnabled: false,
      tieBreakOrder: ["score", "time", "prediction", "submittedAt"],
      blueprint: {
        rules: [
          { bankId: "bank-a", topicId: null, difficulty: "EASY", count: 5 },
          { bankId: "bank-a", topicId: "topic-1", difficulty: null, count: 10 },
        ],
      },
    });
  });

  it("puts each refusal on the field the organizer typed it in, keeping every value", () => {
    const typed = {
      ...goodRound,
      opensAt: "2026-02-30T08:00",
      timeLimitMinutes: "1,5",
      tieBreak2: "time",
      "rule.3.count": "0",
    };
    const read = readRoundForm(formOf(typed));
    if (read.ok) throw new Error("should be refused");
    expect(read.fieldErrors).toEqual({
      opensAt: "errors.contest.dateInvalid",
      timeLimitMinutes: "errors.contest.timeLimitRange",
      tieBreakOrder: "errors.contest.tieBreakInvalid",
      "rule.3.count": "errors.contest.countTooSmall",
    });
    expect(read.values).toEqual(typed);
  });

  it("refuses a window that closes before it opens, and a fixed list with nothing ticked", () => {
    const backwards = readRoundForm(formOf({ ...goodRound, closesAt: "2026-03-01T07:59" }));
    expect(backwards.ok || backwards.fieldErrors).toEqual({ closesAt: "errors.contest.closesBeforeOpens" });
    const empty = readRoundForm(formOf({ ...goodRound, blueprintMode: "fixed" }));
    expect(empty.ok || empty.fieldErrors).toEqual({ blueprint: "errors.contest.blueprintEmpty" });
    const fixed = readRoundForm(
      formOf({ ...goodRound, blueprintMode: "fixed", "question.q1": "on", "question.q2": "on" }),
    );
    expect(fixed.ok && fixed.round.blueprint).toEqual({ questionIds: ["q1", "q2"] });
  });

  it("adds and removes rule rows without JavaScript", () => {
    const added = editRuleRows(goodRound, "addRule");
    expect(ruleRows(added).map((row) => [row.index, row.bankId, row.count])).toEqual([
      [0, "bank-a", "5"],
      [3, "bank-a", "10"],
      [4, "bank-a", ""],
    ]);
    const removed = editRuleRows(added, "removeRule.0");
    expect(ruleRows(removed).map((row) => row.index)).toEqual([3, 4]);
    expect(removed.name).toBe("Đợt 1");
  });

  it("round-trips a stored round through the form", () => {
    const stored = {
      name: "Đợt 2",
      opensAt: new Date("2026-03-01T01:00:00Z"),
      closesAt: new Date("2026-03-08T10:00:00Z"),
      timeLimitSeconds: 1200,
      attemptsAllowed: 2,
      countingAttempt: "LAST" as const,
      pointsPerQuestion: 2,
      shuffleQuestions: false,
      shuffleOptions: true,
      predictionEnabled: true,
      reviewPolicy: "ANSWERS_AFTER_CLOSE" as const,
      leaderboardVisibility: "AFTER_CLOSE" as const,
      tieBreakOrder: ["score", "submittedAt", "time", "prediction"],
      blueprint: { rules: [{ bankId: "bank-a", topicId: null, difficulty: "HARD" as const, count: 3 }] },
    };
    const values = roundFormValues(stored);
    expect(values).toMatchObject({ opensAt: "2026-03-01T08:00", closesAt: "2026-03-08T17:00", timeLimitMinutes: "20" });
    const read = readRoundForm(formOf(values));
    expect(read.ok && read.round).toEqual(stored);
  });
});

const newContestStored = () => ({
  title: "Cuộc thi mẫu",
  slug: "cuoc-thi-mau",
  description: null,
  rules: null,
  orgNodeId: "node-1",
  audienceNodeIds: [],
  registrationFields: { fullName: "required" },
  privacyNotice: null,
  bannerUrl: null,
  certificateEnabled: false,
});

describe("the contest form", () => {
  it("reads the audience, registration fields and certificate choice", () => {
    const read = readContestForm(
      formOf({
        title: "Cuộc thi tìm hiểu Luật Phòng, chống ma túy",
        slug: "",
        orgNodeId: "node-1",
        audience: "members",
        "audience.node-2": "on",
        "audience.node-3": "on",
        "field.fullName": "required",
        "field.phone": "optional",
        "field.citizenId": "sometimes",
        certificateEnabled: "on",
        privacyNotice: "  ",
        rules: "Điều 1. Đối tượng.\r\nĐiều 2. Thời gian.\r\n",
      }),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    expect(read.input).toMatchObject({
      slug: undefined,
      audienceNodeIds: ["node-2", "node-3"],
      registrationFields: { fullName: "required", phone: "optional", citizenId: "off", unit: "off" },
      certificateEnabled: true,
      privacyNotice: null,
      // Browsers post line breaks as CRLF; stored texts use LF.
      rules: "Điều 1. Đối tượng.\nĐiều 2. Thời gian.",
    });
  });

  it("asks for at least one unit when the contest is for members, keeping what was typed", () => {
    const typed = {
      title: "Cuộc",
      orgNodeId: "node-1",
      audience: "members",
      slug: "Có Dấu",
      rules: "Thể lệ ".repeat(500),
    };
    const read = readContestForm(formOf(typed));
    if (read.ok) throw new Error("should be refused");
    expect(read.fieldErrors).toEqual({
      audienceNodeIds: "errors.contest.audienceEmpty",
      title: "errors.contest.titleTooShort",
      slug: "errors.contest.slugInvalid",
    });
    // Long texts come back whole.
    expect(read.values).toEqual(typed);
  });

  it("reads the retention in months: empty keeps answers, anything but 1–120 whole months is refused", () => {
    const base = { title: "Cuộc thi mẫu về lưu trữ", orgNodeId: "node-1", audience: "public" };
    const retention = (typed: string) => {
      const read = readContestForm(formOf({ ...base, retentionMonths: typed }));
      return read.ok ? read.input.retentionMonths : read.fieldErrors.retentionMonths;
    };
    expect(retention("")).toBeNull();
    expect(retention(" 12 ")).toBe(12);
    for (const typed of ["0", "121", "6,5", "sáu", "-3"])
      expect(retention(typed)).toBe("errors.contest.retentionInvalid");
    expect(contestFormValues({ ...newContestStored(), retentionMonths: 24 }).retentionMonths).toBe("24");
  });

  it("round-trips a stored contest through the form", () => {
    const values = contestFormValues({
      title: "Cuộc thi mẫu",
      slug: "cuoc-thi-mau",
      description: null,
      rules: "Thể lệ",
      orgNodeId: "node-1",
      audienceNodeIds: ["node-2"],
      registrationFields: { fullName: "required", gender: "optional" },
      privacyNotice: "Thông báo",
      bannerUrl: null,
      certificateEnabled: true,
    });
    const read = readContestForm(formOf(values));
    expect(read.ok && read.input).toMatchObject({
      slug: "cuoc-thi-mau",
      audienceNodeIds: ["node-2"],
      registrationFields: { fullName: "required", gender: "optional", phone: "off" },
      certificateEnabled: true,
      description: null,
      bannerUrl: null,
    });
  });
});
