import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { SessionForm } from "~/training/components/SessionForm";
import { sessionSchema } from "~/training/schemas";
import { createSession } from "~/training/sessions.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Ghi nhận buổi tập huấn — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const nodes = await listManagedTree(runtime().db, user);
  return json({
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    values: {
      orgNodeId: nodes[0]?.id ?? "",
      title: "",
      startsAt: "",
      endsAt: "",
      hours: "",
      place: "",
      trainer: "",
      category: "",
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(sessionSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createSession(runtime().db, request, user, parsed.data);
  if (!result.ok)
    return json(formFailure(formData, { [result.field ?? "orgNodeId"]: result.message }), {
      status: result.code === "FORBIDDEN" ? 403 : 400,
    });
  return await redirectWithToast(request, `/manage/training/${result.activityId}/attendance`, "training.created");
}

export default function NewSessionPage() {
  const { t } = useTranslation();
  const { nodes, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/training">← {t("training.title")}</Link>
      </p>
      <h1>{t("training.newTitle")}</h1>
      <SessionForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.formError}
        nodes={nodes}
        submitLabel={t("training.create")}
        busy={busy}
      />
    </>
  );
}
