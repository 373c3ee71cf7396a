/**
 * Organizer-built surveys (issue 7 §3): an organizer writes a survey for their node (or a unit
 * below it), adds questions, opens it for answers through its public link and closes it.
 * Every change is audited. Once someone has answered, a question can no longer be removed, change
 * kind or lose options: the answers already given point at it and at its options by position
 * (docs/decisions/0010-surveys.md).
 */
import { randomInt } from "node:crypto";
import type { AuditAction } from "~/audit/actions";
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import { isUniqueViolation, scopeFilter } from "~/org/tree.server";
import type { QuestionForm, SurveyForm } from "./schemas";

export type SurveyError =
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "NO_QUESTIONS"
  | "HAS_RESPONSES_REMOVE"
  | "HAS_RESPONSES_KIND"
  | "HAS_RESPONSES_OPTIONS";
export type SurveyResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: SurveyError; message: string; field?: string };

export const surveyFail = (code: SurveyError, field?: string) => ({
  ok: false as const,
  code,
  message: `surveys.errors.${code}`,
  field,
});

// No 0/o, 1/l/i: the code is read aloud and typed from posters.
const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function newSurveyCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** The survey with its questions if the user organizes its node (or above); null otherwise, including unknown ids. */
export async function loadManagedSurvey(db: DbOrTx, user: CurrentUser, surveyId: string) {
  const survey = await db.survey.findUnique({
    where: { id: surveyId },
    include: {
      orgNode: { select: { id: true, name: true, path: true } },
      questions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      _count: { select: { responses: true } },
    },
  });
  if (!survey || !hasRole(user.grants, "ORGANIZER", survey.orgNode.path)) return null;
  return survey;
}
export type ManagedSurvey = NonNullable<Awaited<ReturnType<typeof loadManagedSurvey>>>;

/** The surveys of the nodes the user manages (and below), newest first, with their answer counts. */
export async function listManagedSurveys(db: DbOrTx, user: CurrentUser) {
  return db.survey.findMany({
    where: { orgNode: scopeFilter(user) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      status: true,
      code: true,
      opensAt: true,
      closesAt: true,
      isDemo: true,
      orgNode: { select: { name: true } },
      _count: { select: { responses: true, questions: true } },
    },
  });
}

async function managesNode(db: DbOrTx, user: CurrentUser, orgNodeId: string) {
  const node = await db.orgNode.findUnique({ where: { id: orgNodeId }, select: { path: true } });
  return Boolean(node && hasRole(user.grants, "ORGANIZER", node.path));
}

function auditSurvey(
  db: DbOrTx,
  request: Request | null,
  user: { id: string },
  survey: { id: string; orgNodeId: string },
  action: AuditAction,
  details: Record<string, string | number | boolean | null>,
) {
  return audit(db, request, {
    actorId: user.id,
    action,
    targetType: "Survey",
    targetId: survey.id,
    orgNodeId: survey.orgNodeId,
    details,
  });
}

export async function createSurvey(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: SurveyForm & { isDemo?: boolean },
): Promise<SurveyResult<{ surveyId: string }>> {
  if (!(await managesNode(db, user, input.orgNodeId))) return surveyFail("FORBIDDEN", "orgNodeId");
  // A clash of two random codes is rare; try again rather than fail the organizer's form.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const survey = await db.$transaction(async (tx) => {
        const created = await tx.survey.create({
          data: {
            orgNodeId: input.orgNodeId,
            title: input.title,
            intro: input.intro,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            code: newSurveyCode(),
            createdById: user.id,
            isDemo: input.isDemo ?? false,
          },
        });
        await auditSurvey(tx, request, user, created, "survey.created", { title: input.title });
        return created;
      });
      return { ok: true, surveyId: survey.id };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export async function updateSurvey(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  input: SurveyForm,
): Promise<SurveyResult> {
  if (!(await managesNode(db, user, input.orgNodeId))) return surveyFail("FORBIDDEN", "orgNodeId");
  // Responses carry the survey's node; moving a survey that has answers would split its count.
  const orgNodeId = survey._count.responses > 0 ? survey.orgNodeId : input.orgNodeId;
  await db.$transaction(async (tx) => {
    await tx.survey.update({
      where: { id: survey.id },
      data: { orgNodeId, title: input.title, intro: input.intro, opensAt: input.opensAt, closesAt: input.closesAt },
    });
    await auditSurvey(tx, request, user, survey, "survey.updated", { change: "details", title: input.title });
  });
  return { ok: true };
}

