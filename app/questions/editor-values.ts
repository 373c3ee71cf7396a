import type { QuestionEditorValues } from "./components/QuestionEditor";
import type { QuestionDraft } from "./draft";
import { stemToText } from "./html";

/** Form values for a draft (editing) or for what was typed (after an error). */
export function editorValuesOf(draft: QuestionDraft): QuestionEditorValues {
  const isHtml = /<(?!br\s*\/?>)[a-z][^>]*>/i.test(draft.stem);
  return {
    type: draft.type,
    stem: isHtml ? draft.stem : stemToText(draft.stem),
    stemFormat: isHtml ? "html" : "text",
    options: draft.options,
    explanation: draft.explanation ?? "",
    citationDocument: draft.citation?.document ?? "",
    citationNumber: draft.citation?.number ?? "",
    citationArticle: draft.citation?.article ?? "",
    citationClause: draft.citation?.clause ?? "",
    topics: draft.topics.join("; "),
    difficulty: draft.difficulty,
    externalId: draft.externalId ?? "",
  };
}

export function editorValuesFromForm(values: Record<string, string>, correct: number[]): QuestionEditorValues {
  return {
    type: (values.type as QuestionEditorValues["type"]) || "SINGLE_CHOICE",
    stem: values.stem ?? "",
    stemFormat: values.stemFormat === "html" ? "html" : "text",
    options: Array.from({ length: 8 }, (_, index) => ({
      text: values[`option${index}`] ?? "",
      correct:
        values.type === "TRUE_FALSE"
          ? index === 0
            ? values.trueFalseAnswer === "true"
            : values.trueFalseAnswer === "false"
          : correct.includes(index),
    })),
    explanation: values.explanation ?? "",
    citationDocument: values.citationDocument ?? "",
    citationNumber: values.citationNumber ?? "",
    citationArticle: values.citationArticle ?? "",
    citationClause: values.citationClause ?? "",
    topics: values.topics ?? "",
    difficulty: values.difficulty || "MEDIUM",
    externalId: values.externalId ?? "",
  };
}

export const EMPTY_EDITOR: QuestionEditorValues = {
  type: "SINGLE_CHOICE",
  stem: "",
  stemFormat: "text",
  options: [],
  explanation: "",
  citationDocument: "",
  citationNumber: "",
  citationArticle: "",
  citationClause: "",
  topics: "",
  difficulty: "MEDIUM",
  externalId: "",
};
