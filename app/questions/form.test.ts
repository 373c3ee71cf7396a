import { describe, expect, it } from "vitest";
import { editorValuesOf } from "./editor-values";
import { draftFromForm, imageHtml, questionFormSchema } from "./form";
import { textToStem } from "./html";

const base = {
  type: "SINGLE_CHOICE",
  stem: "Biển báo trong hình có ý nghĩa gì?",
  difficulty: "EASY",
  option0: "Cấm đi ngược chiều",
  option1: "Đường một chiều",
};

describe("the question form", () => {
  it("turns form fields into a draft, keys from the ticked boxes, blanks dropped", () => {
    const values = questionFormSchema.parse({ ...base, option2: "  ", topics: "Giao thông; Biển báo" });
    const draft = draftFromForm(values, [1], textToStem);
    expect(draft.options).toEqual([
      { text: "Cấm đi ngược chiều", correct: false },
      { text: "Đường một chiều", correct: true },
    ]);
    expect(draft.topics).toEqual(["Giao thông", "Biển báo"]);
  });

  it("adds an https illustration under a plain-text stem and reads it back for editing", async () => {
    const values = questionFormSchema.parse({
      ...base,
      stemImageUrl: "https://example.vn/bien-bao.png",
      stemImageAlt: "Biển tròn nền đỏ",
    });
    const draft = draftFromForm(values, [0], textToStem);
    expect(draft.stem).toBe(
      `Biển báo trong hình có ý nghĩa gì?${imageHtml("https://example.vn/bien-bao.png", "Biển tròn nền đỏ")}`,
    );
    // What the server stores after sanitising must read back the same way.
    const { sanitizeStem } = await import("./sanitize.server");
    const editor = editorValuesOf({ ...draft, stem: sanitizeStem(draft.stem) });
    expect(editor).toMatchObject({
      stemFormat: "text",
      stem: "Biển báo trong hình có ý nghĩa gì?",
      stemImageUrl: "https://example.vn/bien-bao.png",
      stemImageAlt: "Biển tròn nền đỏ",
    });
  });

  it("refuses non-https image addresses", () => {
    const result = questionFormSchema.safeParse({ ...base, stemImageUrl: "javascript:alert(1)" });
    expect(result.error?.issues[0].message).toBe("errors.question.imageUrlInvalid");
  });

  it("edits imported HTML stems as HTML", () => {
    const editor = editorValuesOf({
      type: "TRUE_FALSE",
      stem: "<p>Một <b>câu</b> từ Moodle</p>",
      options: [
        { text: "Đúng", correct: true },
        { text: "Sai", correct: false },
      ],
      explanation: null,
      citation: null,
      topics: [],
      difficulty: "MEDIUM",
      externalId: null,
    });
    expect(editor.stemFormat).toBe("html");
    expect(editor.stem).toBe("<p>Một <b>câu</b> từ Moodle</p>");
  });
});