export async function setSurveyStatus(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  status: "OPEN" | "CLOSED",
): Promise<SurveyResult> {
  if (status === "OPEN" && survey.questions.length === 0) return surveyFail("NO_QUESTIONS");
  await db.$transaction(async (tx) => {
    await tx.survey.update({ where: { id: survey.id }, data: { status } });
    await auditSurvey(tx, request, user, survey, status === "OPEN" ? "survey.opened" : "survey.closed", {
      responses: survey._count.responses,
    });
  });
  return { ok: true };
}

export async function addQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  input: QuestionForm,
): Promise<SurveyResult<{ questionId: string }>> {
  const position = (survey.questions.at(-1)?.position ?? -1) + 1;
  const question = await db.$transaction(async (tx) => {
    const created = await tx.surveyQuestion.create({ data: { surveyId: survey.id, position, ...input } });
    await auditSurvey(tx, request, user, survey, "survey.updated", { change: "question_added", kind: input.kind });
    return created;
  });
  return { ok: true, questionId: question.id };
}

export async function updateQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  questionId: string,
  input: QuestionForm,
): Promise<SurveyResult> {
  const question = survey.questions.find((candidate) => candidate.id === questionId);
  if (!question) return surveyFail("NOT_FOUND");
  if (survey._count.responses > 0) {
    if (input.kind !== question.kind) return surveyFail("HAS_RESPONSES_KIND", "kind");
    if (input.options.length < question.options.length) return surveyFail("HAS_RESPONSES_OPTIONS", "options");
  }
  await db.$transaction(async (tx) => {
    await tx.surveyQuestion.update({ where: { id: question.id }, data: input });
    await auditSurvey(tx, request, user, survey, "survey.updated", {
      change: "question_changed",
      questionId: question.id,
    });
  });
  return { ok: true };
}

export async function removeQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  questionId: string,
): Promise<SurveyResult> {
  const question = survey.questions.find((candidate) => candidate.id === questionId);
  if (!question) return surveyFail("NOT_FOUND");
  if (survey._count.responses > 0) return surveyFail("HAS_RESPONSES_REMOVE");
  await db.$transaction(async (tx) => {
    // The delete is scoped to the survey: a question id of another survey deletes nothing.
    await tx.surveyQuestion.deleteMany({ where: { id: question.id, surveyId: survey.id } });
    await auditSurvey(tx, request, user, survey, "survey.updated", {
      change: "question_removed",
      questionId: question.id,
    });
  });
  return { ok: true };
}

/** Swaps a question with the one above (-1) or below (+1); renumbers the survey's questions 0…n-1. */
export async function moveQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  survey: ManagedSurvey,
  questionId: string,
  direction: -1 | 1,
): Promise<SurveyResult> {
  const order = survey.questions.map((question) => question.id);
  const from = order.indexOf(questionId);
  if (from < 0) return surveyFail("NOT_FOUND");
  const to = from + direction;
  if (to < 0 || to >= order.length) return { ok: true };
  [order[from], order[to]] = [order[to], order[from]];
  await db.$transaction(async (tx) => {
    for (const [position, id] of order.entries())
      await tx.surveyQuestion.updateMany({ where: { id, surveyId: survey.id }, data: { position } });
    await auditSurvey(tx, request, user, survey, "survey.updated", { change: "question_moved", questionId });
  });
  return { ok: true };
}
