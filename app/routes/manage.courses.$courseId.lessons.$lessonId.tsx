import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { forbidden } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { updateLesson } from "~/courses/authoring.server";
import { LessonForm } from "~/courses/components/LessonForm";
import { lessonFormValues } from "~/courses/forms";
import { requireManagedCourse } from "~/courses/guards.server";
import { readableBanks, readLessonForm } from "~/courses/lesson-routes.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Sửa bài học — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const lesson = await runtime().db.lesson.findFirst({
    where: { id: params.lessonId ?? "", courseId: course.id, archivedAt: null },
    include: { module: { select: { title: true } } },
  });
  if (!lesson) throw forbidden();
  const learners = await runtime().db.lessonProgress.count({ where: { lessonId: lesson.id } });
  return json({
    course: { id: course.id, title: course.title },
    lesson: { id: lesson.id, title: lesson.title, moduleTitle: lesson.module.title, mediaUrl: lesson.mediaUrl },
    learners,
    banks: await readableBanks(user),
    values: lessonFormValues(lesson),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const read = await readLessonForm(request);
  if (!read.ok) return json(read.failure, { status: 400 });
  const result = await updateLesson(runtime().db, request, user, {
    courseId: course.id,
    lessonId: params.lessonId ?? "",
    lesson: read.lesson,
  });
  if (!result.ok)
    return json(
      {
        ok: false as const,
        fieldErrors: { [result.field ?? "form"]: { key: result.message, params: result.params } },
        values: Object.fromEntries(
          [...read.formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        ),
      },
      { status: result.code === "NOT_FOUND" ? 404 : 400 },
    );
  return await redirectWithToast(request, `/manage/courses/${course.id}`, "courses.editor.lessonSaved");
}

export default function EditLessonPage() {
  const { t } = useTranslation();
  const { course, lesson, learners, banks, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/manage/courses/${course.id}`}>← {course.title}</Link>
      </p>
      <h1>{lesson.title}</h1>
      <p className="muted">
        {lesson.moduleTitle}
        {lesson.mediaUrl ? (
          <>
            {" · "}
            <a href={lesson.mediaUrl} target="_blank" rel="noopener noreferrer">
              {t("courses.editor.openMedia")}
            </a>
          </>
        ) : null}
      </p>
      {learners > 0 ? (
        <p className="alert alert-info">{t("courses.editor.lessonProgressKept", { count: learners })}</p>
      ) : null}
      <LessonForm
        key={failure ? JSON.stringify(failure.values) : "edit"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.fieldErrors.form}
        banks={banks}
        submitLabel={t("common.save")}
        busy={busy}
      />
    </>
  );
}
