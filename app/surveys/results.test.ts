import { describe, expect, it } from "vitest";
import { aggregateResults, type ResultQuestion } from "./results";

const question = (id: string, position: number, kind: ResultQuestion["kind"], options: string[] = []) => ({
  id,
  position,
  kind,
  prompt: `Câu ${id}`,
  options,
  required: false,
  scaleMinLabel: null,
  scaleMaxLabel: null,
});
const choices = (questionId: string, picked: number[]) => ({ questionId, choices: picked, scale: null, text: null });
const scale = (questionId: string, value: number) => ({ questionId, choices: [], scale: value, text: null });
const text = (questionId: string, value: string) => ({ questionId, choices: [], scale: null, text: value });

describe("aggregateResults", () => {
  // 4 responses. Fields (multiple): [0,1], [1], [1,2], and one left it blank.
  // Channel (single): 0, 0, 1, 0. Clarity (scale): 5, 4, 4 (one blank). Other (text): two texts, one blank.
  const questions = [
    question("other", 3, "TEXT"),
    question("fields", 0, "MULTIPLE", ["Đất đai", "Lao động", "Giao thông"]),
    question("channel", 1, "SINGLE", ["Zalo", "Loa"]),
    question("clarity", 2, "SCALE"),
  ];
  const answers = [
    choices("fields", [0, 1]),
    choices("fields", [1]),
    choices("fields", [1, 2]),
    choices("channel", [0]),
    choices("channel", [0]),
    choices("channel", [1]),
    choices("channel", [0]),
    scale("clarity", 5),
    scale("clarity", 4),
    scale("clarity", 4),
    text("other", "Thủ tục đất đai"),
    text("other", "  "),
    text("other", "Lừa đảo qua mạng"),
  ];
  const results = aggregateResults(questions, 4, answers);

  it("orders questions by position", () => {
    expect(results.responses).toBe(4);
    expect(results.questions.map((result) => result.question.id)).toEqual(["fields", "channel", "clarity", "other"]);
  });

  it("counts each option over the people who answered the question (multiple shares may pass 100%)", () => {
    const [fields, channel] = results.questions;
    expect(fields.answered).toBe(3);
    expect(fields.options.map((option) => [option.label, option.count, option.share])).toEqual([
      ["Đất đai", 1, 1 / 3],
      ["Lao động", 3, 1],
      ["Giao thông", 1, 1 / 3],
    ]);
    expect(channel.answered).toBe(4);
    expect(channel.options.map((option) => [option.count, option.share])).toEqual([
      [3, 0.75],
      [1, 0.25],
    ]);
  });

  it("gives the scale's distribution over 1–5 and its mean", () => {
    const clarity = results.questions[2];
    expect(clarity.scale).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 0 },
      { value: 4, count: 2 },
      { value: 5, count: 1 },
    ]);
    expect(clarity.answered).toBe(3);
    expect(clarity.mean).toBeCloseTo(13 / 3, 10);
  });

  it("counts written texts only", () => {
    expect(results.questions[3]).toMatchObject({ answered: 2, texts: 2 });
  });

  it("has no shares or mean when nobody answered, and ignores indexes out of range", () => {
    const empty = aggregateResults([question("q", 0, "SINGLE", ["A", "B"]), question("s", 1, "SCALE")], 1, [
      choices("q", [7]),
    ]);
    expect(empty.questions[0]).toMatchObject({ answered: 0 });
    expect(empty.questions[0].options.map((option) => option.share)).toEqual([null, null]);
    expect(empty.questions[1].mean).toBeNull();
  });
});
