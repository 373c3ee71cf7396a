import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { QuestionEditor } from "~/questions/components/QuestionEditor";
import { readQuestionForm } from "~/questions/editor.server";
import { editorValuesFromForm, editorValuesOf } from "~/questions/editor-values";
import { correctIndexesOf } from "~/questions/form";
import { requireQuestion } from "~/questions/guards.server";
import { stemToText } from "~/questions/html";
import {
  draftOfVersion,
  findSimilarQuestions,
  REVIEW_ACTIONS,
  reviewQuestion,
  updateQuestion,
} from "~/questions/questions.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Câu hỏi — Legal Arena" }];

const reviewSchema = z.object({
  intent: z.enum(REVIEW_ACTIONS),
  comment: z
    .string()
    .max(1000, "errors.question.fieldTooLong")
    .optional()
    .transform((value) => value?.trim() || null),
});

/** Which review buttons each status offers. */
const ACTIONS_FOR_STATUS = {
  DRAFT: ["submit", "approve", "retire"],
  IN_REVIEW: ["approve", "return", "retire"],
  APPROVED: ["retire"],
  RETIRED: ["restore"],
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { question, version, access } = await requireQuestion(request, params.questionId ?? "", "read");
  const { db } = runtime();
  const [versions, topics] = await Promise.all([
    db.questionVersion.findMany({
      where: { questionId: question.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, createdAt: true, author: { select: { fullName: true } } },
    }),
    db.topic.findMany({ where: { bankId: question.bankId }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return json({
    question: {
      id: question.id,
      status: question.status,
      bankId: question.bankId,
      bankName: question.bank.name,
      reviewComment: question.reviewComment,
      author: question.author?.fullName ?? null,
      reviewer: question.reviewer?.fullName ?? null,
      approvedVersion: question.approvedVersion?.version ?? null,
      version: version.version,
      stemText: stemToText(version.stem),
    },
    access,
    draft: draftOfVersion(version, question.externalId),
    versions,
    topics: topics.map((topic) => topic.name),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, question } = await requireQuestion(request, params.questionId ?? "", "write");
  const formData = await request.formData();
  const { db } = runtime();
  const intent = formData.get("intent");
  if (typeof intent === "string" && (REVIEW_ACTIONS as readonly string[]).includes(intent)) {
    const parsed = parseForm(reviewSchema, formData);
    if (!parsed.ok) return json({ ...parsed, kind: "review" as const }, { status: 400 });
    const result = await reviewQuestion(db, request, user, question.id, parsed.data.intent, parsed.data.comment);
    if (!result.ok) {
      return json(
        {
          ...formFailure(
            formData,
            result.field ? { [result.field]: result.message } : {},
            result.field ? undefined : result.message,
          ),
          kind: "review" as const,
        },
        { status: 400 },
      );
    }
    return redirect(`/manage/questions/${question.id}`, {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: `questions.reviewDone.${parsed.data.intent}`,
        }),
      },
    });
  }

  const read = readQuestionForm(formData);
  const echo = {
    kind: "edit" as const,
    correct: correctIndexesOf(formData),
    similar: [] as Awaited<ReturnType<typeof findSimilarQuestions>>,
  };
  if (!read.ok) return json({ ...read.failure, ...echo }, { status: 400 });
  if (!read.confirmDuplicate) {
    const similar = await findSimilarQuestions(db, question.bankId, read.draft.stem, { excludeId: question.id });
    if (similar.length > 0) return json({ ...formFailure(formData, {}), ...echo, similar }, { status: 409 });
  }
  const result = await updateQuestion(db, request, user, question.id, read.draft);
  if (!result.ok) return json({ ...formFailure(formData, {}, result.message), ...echo }, { status: 400 });
  return redirect(`/manage/questions/${question.id}`, {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: "questions.saved",
        params: { version: result.version },
      }),
    },
  });
}

export default function QuestionPage() {
  const { t, i18n } = useTranslation();
  const { question, access, draft, versions, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  const edit = actionData?.kind === "edit" ? actionData : null;
  const review = actionData?.kind === "review" ? actionData : null;
  return (
    <>
      <p>
        <Link to={`/manage/banks/${question.bankId}`}>← {question.bankName}</Link>
      </p>
      <h1>{t("questions.detailTitle", { version: question.version })}</h1>
      <p>
        <span className={`status-badge status-${question.status}`}>{t(`questions.status.${question.status}`)}</span>{" "}
        <span className="muted">
          {question.author ? t("questions.authorIs", { name: question.author }) : null}
          {question.approvedVersion
            ? ` · ${t("questions.approvedVersionIs", { version: question.approvedVersion })}`
            : ` · ${t("questions.notApprovedYet")}`}
        </span>
      </p>
      {question.reviewComment ? (
        <div className="alert alert-info" role="note">
          {t("questions.reviewCommentIs", { name: question.reviewer ?? "—", comment: question.reviewComment })}
        </div>
      ) : null}

      {access === "write" ? (
        <>
          <section className="card" aria-labelledby="review-title">
            <h2 id="review-title">{t("questions.reviewTitle")}</h2>
            <FormAlert error={review?.formError} />
            <Form method="post" className="bulk-bar">
              <TextField label={t("questions.reviewComment")} name="comment" error={review?.fieldErrors.comment} />
              {ACTIONS_FOR_STATUS[question.status].map((action) => (
                <Button
                  key={action}
                  type="submit"
                  name="intent"
                  value={action}
                  variant={action === "retire" ? "danger" : action === "approve" ? "primary" : "secondary"}
                >
                  {t(`questions.review.${action}`)}
                </Button>
              ))}
            </Form>
          </section>
          <h2>{t("questions.editTitle")}</h2>
          <p className="field-hint">{t("questions.editHint")}</p>
          <QuestionEditor
            key={edit ? JSON.stringify(edit.values) : `v${question.version}`}
            initial={edit ? editorValuesFromForm(edit.values, edit.correct) : editorValuesOf(draft)}
            errors={edit?.fieldErrors ?? {}}
            formError={edit?.formError}
            similar={edit?.similar ?? []}
            topicSuggestions={topics}
            submitLabel={t("questions.saveVersion")}
            busy={busy}
          />
        </>
      ) : (
        <section className="card">
          <p className="preview-stem">{question.stemText}</p>
          <ul className="preview-options">
            {draft.options.map((option, index) => (
              <li key={String.fromCharCode(65 + index)}>
                <span className="preview-letter">{String.fromCharCode(65 + index)}</span> {option.text}{" "}
                {option.correct ? `✓ ${t("questions.correctMark")}` : null}
              </li>
            ))}
          </ul>
          {draft.explanation ? <p>{draft.explanation}</p> : null}
        </section>
      )}

      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t("questions.versionsTitle")}</h2>
        <ol reversed>
          {versions.map((version) => (
            <li key={version.id}>
              v{version.version} · {dateFormat.format(new Date(version.createdAt))} · {version.author?.fullName ?? "—"}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
