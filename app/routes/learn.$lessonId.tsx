import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { requireUser } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { ButtonLink } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { MediaPlayer } from "~/courses/components/MediaPlayer";
import { QuizPanel } from "~/courses/components/QuizPanel";
import { lessonPage } from "~/courses/lesson-page.server";
import { lessonVisibleTo } from "~/courses/progress.server";
import { startQuizAttempt, submitQuizAttempt } from "~/courses/quiz.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} — ${data.course.title}` : "Bài học — Legal Arena" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await lessonPage(runtime().db, request, { userId: user.id, lessonId: params.lessonId ?? "" }));
}

/** Answers as posted: q<position> holds the index of each chosen option as shown. */
function readAnswers(formData: FormData): Map<number, number[]> | null {
  const answers = new Map<number, number[]>();
  for (const [key, value] of formData) {
    const match = /^q(\d{1,3})$/.exec(key);
    if (!match) continue;
    const index = Number(value);
    if (typeof value !== "string" || !/^\d{1,2}$/.test(value)) return null;
    const position = Number(match[1]);
    answers.set(position, [...(answers.get(position) ?? []), index]);
  }
  return answers;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = runtime().db;
  const lessonId = params.lessonId ?? "";
  if (!(await lessonVisibleTo(db, user.id, lessonId))) throw new Response("Not Found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "startQuiz") {
    const started = await startQuizAttempt(db, { userId: user.id, lessonId });
    if (!started.ok) return json({ error: started.message }, { status: started.code === "NOT_FOUND" ? 404 : 400 });
    return redirect(`/learn/${lessonId}#quiz`);
  }
  if (intent === "submitQuiz") {
    const answers = readAnswers(formData);
    if (!answers) return json({ error: "courses.errors.QUIZ_INVALID_ANSWER" }, { status: 400 });
    const submitted = await submitQuizAttempt(db, {
      userId: user.id,
      attemptId: String(formData.get("attemptId") ?? ""),
      answers,
    });
    if (!submitted.ok)
      return json({ error: submitted.message }, { status: submitted.code === "NOT_FOUND" ? 404 : 400 });
    const message = submitted.passed
      ? submitted.courseCompleted
        ? "courses.quiz.passedCourse"
        : "courses.quiz.passed"
      : "courses.quiz.failed";
    return redirect(`/learn/${lessonId}`, {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: submitted.passed ? "success" : "error",
          message,
          params: { percent: submitted.percent },
        }),
      },
    });
  }
  return json({ error: "errors.invalidValue" }, { status: 400 });
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  // A fresh view per lesson: going to the next lesson must not carry this one's state.
  return <LessonView key={data.lesson.id} data={data} />;
}

function LessonView({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { t } = useTranslation();
  const failure = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const { lesson, course } = data;
  const [completed, setCompleted] = useState(data.completed);
  const [courseCompleted, setCourseCompleted] = useState(data.courseCompleted);
  const media = lesson.type === "VIDEO" || lesson.type === "AUDIO";
  return (
    <article className="lesson-page">
      <nav aria-label={t("courses.lesson.breadcrumb")} className="breadcrumb">
        <Link to={`/courses/${course.slug}`}>{course.title}</Link> › {lesson.moduleTitle}
      </nav>
      <h1>{lesson.title}</h1>
      <p className="muted">
        {t("courses.lesson.position", { position: lesson.position, count: lesson.count })} ·{" "}
        {t(`courses.lessonTypes.${lesson.type}`)}
        {completed ? (
          <>
            {" · "}
            <strong>{t("courses.lesson.completed")}</strong>
          </>
        ) : null}
      </p>
      <FormAlert error={failure?.error} />
      {media && lesson.mediaUrl ? (
        <MediaPlayer
          lessonId={lesson.id}
          kind={lesson.type as "VIDEO" | "AUDIO"}
          src={lesson.mediaUrl}
          viewId={data.viewId}
          startAt={data.positionSeconds}
          initialPercent={data.watchedPercent}
          minPercent={lesson.completionRule === "WATCHED" ? lesson.minWatchPercent : null}
          completed={data.completed}
          onCompleted={(courseDone) => {
            setCompleted(true);
            if (courseDone) {
              setCourseCompleted(true);
              revalidator.revalidate();
            }
          }}
        />
      ) : null}
      {lesson.type === "PDF" && lesson.mediaUrl ? (
        <p>
          <a className="btn btn-primary" href={lesson.mediaUrl} target="_blank" rel="noopener noreferrer">
            {t("courses.lesson.openPdf")}
          </a>
        </p>
      ) : null}
      {lesson.body ? (
        // The body was sanitised when the organizer saved it (app/courses/lesson-html.server.ts).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the way in.
        <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.body }} />
      ) : null}
      {data.quiz ? <QuizPanel quiz={data.quiz} /> : null}
      {courseCompleted ? (
        <p className="alert alert-success" role="status">
          {t("courses.lesson.courseCompleted")}{" "}
          <Link to={`/courses/${course.slug}`}>{t("courses.lesson.toCertificate")}</Link>
        </p>
      ) : null}
      <nav aria-label={t("courses.lesson.pager")} className="lesson-pager">
        {data.previous ? (
          <ButtonLink variant="secondary" to={`/learn/${data.previous.id}`}>
            ← {t("courses.lesson.previous")}
          </ButtonLink>
        ) : (
          <span />
        )}
        {data.next ? (
          data.next.open || completed ? (
            <ButtonLink to={`/learn/${data.next.id}`}>{t("courses.lesson.next")} →</ButtonLink>
          ) : (
            <span className="muted">{t("courses.lesson.nextLocked")}</span>
          )
        ) : (
          <ButtonLink variant="secondary" to={`/courses/${course.slug}`}>
            {t("courses.lesson.backToCourse")}
          </ButtonLink>
        )}
      </nav>
    </article>
  );
}
