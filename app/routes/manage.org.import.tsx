import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FileField, FormAlert } from "~/components/Field";
import { ImportErrors } from "~/components/ImportErrors";
import { useTranslation } from "~/i18n/react";
import { keepPendingImport, readUploadForm, takePendingImport } from "~/imports/upload.server";
import { importOrgTree, type OrgImportReport } from "~/org/import.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Nhập cây tổ chức — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ORGANIZER");
  return null;
}

type ImportActionData =
  | { stage: "error"; message: string; params?: Record<string, string> }
  | { stage: "checked"; report: OrgImportReport; token: string | null; fileName: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db, store } = runtime();
  const upload = await readUploadForm(request, "file");
  if (!upload.ok) {
    return json<ImportActionData>(
      { stage: "error", message: "errors.import.tooLarge", params: { limit: "5 MB" } },
      { status: 413 },
    );
  }
  const intent = upload.formData.get("intent");

  if (intent === "apply") {
    const file = await takePendingImport(store, user.id, String(upload.formData.get("token") ?? ""));
    if (!file) return json<ImportActionData>({ stage: "error", message: "errors.import.expired" }, { status: 400 });
    const report = await importOrgTree(db, request, user, file, { dryRun: false });
    if (!report.applied) {
      // The database changed since the check: show the new report, nothing was written.
      return json<ImportActionData>({ stage: "checked", report, token: null, fileName: file.name }, { status: 400 });
    }
    return redirect("/manage/org", {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: "orgImport.applied",
          params: { created: report.created, updated: report.updated },
        }),
      },
    });
  }

  if (!upload.file) return json<ImportActionData>({ stage: "error", message: "errors.import.noFile" }, { status: 400 });
  const report = await importOrgTree(db, request, user, upload.file, { dryRun: true });
  if (report.fileError) {
    return json<ImportActionData>(
      { stage: "error", message: report.fileError.message, params: report.fileError.params },
      { status: 400 },
    );
  }
  const token = report.ok ? await keepPendingImport(store, user.id, upload.file) : null;
  return json<ImportActionData>({ stage: "checked", report, token, fileName: upload.file.name.slice(0, 200) });
}

export default function OrgImportPage() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/manage/org">← {t("org.backToTree")}</Link>
      </p>
      <h1>{t("orgImport.title")}</h1>
      <p>{t("orgImport.intro")}</p>
      <p>
        <a href="/manage/org/template.xlsx" download>
          {t("orgImport.downloadTemplate")}
        </a>
      </p>
      <FormAlert error={data?.stage === "error" ? { key: data.message, params: data.params } : undefined} />
      <Form method="post" encType="multipart/form-data" className="card form-card">
        <FileField label={t("orgImport.fileLabel")} hint={t("orgImport.fileHint")} name="file" accept=".xlsx,.csv" />
        <Button type="submit" name="intent" value="check" disabled={submitting}>
          {submitting ? t("common.working") : t("orgImport.check")}
        </Button>
      </Form>

      {data?.stage === "checked" ? (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{t("orgImport.reportTitle", { file: data.fileName })}</h2>
          <p>
            {t("orgImport.summary", {
              total: data.report.total,
              created: data.report.created,
              updated: data.report.updated,
              unchanged: data.report.unchanged,
              errors: data.report.errors.length,
            })}
          </p>
          <ImportErrors
            caption={t("orgImport.errorsCaption")}
            withColumn
            errors={data.report.errors.map((error) => ({
              ...error,
              column: error.field ? t(`orgImport.columns.${error.field}`) : undefined,
            }))}
          />
          {data.token && data.report.errors.length === 0 ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="token" value={data.token} />
              <Button type="submit" name="intent" value="apply" disabled={submitting}>
                {t("orgImport.apply", { count: data.report.created + data.report.updated })}
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
