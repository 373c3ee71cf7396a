import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { PlanForm } from "~/targets/components/PlanForm";
import { echoValues, parsePlanForm } from "~/targets/forms";
import { createPlan } from "~/targets/plans.server";
import { DEFAULT_OFFICIAL_ROLES } from "~/targets/schemas";
import { formFailure } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Thêm kế hoạch — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const nodes = await listManagedTree(runtime().db, user);
  return json({
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    values: {
      orgNodeId: nodes[0]?.id ?? "",
      name: "Kế hoạch thực hiện Đề án “Chuyển đổi số trong công tác phổ biến, giáo dục pháp luật giai đoạn 2025–2030”",
      number: "",
      issuedOn: "",
      implementsPlan: "",
      parentPlanId: "",
      officialCategories: "",
      officialRoles: DEFAULT_OFFICIAL_ROLES.join(","),
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parsePlanForm(formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createPlan(runtime().db, request, user, parsed.data);
  if (!result.ok)
    return json(
      {
        ...formFailure(formData, { [result.field ?? "orgNodeId"]: result.message }),
        values: echoValues(formData, ["officialRoles"]),
      },
      {
        status: result.code === "FORBIDDEN" ? 403 : 400,
      },
    );
  return await redirectWithToast(request, `/manage/targets/${result.planId}`, "targets.created");
}

export default function NewPlanPage() {
  const { t } = useTranslation();
  const { nodes, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/targets">← {t("targets.title")}</Link>
      </p>
      <h1>{t("targets.newTitle")}</h1>
      <PlanForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.formError}
        nodes={nodes}
        parentPlans={[]}
        submitLabel={t("targets.create")}
        busy={busy}
      />
    </>
  );
}
