import type { QuestionEditorValues } from "./components/QuestionEditor";
import type { QuestionDraft } from "./draft";
import { stemToText } from "./html";

/** Form values for a draft (editing) or for what was typed (after an error). */
/** A plain-text stem with an optional illustration, as the form writes it (see imageHtml). */
const TEXT_WITH_IMAGE = /^([\s\S]*?)<p><img src="([^"]+)" alt="([^"]*)" ?\/?><\/p>$/;

export function editorValuesOf(draft: QuestionDraft): QuestionEditorValues {
  const withImage = draft.stem.match(TEXT_WITH_IMAGE);
  const textPart = withImage ? withImage[1] : draft.stem;
  const isHtml = /<(?!br\s*\/?>)[a-z][^>]*>/i.test(textPart);
  return {
    type: draft.type,
    stem: isHtml ? draft.stem : stemToText(textPart),
    stemFormat: isHtml ? "html" : "text",
    stemImageUrl: !isHtml && withImage ? stemToText(withImage[2]) : "",
    stemImageAlt: !isHtml && withImage ? stemToText(withImage[3]) : "",
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
    stemImageUrl: values.stemImageUrl ?? "",
    stemImageAlt: values.stemImageAlt ?? "",
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
  stemImageUrl: "",
  stemImageAlt: "",
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
