import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { SurveyForm } from "~/surveys/components/SurveyForm";
import { surveySchema } from "~/surveys/schemas";
import { createSurvey } from "~/surveys/surveys.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Tạo khảo sát — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const nodes = await listManagedTree(runtime().db, user);
  return json({
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    values: { orgNodeId: nodes[0]?.id ?? "", title: "", intro: "", opensAt: "", closesAt: "" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(surveySchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createSurvey(runtime().db, request, user, parsed.data);
  if (!result.ok)
    return json(formFailure(formData, { [result.field ?? "orgNodeId"]: result.message }), {
      status: result.code === "FORBIDDEN" ? 403 : 400,
    });
  return await redirectWithToast(request, `/manage/surveys/${result.surveyId}`, "surveys.created");
}

export default function NewSurveyPage() {
  const { t } = useTranslation();
  const { nodes, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/surveys">← {t("surveys.title")}</Link>
      </p>
      <h1>{t("surveys.newTitle")}</h1>
      <SurveyForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.formError}
        nodes={nodes}
        submitLabel={t("surveys.create")}
        busy={busy}
      />
    </>
  );
}
