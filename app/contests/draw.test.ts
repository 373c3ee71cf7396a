import { describe, expect, it } from "vitest";
import { type Candidate, drawQuestions, seededRandom } from "./draw";

const candidates: Candidate[] = Array.from({ length: 60 }, (_, i) => ({
  questionId: `q${i}`,
  versionId: `v${i}`,
  bankId: i < 50 ? "bank" : "other",
  topicIds: [i % 2 === 0 ? "giao-thong" : "lao-dong"],
  difficulty: (["EASY", "MEDIUM", "HARD"] as const)[i % 3],
  optionCount: 4,
}));

const blueprint = {
  rules: [
    { bankId: "bank", difficulty: "EASY" as const, count: 5 },
    { bankId: "bank", difficulty: "MEDIUM" as const, count: 10 },
    { bankId: "bank", difficulty: "HARD" as const, count: 5 },
  ],
};

describe("drawQuestions", () => {
  it("honours the blueprint: counts per difficulty, only the named bank, no duplicates", () => {
    const result = drawQuestions(blueprint, candidates, {
      shuffleQuestions: true,
      shuffleOptions: true,
      random: seededRandom(7),
    });
    if (!result.ok) throw new Error("draw failed");
    expect(result.questions).toHaveLength(20);
    const drawn = result.questions.map((q) => candidates.find((c) => c.questionId === q.questionId) as Candidate);
    expect(drawn.filter((c) => c.difficulty === "EASY")).toHaveLength(5);
    expect(drawn.filter((c) => c.difficulty === "MEDIUM")).toHaveLength(10);
    expect(drawn.filter((c) => c.difficulty === "HARD")).toHaveLength(5);
    expect(drawn.every((c) => c.bankId === "bank")).toBe(true);
    expect(new Set(result.questions.map((q) => q.questionId)).size).toBe(20);
    for (const question of result.questions) expect([...question.optionOrder].sort()).toEqual([0, 1, 2, 3]);
  });

  it("is reproducible from the same seed and differs between seeds", () => {
    const a = drawQuestions(blueprint, candidates, {
      shuffleQuestions: true,
      shuffleOptions: true,
      random: seededRandom(42),
    });
    const b = drawQuestions(blueprint, candidates, {
      shuffleQuestions: true,
      shuffleOptions: true,
      random: seededRandom(42),
    });
    const c = drawQuestions(blueprint, candidates, {
      shuffleQuestions: true,
      shuffleOptions: true,
      random: seededRandom(43),
    });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("filters by topic and never reuses a question across rules", () => {
    const result = drawQuestions(
      {
        rules: [
          { bankId: "bank", topicId: "giao-thong", count: 25 },
          { bankId: "bank", count: 25 },
        ],
      },
      candidates,
      { shuffleQuestions: false, shuffleOptions: false, random: seededRandom(1) },
    );
    if (!result.ok) throw new Error("draw failed");
    expect(result.questions.slice(0, 25).every((q) => Number(q.questionId.slice(1)) % 2 === 0)).toBe(true);
    expect(new Set(result.questions.map((q) => q.questionId)).size).toBe(50);
  });

  it("says which rule lacks questions", () => {
    const result = drawQuestions(
      {
        rules: [
          { bankId: "bank", count: 5 },
          { bankId: "other", difficulty: "HARD", count: 9 },
        ],
      },
      candidates,
      {
        shuffleQuestions: true,
        shuffleOptions: true,
        random: seededRandom(1),
      },
    );
    expect(result).toEqual({ ok: false, code: "NOT_ENOUGH_QUESTIONS", rule: 1, available: 4, wanted: 9 });
  });

  it("keeps a fixed list in its order unless asked to shuffle, options unshuffled", () => {
    const result = drawQuestions({ questionIds: ["q3", "q1", "q2"] }, candidates, {
      shuffleQuestions: false,
      shuffleOptions: false,
      random: seededRandom(1),
    });
    expect(result).toEqual({
      ok: true,
      questions: [
        { questionId: "q3", versionId: "v3", optionOrder: [0, 1, 2, 3] },
        { questionId: "q1", versionId: "v1", optionOrder: [0, 1, 2, 3] },
        { questionId: "q2", versionId: "v2", optionOrder: [0, 1, 2, 3] },
      ],
    });
    expect(
      drawQuestions({ questionIds: ["q1", "missing"] }, candidates, {
        shuffleQuestions: false,
        shuffleOptions: false,
        random: seededRandom(1),
      }).ok,
    ).toBe(false);
  });
});
