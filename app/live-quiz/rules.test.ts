import { describe, expect, it } from "vitest";
import {
  answerPoints,
  joinCodeSchema,
  MAX_POINTS,
  MIN_POINTS,
  newJoinCode,
  nicknameKey,
  nicknameSchema,
  sessionFormSchema,
} from "./rules";

describe("live quiz points", () => {
  it("gives nothing for a wrong answer, however fast", () => {
    expect(answerPoints(false, 0, 20_000)).toBe(0);
  });

  it("falls from the maximum for an instant answer to the minimum at the deadline", () => {
    expect(answerPoints(true, 0, 20_000)).toBe(MAX_POINTS);
    expect(answerPoints(true, 10_000, 20_000)).toBe((MAX_POINTS + MIN_POINTS) / 2);
    expect(answerPoints(true, 20_000, 20_000)).toBe(MIN_POINTS);
    // A clock that says "after the deadline" or "before the opening" stays within the range.
    expect(answerPoints(true, 25_000, 20_000)).toBe(MIN_POINTS);
    expect(answerPoints(true, -5, 20_000)).toBe(MAX_POINTS);
  });

  it("always rewards a right answer over a wrong one and a faster right one over a slower", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let elapsed = 0; elapsed <= 30_000; elapsed += 1_000) {
      const points = answerPoints(true, elapsed, 30_000);
      expect(points).toBeGreaterThan(answerPoints(false, elapsed, 30_000));
      expect(points).toBeLessThanOrEqual(previous);
      previous = points;
    }
  });
});

describe("nicknames and codes", () => {
  it("accepts Vietnamese names, tidies spaces, and refuses markup and the empty", () => {
    expect(nicknameSchema.parse("  Nguyễn   Thị  Lan ")).toBe("Nguyễn Thị Lan");
    expect(nicknameSchema.parse("lop_9A-2")).toBe("lop_9A-2");
    for (const bad of ["", "a", "<b>x</b>", "x".repeat(31), "tên\u0000", "'; DROP TABLE"])
      expect(nicknameSchema.safeParse(bad).success).toBe(false);
  });

  it("tells names apart regardless of case and accents, as a room would", () => {
    expect(nicknameKey("Lân")).toBe(nicknameKey("lan"));
    expect(nicknameKey("Đức")).toBe(nicknameKey("duc"));
    expect(nicknameKey("An")).not.toBe(nicknameKey("Ân Anh"));
  });

  it("reads a code typed with spaces, and makes six-digit codes that do not start with 0", () => {
    expect(joinCodeSchema.parse("123 456")).toBe("123456");
    expect(joinCodeSchema.safeParse("12345").success).toBe(false);
    expect(newJoinCode(() => 0)).toBe("100000");
    expect(newJoinCode(() => 0.999999)).toMatch(/^9\d{5}$/);
  });

  it("checks the organizer's session form, with the reasons as message keys", () => {
    const base = {
      title: "Rung chuông vàng",
      orgNodeId: "n",
      bankId: "b",
      questionCount: "10",
      secondsPerQuestion: "20",
    };
    expect(sessionFormSchema.parse(base)).toMatchObject({
      questionCount: 10,
      secondsPerQuestion: 20,
      shuffleOptions: false,
    });
    const bad = sessionFormSchema.safeParse({ ...base, questionCount: "0", secondsPerQuestion: "600", bankId: "" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message).sort()).toEqual([
      "errors.quiz.bankRequired",
      "errors.quiz.questionCount",
      "errors.quiz.seconds",
    ]);
  });
});
