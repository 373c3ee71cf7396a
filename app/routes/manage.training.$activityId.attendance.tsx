import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FileField, FormAlert } from "~/components/Field";
import { ImportErrors } from "~/components/ImportErrors";
import { useTranslation } from "~/i18n/react";
import { readUploadForm } from "~/imports/upload.server";
import { runtime } from "~/runtime.server";
import {
  type AttendanceImportReport,
  attendanceSheet,
  importAttendance,
  setAttendance,
} from "~/training/attendance.server";
import { requireManagedActivity } from "~/training/guards.server";
import { formatVietnamDateTime } from "~/utils/vietnam-time";

export const meta: MetaFunction = () => [{ title: "Điểm danh buổi tập huấn — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireManagedActivity(request, params.activityId ?? "");
  const sheet = await attendanceSheet(runtime().db, user, params.activityId ?? "");
  if (!sheet) throw new Response("Not found", { status: 404 });
  const { activity } = sheet;
  // An online run's participants are the course's learners.
  if (activity.kind === "ONLINE" && activity.courseId) return redirect(`/manage/courses/${activity.courseId}/learners`);
  return json({
    activity: {
      id: activity.id,
      title: activity.title,
      node: activity.orgNode.name,
      startsAt: formatVietnamDateTime(activity.startsAt).replace("T", " "),
      place: activity.place,
      trainer: activity.trainer,
      hours: Math.round((activity.durationMinutes / 60) * 100) / 100,
    },
    members: sheet.members.map((member) => ({
      ...member,
      hours: member.minutes === null ? null : Math.round((member.minutes / 60) * 100) / 100,
    })),
    others: sheet.others,
  });
}

/** The ticked roster members: ids as the checkboxes post them. */
const ticksSchema = z.array(z.string().min(1).max(64)).max(5000);

type ActionData =
  | { stage: "error"; message: string; params?: Record<string, string> }
  | { stage: "import"; report: AttendanceImportReport; fileName: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activity } = await requireManagedActivity(request, params.activityId ?? "");
  const db = runtime().db;
  const activityId = activity.id;
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const formData = await request.formData();
    const ticks = ticksSchema.safeParse(formData.getAll("present").map(String));
    if (!ticks.success) return json<ActionData>({ stage: "error", message: "errors.invalidValue" }, { status: 400 });
    const result = await setAttendance(db, request, user, activityId, ticks.data);
    if (!result.ok) return json<ActionData>({ stage: "error", message: result.message }, { status: 400 });
    return redirect(`/manage/training/${activityId}/attendance`, {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: "training.attendanceSaved",
          params: { added: result.added, removed: result.removed },
        }),
      },
    });
  }
  const upload = await readUploadForm(request, "file");
  if (!upload.ok)
    return json<ActionData>(
      { stage: "error", message: "errors.import.tooLarge", params: { limit: "5 MB" } },
      { status: 413 },
    );
  if (!upload.file) return json<ActionData>({ stage: "error", message: "errors.import.noFile" }, { status: 400 });
  const report = await importAttendance(db, request, user, { activityId, file: upload.file });
  if (report.fileError)
    return json<ActionData>(
      { stage: "error", message: report.fileError.message, params: report.fileError.params },
      { status: 400 },
    );
  // A file with bad rows is a report to read (as in the roster check), not a failed request.
  if (!report.applied) return json<ActionData>({ stage: "import", report, fileName: upload.file.name.slice(0, 200) });
  return redirect(`/manage/training/${activityId}/attendance`, {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: "training.attendanceImported",
        params: { count: report.matched },
      }),
    },
  });
}

export default function AttendancePage() {
  const { t } = useTranslation();
  const { activity, members, others } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const present = members.filter((member) => member.present).length + others.length;
  return (
    <>
      <p>
        <Link to="/manage/training">← {t("training.title")}</Link>
      </p>
      <h1>{t("training.attendanceTitle", { title: activity.title })}</h1>
      <p>
        {[activity.startsAt, activity.node, activity.place, activity.trainer].filter(Boolean).join(" · ")} ·{" "}
        {t("training.sessionHours", { hours: activity.hours })}
      </p>
      <p>
        <Link to={`/manage/training/${activity.id}`}>{t("training.editLink")}</Link>
      </p>
      <FormAlert error={data?.stage === "error" ? { key: data.message, params: data.params } : undefined} />

      <section className="card" aria-labelledby="tick-title">
        <h2 id="tick-title">{t("training.tickTitle", { present })}</h2>
        {members.length === 0 ? (
          <EmptyState title={t("training.noRoster")}>
            <Link to="/manage/rosters">{t("training.rosterLink")}</Link>
          </EmptyState>
        ) : (
          <Form method="post">
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("training.columns.present")}</th>
                    <th scope="col">{t("training.columns.fullName")}</th>
                    <th scope="col">{t("training.columns.group")}</th>
                    <th scope="col">{t("training.columns.unit")}</th>
                    <th scope="col">{t("training.columns.hours")}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => (
                    <tr key={member.id}>
                      <td data-label={t("training.columns.present")}>
                        <input
                          type="checkbox"
                          name="present"
                          value={member.id}
                          defaultChecked={member.present}
                          aria-label={t("training.presentAria", { name: member.fullName })}
                        />
                      </td>
                      <td data-label={t("training.columns.fullName")}>{member.fullName}</td>
                      <td data-label={t("training.columns.group")}>{member.groupName}</td>
                      <td data-label={t("training.columns.unit")}>{member.unit}</td>
                      <td data-label={t("training.columns.hours")}>{member.hours ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Button type="submit" disabled={submitting}>
              {submitting ? t("common.working") : t("training.saveAttendance")}
            </Button>
          </Form>
        )}
        {others.length > 0 ? (
          <p>
            {t("training.others", { names: others.map((other) => other.fullName).join(", "), count: others.length })}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">{t("training.importTitle")}</h2>
        <p>
          <a href="/manage/training/template.xlsx" download>
            {t("training.downloadTemplate")}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data" className="form-card">
          <FileField label={t("training.file")} hint={t("training.fileHint")} name="file" accept=".xlsx,.csv" />
          <Button type="submit" disabled={submitting}>
            {submitting ? t("common.working") : t("training.import")}
          </Button>
        </Form>
        {data?.stage === "import" ? (
          <div>
            <h3>{t("training.reportTitle", { file: data.fileName })}</h3>
            <p>{t("training.reportSummary", { total: data.report.total, errors: data.report.errors.length })}</p>
            <ImportErrors
              caption={t("training.errorsCaption")}
              withColumn
              errors={data.report.errors.map((error) => ({
                ...error,
                column: error.column ? t(`training.columns.${error.column}`) : undefined,
              }))}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
