import { describe, expect, it } from "vitest";
import { type AnswerableQuestion, answerField, parseAnswers, questionSchema, surveySchema } from "./schemas";

const questions: AnswerableQuestion[] = [
  { id: "fields", kind: "MULTIPLE", required: true, options: ["Đất đai", "Lao động", "Giao thông"] },
  { id: "channel", kind: "SINGLE", required: true, options: ["Zalo", "Loa truyền thanh"] },
  { id: "clarity", kind: "SCALE", required: true, options: [] },
  { id: "other", kind: "TEXT", required: false, options: [] },
];

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(answerField(key), value);
  return data;
}

describe("parseAnswers", () => {
  it("accepts a full answer: several options (deduplicated, sorted), one option, a scale value, text", () => {
    const result = parseAnswers(
      questions,
      form([
        ["fields", "2"],
        ["fields", "0"],
        ["fields", "2"],
        ["channel", "1"],
        ["clarity", "4"],
        ["other", "  Thủ tục đất đai  "],
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.answers)).toEqual({
      fields: { choices: [0, 2], scale: null, text: null },
      channel: { choices: [1], scale: null, text: null },
      clarity: { choices: [], scale: 4, text: null },
      other: { choices: [], scale: null, text: "Thủ tục đất đai" },
    });
  });

  it("leaves an optional question out when blank, and refuses a required one left blank", () => {
    const result = parseAnswers(
      questions,
      form([
        ["fields", "1"],
        ["clarity", "3"],
        ["other", "   "],
      ]),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { channel: "survey.errors.required" } });
    const fine = parseAnswers(
      questions,
      form([
        ["fields", "1"],
        ["channel", "0"],
        ["clarity", "3"],
      ]),
    );
    expect(fine.ok && [...fine.answers.keys()]).toEqual(["fields", "channel", "clarity"]);
  });

  it("refuses option indexes out of range or not numbers, two options for a single choice, a scale outside 1–5", () => {
    const result = parseAnswers(
      questions,
      form([
        ["fields", "3"],
        ["channel", "0"],
        ["channel", "1"],
        ["clarity", "6"],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        fields: "survey.errors.invalidChoice",
        channel: "survey.errors.oneChoice",
        clarity: "survey.errors.invalidScale",
      },
    });
    for (const bad of ["-1", "1.5", "x", "01a"]) {
      const again = parseAnswers(
        questions,
        form([
          ["fields", bad],
          ["channel", "0"],
          ["clarity", "0"],
        ]),
      );
      expect(again.ok ? null : again.fieldErrors).toMatchObject({
        fields: "survey.errors.invalidChoice",
        clarity: "survey.errors.invalidScale",
      });
    }
  });

  it("refuses text over 2000 characters and gives back what was typed", () => {
    const long = "a".repeat(2001);
    const result = parseAnswers(
      questions,
      form([
        ["fields", "0"],
        ["channel", "0"],
        ["clarity", "5"],
        ["other", long],
      ]),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { other: "survey.errors.textTooLong" } });
    if (result.ok) return;
    expect(result.values.fields).toEqual(["0"]);
    expect(result.values.other[0]).toBe(long);
    const exact = parseAnswers(
      questions,
      form([
        ["fields", "0"],
        ["channel", "0"],
        ["clarity", "5"],
        ["other", "a".repeat(2000)],
      ]),
    );
    expect(exact.ok).toBe(true);
  });
});

describe("the organizer's forms", () => {
  it("keeps options only for choice questions, one per line, and scale labels only for a scale", () => {
    expect(
      questionSchema.parse({ kind: "SINGLE", prompt: "Kênh nào?", options: "Zalo\r\n\n Loa \n", scaleMinLabel: "x" }),
    ).toEqual({
      kind: "SINGLE",
      prompt: "Kênh nào?",
      options: ["Zalo", "Loa"],
      required: false,
      scaleMinLabel: null,
      scaleMaxLabel: null,
    });
    expect(
      questionSchema.parse({
        kind: "SCALE",
        prompt: "Dễ hiểu?",
        options: "a\nb",
        required: "on",
        scaleMaxLabel: "Rất",
      }),
    ).toMatchObject({ options: [], required: true, scaleMinLabel: null, scaleMaxLabel: "Rất" });
  });

  it("refuses a choice question with fewer than 2 or duplicate options, and an unknown kind", () => {
    const issues = (input: Record<string, string>) =>
      questionSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(issues({ kind: "MULTIPLE", prompt: "Lĩnh vực?", options: "Đất đai" })).toEqual([
      "surveys.errors.tooFewOptions",
    ]);
    expect(issues({ kind: "SINGLE", prompt: "Lĩnh vực?", options: "Đất đai\nđất đai" })).toEqual([
      "surveys.errors.duplicateOption",
    ]);
    expect(issues({ kind: "RANKING", prompt: "Lĩnh vực?" })).toEqual(["surveys.errors.kind"]);
  });

  it("refuses a survey that closes before it opens", () => {
    const result = surveySchema.safeParse({
      orgNodeId: "n",
      title: "Khảo sát thử",
      opensAt: "2026-12-10T08:00",
      closesAt: "2026-12-01T08:00",
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["closesAt", "surveys.errors.closesBeforeOpens"],
    ]);
  });
});
