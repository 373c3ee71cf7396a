import type { SurveyQuestionKind } from "~/generated/prisma/enums";
import type { AnswerValue } from "./schemas";

/**
 * A survey's results, question by question (pure, unit-tested; the page, its charts and the Excel
 * summary all read this). Shares are of the people who answered the question, so an optional
 * question left blank does not count as "no"; for MULTIPLE the shares may add up to more than 100%.
 */
export interface ResultQuestion {
  id: string;
  position: number;
  kind: SurveyQuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
}

export interface OptionCount {
  index: number;
  label: string;
  count: number;
  /** count ÷ people who answered the question, 0–1; null when nobody did. */
  share: number | null;
}

export interface QuestionResult {
  question: ResultQuestion;
  /** People who answered this question (not blank). */
  answered: number;
  /** SINGLE / MULTIPLE: each option, in the question's order. */
  options: OptionCount[];
  /** SCALE: how many chose 1, 2, 3, 4, 5. */
  scale: Array<{ value: number; count: number }>;
  /** SCALE: the mean of the values chosen, null when nobody answered. */
  mean: number | null;
  /** TEXT: how many wrote something (the texts themselves are listed page by page). */
  texts: number;
}

export interface SurveyResults {
  responses: number;
  questions: QuestionResult[];
}

export function aggregateResults(
  questions: readonly ResultQuestion[],
  responses: number,
  answers: ReadonlyArray<AnswerValue & { questionId: string }>,
): SurveyResults {
  const byQuestion = new Map<string, Array<AnswerValue>>();
  for (const answer of answers) {
    const list = byQuestion.get(answer.questionId) ?? [];
    list.push(answer);
    byQuestion.set(answer.questionId, list);
  }
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  return {
    responses,
    questions: ordered.map((question) => {
      const given = byQuestion.get(question.id) ?? [];
      const result: QuestionResult = { question, answered: 0, options: [], scale: [], mean: null, texts: 0 };
      if (question.kind === "SINGLE" || question.kind === "MULTIPLE") {
        const counts = question.options.map(() => 0);
        for (const answer of given) {
          const valid = answer.choices.filter((index) => index >= 0 && index < counts.length);
          if (valid.length === 0) continue;
          result.answered += 1;
          for (const index of new Set(valid)) counts[index] += 1;
        }
        result.options = question.options.map((label, index) => ({
          index,
          label,
          count: counts[index],
          share: result.answered > 0 ? counts[index] / result.answered : null,
        }));
      } else if (question.kind === "SCALE") {
        const counts = [0, 0, 0, 0, 0];
        let sum = 0;
        for (const answer of given) {
          if (answer.scale === null || answer.scale < 1 || answer.scale > 5) continue;
          counts[answer.scale - 1] += 1;
          sum += answer.scale;
          result.answered += 1;
        }
        result.scale = counts.map((count, index) => ({ value: index + 1, count }));
        result.mean = result.answered > 0 ? sum / result.answered : null;
      } else {
        result.texts = given.filter((answer) => (answer.text ?? "").trim() !== "").length;
        result.answered = result.texts;
      }
      return result;
    }),
  };
}
