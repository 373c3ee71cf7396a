import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { readContestFormData } from "~/contests/banner.server";
import { ContestForm } from "~/contests/components/ContestForm";
import { createContest } from "~/contests/contests.server";
import { newContestFormValues, readContestForm, setupFailure } from "~/contests/setup-forms";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Tạo cuộc thi — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const nodes = await listManagedTree(runtime().db, user);
  return json({
    nodes: nodes.map(({ id, name, code, depth }) => ({ id, name, code, depth })),
    values: newContestFormValues(nodes[0]?.id ?? ""),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { formData, bannerError } = await readContestFormData(request);
  const read = readContestForm(formData, bannerError ? { banner: bannerError } : {});
  if (!read.ok) return json(read, { status: 400 });
  const result = await createContest(runtime().db, request, user, read.input);
  if (!result.ok)
    return json(
      setupFailure(
        formData,
        result.field ? { [result.field]: result.message } : {},
        result.field ? undefined : result.message,
      ),
      { status: result.code === "FORBIDDEN" ? 403 : 400 },
    );
  return await redirectWithToast(request, `/manage/contests/${result.contestId}`, "contestSetup.created");
}

export default function NewContestPage() {
  const { t } = useTranslation();
  const { nodes, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/contests">← {t("manageContests.title")}</Link>
      </p>
      <h1>{t("contestSetup.newTitle")}</h1>
      <ContestForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={failure?.formError}
        nodes={nodes}
        registrations={0}
        submitLabel={t("contestSetup.create")}
        busy={busy}
      />
    </>
  );
}
