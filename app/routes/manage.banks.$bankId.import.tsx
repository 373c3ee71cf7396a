import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FileField, FormAlert, SelectField } from "~/components/Field";
import { ImportErrors } from "~/components/ImportErrors";
import { useTranslation } from "~/i18n/react";
import { keepPendingImport, readUploadForm, takePendingImport } from "~/imports/upload.server";
import { requireBank } from "~/questions/guards.server";
import { importQuestions, type QuestionImportReport } from "~/questions/import.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Nhập câu hỏi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank } = await requireBank(request, params.bankId ?? "", "write");
  return json({ bank: { id: bank.id, name: bank.name } });
}

type ImportActionData =
  | { stage: "error"; message: string; params?: Record<string, string> }
  | {
      stage: "checked";
      report: QuestionImportReport;
      token: string | null;
      fileName: string;
      status: string;
      createTopics: boolean;
    };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bank } = await requireBank(request, params.bankId ?? "", "write");
  const { db, store } = runtime();
  const upload = await readUploadForm(request, "file");
  if (!upload.ok)
    return json<ImportActionData>(
      { stage: "error", message: "errors.import.tooLarge", params: { limit: "5 MB" } },
      { status: 413 },
    );
  const form = upload.formData;
  const status = form.get("status") === "APPROVED" ? "APPROVED" : "DRAFT";
  const createTopics = form.get("createTopics") === "yes";

  if (form.get("intent") === "apply") {
    const file = await takePendingImport(store, user.id, String(form.get("token") ?? ""));
    if (!file) return json<ImportActionData>({ stage: "error", message: "errors.import.expired" }, { status: 400 });
    const report = await importQuestions(db, request, user, bank.id, file, { dryRun: false, status, createTopics });
    return redirect(`/manage/banks/${bank.id}`, {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: "questionImport.applied",
          params: { imported: report.imported, skipped: report.total - report.imported },
        }),
      },
    });
  }

  if (!upload.file) return json<ImportActionData>({ stage: "error", message: "errors.import.noFile" }, { status: 400 });
  const report = await importQuestions(db, request, user, bank.id, upload.file, { dryRun: true, status, createTopics });
  if (report.fileError) {
    return json<ImportActionData>(
      { stage: "error", message: report.fileError.message, params: report.fileError.params },
      { status: 400 },
    );
  }
  const token = report.good > 0 ? await keepPendingImport(store, user.id, upload.file) : null;
  return json<ImportActionData>({
    stage: "checked",
    report,
    token,
    fileName: upload.file.name.slice(0, 200),
    status,
    createTopics,
  });
}

export default function QuestionImportPage() {
  const { t } = useTranslation();
  const { bank } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/manage/banks/${bank.id}`}>← {bank.name}</Link>
      </p>
      <h1>{t("questionImport.title")}</h1>
      <p>{t("questionImport.intro")}</p>
      <p>
        <a href="/manage/banks/template.xlsx" download>
          {t("questionImport.downloadTemplate")}
        </a>
      </p>
      <FormAlert error={data?.stage === "error" ? { key: data.message, params: data.params } : undefined} />
      <Form method="post" encType="multipart/form-data" className="card form-card">
        <FileField
          label={t("questionImport.fileLabel")}
          hint={t("questionImport.fileHint")}
          name="file"
          accept=".xlsx,.csv,.xml,.txt,.gift"
        />
        <SelectField
          label={t("questionImport.status")}
          name="status"
          defaultValue="DRAFT"
          options={[
            { value: "DRAFT", label: t("questionImport.statusDraft") },
            { value: "APPROVED", label: t("questionImport.statusApproved") },
          ]}
        />
        <label className="checkbox">
          <input type="checkbox" name="createTopics" value="yes" defaultChecked /> {t("questionImport.createTopics")}
        </label>
        <Button type="submit" name="intent" value="check" disabled={submitting}>
          {submitting ? t("common.working") : t("questionImport.check")}
        </Button>
      </Form>

      {data?.stage === "checked" ? (
        <section className="card" aria-labelledby="question-report-title">
          <h2 id="question-report-title">{t("questionImport.reportTitle", { file: data.fileName })}</h2>
          <p>
            {t("questionImport.summary", {
              total: data.report.total,
              good: data.report.good,
              bad: data.report.total - data.report.good,
            })}
          </p>
          <ImportErrors caption={t("questionImport.errorsCaption")} withColumn={false} errors={data.report.errors} />
          {data.token ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="token" value={data.token} />
              <input type="hidden" name="status" value={data.status} />
              {data.createTopics ? <input type="hidden" name="createTopics" value="yes" /> : null}
              <Button type="submit" name="intent" value="apply" disabled={submitting}>
                {t("questionImport.apply", { count: data.report.good })}
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
