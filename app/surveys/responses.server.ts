/**
 * Answering a survey through its public link, and reading its results (issue 7 §3). Answering
 * needs a signed-in account and each person answers once: a second answer is refused, and two
 * submissions at the same moment end in one stored response thanks to the unique index on
 * (surveyId, userId) (docs/decisions/0010-surveys.md).
 */
import type { DbOrTx } from "~/db/client.server";
import { isUniqueViolation } from "~/org/tree.server";
import { aggregateResults, type SurveyResults } from "./results";
import type { AnswerValue } from "./schemas";

export type Availability = "OPEN" | "NOT_YET" | "CLOSED";

/** Whether answers are accepted now: OPEN and within the optional window. */
export function availability(
  survey: { status: string; opensAt: Date | null; closesAt: Date | null },
  now: Date = new Date(),
): Availability {
  if (survey.status === "CLOSED") return "CLOSED";
  if (survey.closesAt && survey.closesAt <= now) return "CLOSED";
  if (survey.status !== "OPEN") return "NOT_YET";
  if (survey.opensAt && survey.opensAt > now) return "NOT_YET";
  return "OPEN";
}

/** A survey as its public page shows it; a draft is not public (null, as for an unknown code). */
export async function publicSurvey(db: DbOrTx, code: string) {
  if (!/^[a-z0-9]{4,32}$/.test(code)) return null;
  const survey = await db.survey.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      title: true,
      intro: true,
      status: true,
      opensAt: true,
      closesAt: true,
      orgNodeId: true,
      isDemo: true,
      orgNode: { select: { name: true } },
      questions: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          kind: true,
          prompt: true,
          options: true,
          required: true,
          scaleMinLabel: true,
          scaleMaxLabel: true,
        },
      },
    },
  });
  if (!survey || survey.status === "DRAFT") return null;
  return survey;
}
export type PublicSurvey = NonNullable<Awaited<ReturnType<typeof publicSurvey>>>;

export async function hasAnswered(db: DbOrTx, surveyId: string, userId: string): Promise<boolean> {
  return (await db.surveyResponse.count({ where: { surveyId, userId } })) > 0;
}

export type SubmitResult =
  | { ok: true; responseId: string }
  | { ok: false; code: "ALREADY_ANSWERED" | Exclude<Availability, "OPEN"> };

/** Stores the person's answers (already validated against the survey's questions by parseAnswers). */
export async function submitResponse(
  db: DbOrTx,
  survey: Pick<PublicSurvey, "id" | "status" | "opensAt" | "closesAt" | "orgNodeId">,
  userId: string,
  answers: ReadonlyMap<string, AnswerValue>,
  now: Date = new Date(),
): Promise<SubmitResult> {
  const open = availability(survey, now);
  if (open !== "OPEN") return { ok: false, code: open };
  if (await hasAnswered(db, survey.id, userId)) return { ok: false, code: "ALREADY_ANSWERED" };
  try {
    const response = await db.surveyResponse.create({
      data: {
        surveyId: survey.id,
        userId,
        orgNodeId: survey.orgNodeId,
        submittedAt: now,
        answers: {
          create: [...answers].map(([questionId, answer]) => ({
            questionId,
            choices: answer.choices,
            scale: answer.scale,
            text: answer.text,
          })),
        },
      },
      select: { id: true },
    });
    return { ok: true, responseId: response.id };
  } catch (error) {
    // The other submission of the same person won the race.
    if (isUniqueViolation(error)) return { ok: false, code: "ALREADY_ANSWERED" };
    throw error;
  }
}

const QUESTION_SELECT = {
  id: true,
  position: true,
  kind: true,
  prompt: true,
  options: true,
  required: true,
  scaleMinLabel: true,
  scaleMaxLabel: true,
} as const;

/** The survey's results, question by question (the page, the charts and the Excel summary). */
export async function surveyResults(db: DbOrTx, surveyId: string): Promise<SurveyResults> {
  const [questions, responses, answers] = await Promise.all([
    db.surveyQuestion.findMany({ where: { surveyId }, select: QUESTION_SELECT }),
    db.surveyResponse.count({ where: { surveyId } }),
    db.surveyAnswer.findMany({
      where: { response: { surveyId } },
      // Texts are counted here and read page by page by textAnswers.
      select: { questionId: true, choices: true, scale: true, text: true },
    }),
  ]);
  return aggregateResults(questions, responses, answers);
}

/** A TEXT question's answers, oldest first, a page at a time (no name: the results are anonymous). */
export async function textAnswers(db: DbOrTx, surveyId: string, questionId: string, page: number, pageSize = 20) {
  const where = { questionId, response: { surveyId }, text: { not: null } };
  const [total, rows] = await Promise.all([
    db.surveyAnswer.count({ where }),
    db.surveyAnswer.findMany({
      where,
      orderBy: [{ response: { submittedAt: "asc" } }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, text: true, response: { select: { submittedAt: true } } },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    rows: rows.map((row) => ({ id: row.id, text: row.text ?? "", submittedAt: row.response.submittedAt })),
  };
}
