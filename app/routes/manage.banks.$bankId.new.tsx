import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { redirectWithToast } from "~/auth/session.server";
import { useTranslation } from "~/i18n/react";
import { QuestionEditor } from "~/questions/components/QuestionEditor";
import { readQuestionForm } from "~/questions/editor.server";
import { EMPTY_EDITOR, editorValuesFromForm } from "~/questions/editor-values";
import { correctIndexesOf } from "~/questions/form";
import { requireBank } from "~/questions/guards.server";
import { createQuestion, findSimilarQuestions } from "~/questions/questions.server";
import { runtime } from "~/runtime.server";
import { formFailure } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Thêm câu hỏi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank } = await requireBank(request, params.bankId ?? "", "write");
  const topics = await runtime().db.topic.findMany({
    where: { bankId: bank.id },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return json({ bank: { id: bank.id, name: bank.name }, topics: topics.map((topic) => topic.name) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bank } = await requireBank(request, params.bankId ?? "", "write");
  const formData = await request.formData();
  const read = readQuestionForm(formData);
  const echo = { correct: correctIndexesOf(formData), similar: [] as Awaited<ReturnType<typeof findSimilarQuestions>> };
  if (!read.ok) return json({ ...read.failure, ...echo }, { status: 400 });
  const { db } = runtime();
  if (!read.confirmDuplicate) {
    const similar = await findSimilarQuestions(db, bank.id, read.draft.stem);
    if (similar.length > 0) return json({ ...formFailure(formData, {}), ...echo, similar }, { status: 409 });
  }
  const result = await createQuestion(db, request, user, bank.id, read.draft);
  if (!result.ok) return json({ ...formFailure(formData, {}, result.message), ...echo }, { status: 400 });
  return await redirectWithToast(request, `/manage/questions/${result.questionId}`, "questions.created");
}

export default function NewQuestionPage() {
  const { t } = useTranslation();
  const { bank, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/manage/banks/${bank.id}`}>← {bank.name}</Link>
      </p>
      <h1>{t("questions.new")}</h1>
      <QuestionEditor
        key={actionData ? JSON.stringify(actionData.values) : "new"}
        initial={actionData ? editorValuesFromForm(actionData.values, actionData.correct) : EMPTY_EDITOR}
        errors={actionData?.fieldErrors ?? {}}
        formError={actionData?.formError}
        similar={actionData?.similar ?? []}
        topicSuggestions={topics}
        submitLabel={t("questions.save")}
        busy={busy}
      />
    </>
  );
}
