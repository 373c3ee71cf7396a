import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { redirectWithToast } from "~/auth/session.server";
import { addLesson } from "~/courses/authoring.server";
import { LessonForm } from "~/courses/components/LessonForm";
import { newLessonFormValues } from "~/courses/forms";
import { requireManagedCourse } from "~/courses/guards.server";
import { readableBanks, readLessonForm } from "~/courses/lesson-routes.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Thêm bài học — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const modules = await runtime().db.courseModule.findMany({
    where: { courseId: course.id, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, title: true },
  });
  const wanted = new URL(request.url).searchParams.get("moduleId");
  const module = modules.find((candidate) => candidate.id === wanted) ?? modules[0];
  if (!module) throw redirect(`/manage/courses/${course.id}`);
  return json({
    course: { id: course.id, title: course.title },
    module,
    banks: await readableBanks(user),
    values: newLessonFormValues(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const moduleId = new URL(request.url).searchParams.get("moduleId") ?? "";
  const read = await readLessonForm(request);
  if (!read.ok) return json(read.failure, { status: 400 });
  const result = await addLesson(runtime().db, request, user, { courseId: course.id, moduleId, lesson: read.lesson });
  if (!result.ok)
    return json(
      {
        ok: false as const,
        fieldErrors: { [result.field ?? "form"]: { key: result.message, params: result.params } },
        values: Object.fromEntries(
          [...read.formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        ),
      },
      { status: 400 },
    );
  return await redirectWithToast(request, `/manage/courses/${course.id}`, "courses.editor.lessonAdded");
}

export default function NewLessonPage() {
  const { t } = useTranslation();
  const { course, module, banks, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/manage/courses/${course.id}`}>← {course.title}</Link>
      </p>
      <h1>{t("courses.editor.newLessonIn", { module: module.title })}</h1>
      <LessonForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.fieldErrors.form}
        banks={banks}
        submitLabel={t("courses.editor.addLesson")}
        busy={busy}
      />
    </>
  );
}
