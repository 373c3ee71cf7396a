import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import {
  addModule,
  publishCourse,
  removeLesson,
  removeModule,
  renameModule,
  reorder,
  updateCourse,
  withdrawCourse,
} from "~/courses/authoring.server";
import { CourseForm } from "~/courses/components/CourseForm";
import { OutlineEditor } from "~/courses/components/OutlineEditor";
import { courseFormValues } from "~/courses/forms";
import { requireManagedCourse } from "~/courses/guards.server";
import { courseSchema, moduleSchema } from "~/courses/schemas";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} — Legal Arena` : "Khóa học — Legal Arena" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const db = runtime().db;
  const [nodes, modules, enrolments] = await Promise.all([
    listManagedTree(db, user),
    db.courseModule.findMany({
      where: { courseId: course.id, archivedAt: null },
      orderBy: { position: "asc" },
      select: {
        id: true,
        title: true,
        lessons: {
          where: { archivedAt: null },
          orderBy: { position: "asc" },
          select: { id: true, title: true, type: true, required: true, isFinalTest: true },
        },
      },
    }),
    db.enrolment.count({ where: { courseId: course.id } }),
  ]);
  return json({
    course: { id: course.id, title: course.title, slug: course.slug, status: course.status, isDemo: course.isDemo },
    enrolments,
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    values: courseFormValues(course),
    modules,
  });
}

const moveSchema = z.object({
  kind: z.enum(["module", "lesson"]),
  id: z.string().min(1).max(64),
  direction: z.enum(["up", "down"]).optional(),
  order: z
    .string()
    .max(20_000)
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      try {
        return z.array(z.string().min(1).max(64)).max(500).parse(JSON.parse(value));
      } catch {
        context.addIssue({ code: "custom", message: "errors.invalidValue" });
        return undefined;
      }
    }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const db = runtime().db;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const done = async (message: string, params?: Record<string, string | number>) =>
    redirect(`/manage/courses/${course.id}`, {
      headers: { "Set-Cookie": await flashCookie(request, { kind: "success", message, params }) },
    });
  const refused = (message: string, params?: Record<string, string | number>, status = 400) =>
    json({ ...formFailure(formData, {}, message, params), intent }, { status });

  switch (intent) {
    case "save": {
      const parsed = parseForm(courseSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      const result = await updateCourse(db, request, user, course.id, parsed.data);
      if (!result.ok)
        return json(
          { ...formFailure(formData, { [result.field ?? "orgNodeId"]: result.message }), intent },
          { status: 400 },
        );
      return done("courses.editor.saved");
    }
    case "publish": {
      const result = await publishCourse(db, request, user, course.id);
      if (!result.ok) return refused(result.message, result.params);
      return done("courses.editor.published");
    }
    case "withdraw": {
      const result = await withdrawCourse(db, request, user, course.id);
      if (!result.ok) return refused(result.message);
      return done(result.status === "ARCHIVED" ? "courses.editor.archived" : "courses.editor.withdrawn");
    }
    case "addModule":
    case "renameModule": {
      const parsed = parseForm(moduleSchema, formData);
      if (!parsed.ok) return refused(Object.values(parsed.fieldErrors)[0] ?? "errors.invalidValue");
      const result =
        intent === "addModule"
          ? await addModule(db, request, user, course.id, parsed.data.title)
          : await renameModule(db, request, user, {
              courseId: course.id,
              moduleId: String(formData.get("moduleId") ?? ""),
              title: parsed.data.title,
            });
      if (!result.ok) return refused(result.message);
      return done("courses.editor.saved");
    }
    case "removeModule":
    case "removeLesson": {
      const result =
        intent === "removeModule"
          ? await removeModule(db, request, user, {
              courseId: course.id,
              moduleId: String(formData.get("moduleId") ?? ""),
            })
          : await removeLesson(db, request, user, {
              courseId: course.id,
              lessonId: String(formData.get("lessonId") ?? ""),
            });
      if (!result.ok) return refused(result.message);
      return done(result.archived ? "courses.editor.removedArchived" : "courses.editor.removed");
    }
    case "move":
    case "reorder": {
      const parsed = parseForm(moveSchema, formData);
      if (!parsed.ok) return refused("errors.invalidValue");
      const result = await reorder(db, request, user, { courseId: course.id, ...parsed.data });
      if (!result.ok) return refused(result.message);
      return done("courses.editor.moved");
    }
    default:
      return refused("errors.invalidValue");
  }
}

export default function EditCoursePage() {
  const { t } = useTranslation();
  const { course, enrolments, nodes, values, modules } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const saveFailure = failure?.intent === "save" ? failure : undefined;
  return (
    <>
      <p>
        <Link to="/manage/courses">← {t("courses.manage.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{course.title}</h1>
        <span className={`status-badge status-${course.status.toLowerCase()}`}>
          {t(`courses.status.${course.status}`)}
        </span>
      </div>
      <p className="muted">
        {t("courses.editor.enrolled", { count: enrolments })} ·{" "}
        <Link to={`/manage/courses/${course.id}/learners`}>{t("courses.manage.learnersLink")}</Link>
        {course.status === "PUBLISHED" ? (
          <>
            {" · "}
            <Link to={`/courses/${course.slug}`}>{t("courses.manage.publicPage")}</Link>
          </>
        ) : null}
      </p>
      {enrolments > 0 ? <p className="alert alert-info">{t("courses.editor.progressKept")}</p> : null}
      {failure && failure.intent !== "save" ? (
        <FormAlert error={{ key: failure.formError ?? "errors.invalidValue", params: failure.formErrorParams }} />
      ) : null}
      <Form method="post" className="inline-form publish-bar">
        {course.status === "PUBLISHED" ? (
          <Button type="submit" name="intent" value="withdraw" variant="secondary" disabled={busy}>
            {enrolments > 0 ? t("courses.editor.archive") : t("courses.editor.withdraw")}
          </Button>
        ) : (
          <Button type="submit" name="intent" value="publish" disabled={busy}>
            {t("courses.editor.publish")}
          </Button>
        )}
      </Form>
      <OutlineEditor courseId={course.id} modules={modules} />
      <h2>{t("courses.editor.settings")}</h2>
      <CourseForm
        key={saveFailure ? JSON.stringify(saveFailure.values) : JSON.stringify(values)}
        values={saveFailure?.values ?? values}
        errors={saveFailure?.fieldErrors ?? {}}
        formError={saveFailure?.formError}
        nodes={nodes}
        submitLabel={t("common.save")}
        busy={busy}
      />
    </>
  );
}
