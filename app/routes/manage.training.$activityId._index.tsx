import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { redirectWithToast } from "~/auth/session.server";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { SessionForm } from "~/training/components/SessionForm";
import { requireManagedActivity } from "~/training/guards.server";
import { sessionFormValues, sessionSchema } from "~/training/schemas";
import { updateSession } from "~/training/sessions.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Buổi tập huấn — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, activity } = await requireManagedActivity(request, params.activityId ?? "");
  const db = runtime().db;
  // An online run is the course's: edited with the course.
  if (activity.kind === "ONLINE" && activity.courseId) return redirect(`/manage/courses/${activity.courseId}`);
  const nodes = await listManagedTree(db, user);
  return json({
    id: activity.id,
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    values: sessionFormValues(activity),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activity } = await requireManagedActivity(request, params.activityId ?? "");
  const db = runtime().db;
  const activityId = activity.id;
  const formData = await request.formData();
  const parsed = parseForm(sessionSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await updateSession(db, request, user, activityId, parsed.data);
  if (!result.ok)
    return json(formFailure(formData, result.field ? { [result.field]: result.message } : {}, result.message), {
      status: result.code === "FORBIDDEN" ? 403 : 400,
    });
  return await redirectWithToast(request, `/manage/training/${activityId}`, "training.saved");
}

export default function EditSessionPage() {
  const { t } = useTranslation();
  const { id, nodes, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/training">← {t("training.title")}</Link>
      </p>
      <h1>{t("training.editTitle")}</h1>
      <p>
        <Link to={`/manage/training/${id}/attendance`}>{t("training.attendanceLink")}</Link>
      </p>
      <SessionForm
        key={failure ? JSON.stringify(failure.values) : id}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.formError}
        nodes={nodes}
        submitLabel={t("training.save")}
        busy={busy}
      />
    </>
  );
}
