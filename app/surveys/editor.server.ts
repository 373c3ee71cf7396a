import { json, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import type { Db } from "~/db/client.server";
import { formFailure, parseForm } from "~/utils/forms";
import { questionSchema, surveySchema } from "./schemas";
import {
  addQuestion,
  type ManagedSurvey,
  moveQuestion,
  removeQuestion,
  type SurveyResult,
  setSurveyStatus,
  updateQuestion,
  updateSurvey,
} from "./surveys.server";

/**
 * The survey editor's action (/manage/surveys/:id): one form per intent, so every button works
 * without JavaScript. A refused form answers 400 with the form it belongs to (`target`: "details",
 * "new", "status" or a question id) and what was typed; a done one redirects back with a message.
 */
const FLASH: Record<string, string> = {
  details: "surveys.saved",
  open: "surveys.opened",
  close: "surveys.closed",
  addQuestion: "surveys.questionAdded",
  saveQuestion: "surveys.questionSaved",
  removeQuestion: "surveys.questionRemoved",
  moveUp: "surveys.questionMoved",
  moveDown: "surveys.questionMoved",
};

export async function surveyEditorAction(db: Db, request: Request, user: CurrentUser, survey: ManagedSurvey) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const questionId = String(formData.get("questionId") ?? "").slice(0, 64);
  const target = intent === "details" ? "details" : intent === "addQuestion" ? "new" : questionId || "status";
  const refuse = (fieldErrors: Record<string, string>, formError?: string, status = 400) =>
    json({ ...formFailure(formData, fieldErrors, formError), target }, { status });

  let result: SurveyResult;
  switch (intent) {
    case "details": {
      const parsed = parseForm(surveySchema, formData);
      if (!parsed.ok) return json({ ...parsed, target }, { status: 400 });
      result = await updateSurvey(db, request, user, survey, parsed.data);
      break;
    }
    case "open":
    case "close":
      result = await setSurveyStatus(db, request, user, survey, intent === "open" ? "OPEN" : "CLOSED");
      break;
    case "addQuestion":
    case "saveQuestion": {
      const parsed = parseForm(questionSchema, formData);
      if (!parsed.ok) return json({ ...parsed, target }, { status: 400 });
      result =
        intent === "addQuestion"
          ? await addQuestion(db, request, user, survey, parsed.data)
          : await updateQuestion(db, request, user, survey, questionId, parsed.data);
      break;
    }
    case "removeQuestion":
      result = await removeQuestion(db, request, user, survey, questionId);
      break;
    case "moveUp":
    case "moveDown":
      result = await moveQuestion(db, request, user, survey, questionId, intent === "moveUp" ? -1 : 1);
      break;
    default:
      return refuse({}, "errors.invalidValue");
  }
  if (!result.ok) {
    const status = result.code === "FORBIDDEN" ? 403 : 400;
    return result.field
      ? refuse({ [result.field]: result.message }, undefined, status)
      : refuse({}, result.message, status);
  }
  const anchor = intent === "addQuestion" || intent === "removeQuestion" ? "#questions" : "";
  return redirect(`/manage/surveys/${survey.id}${anchor}`, {
    headers: { "Set-Cookie": await flashCookie(request, { kind: "success", message: FLASH[intent] }) },
  });
}
