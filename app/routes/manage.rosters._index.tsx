import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { shortDate } from "~/certificates/wording";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FileField, FormAlert, SelectField, TextField } from "~/components/Field";
import { ImportErrors } from "~/components/ImportErrors";
import { useTranslation } from "~/i18n/react";
import { keepPendingImport, readUploadForm, takePendingImport } from "~/imports/upload.server";
import { nodeOptions } from "~/org/node-options";
import { listManagedTree } from "~/org/tree.server";
import { assignableCoursesFilter, assignCourse, courseAssignments, rosterGroups } from "~/rosters/assignments.server";
import { importRoster, type RosterImportReport } from "~/rosters/import.server";
import { PASSWORDS_TTL_MS, passwordsKey } from "~/rosters/passwords.server";
import { assignSchema } from "~/rosters/schemas";
import { runtime } from "~/runtime.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Danh sách học viên — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const [nodes, groups, assignments, courses] = await Promise.all([
    listManagedTree(db, user),
    rosterGroups(db, user),
    courseAssignments(db, user),
    db.course.findMany({
      where: assignableCoursesFilter(user),
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  const passwords = new URL(request.url).searchParams.get("passwords");
  return json({
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    groups,
    assignments,
    courses,
    passwords: passwords && /^[0-9a-f-]{36}$/.test(passwords) ? passwords : null,
  });
}

type ActionData =
  | { stage: "error"; message: string; params?: Record<string, string> }
  | {
      stage: "checked";
      report: Omit<RosterImportReport, "passwords">;
      token: string | null;
      fileName: string;
      nodeId: string;
    }
  | { stage: "assign"; fieldErrors: Record<string, string>; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db, store } = runtime();
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const formData = await request.formData();
    const parsed = parseForm(assignSchema, formData);
    if (!parsed.ok) return json<ActionData>({ stage: "assign", fieldErrors: parsed.fieldErrors }, { status: 400 });
    const [orgNodeId, groupKey] = parsed.data.group.split("|");
    const result = await assignCourse(db, request, user, {
      courseId: parsed.data.courseId,
      orgNodeId,
      groupKey,
      dueAt: parsed.data.dueAt,
    });
    if (!result.ok)
      return json<ActionData>({ stage: "assign", fieldErrors: {}, formError: result.message }, { status: 400 });
    return redirect("/manage/rosters", {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: "rosters.assigned",
          params: { enrolled: result.enrolled, already: result.alreadyEnrolled },
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
  const nodeId = String(upload.formData.get("nodeId") ?? "");
  if (upload.formData.get("intent") === "apply") {
    const file = await takePendingImport(store, user.id, String(upload.formData.get("token") ?? ""));
    if (!file) return json<ActionData>({ stage: "error", message: "errors.import.expired" }, { status: 400 });
    const report = await importRoster(db, request, user, { nodeId, file, dryRun: false });
    if (!report.applied) {
      const { passwords: _, ...rest } = report;
      return json<ActionData>(
        { stage: "checked", report: rest, token: null, fileName: file.name, nodeId },
        { status: 400 },
      );
    }
    let back = "/manage/rosters";
    if (report.passwords) {
      // Kept in the shared store for half an hour, for one download; never in the database.
      const token = randomUUID();
      await store.set(passwordsKey(user.id, token), report.passwords.toString("base64"), PASSWORDS_TTL_MS);
      back = `/manage/rosters?passwords=${token}`;
    }
    return redirect(back, {
      headers: {
        "Set-Cookie": await flashCookie(request, {
          kind: "success",
          message: report.enrolled ? "rosters.importedAndEnrolled" : "rosters.imported",
          params: { matched: report.matched, created: report.created, enrolled: report.enrolled ?? 0 },
        }),
      },
    });
  }
  if (!upload.file) return json<ActionData>({ stage: "error", message: "errors.import.noFile" }, { status: 400 });
  const report = await importRoster(db, request, user, { nodeId, file: upload.file, dryRun: true });
  if (report.fileError)
    return json<ActionData>(
      { stage: "error", message: report.fileError.message, params: report.fileError.params },
      { status: 400 },
    );
  const token = report.errors.length === 0 ? await keepPendingImport(store, user.id, upload.file) : null;
  return json<ActionData>({ stage: "checked", report, token, fileName: upload.file.name.slice(0, 200), nodeId });
}

export default function RostersPage() {
  const { t } = useTranslation();
  const { nodes, groups, assignments, courses, passwords } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const nodeChoices = nodeOptions(nodes);
  return (
    <>
      <h1>{t("rosters.title")}</h1>
      <p>{t("rosters.intro")}</p>
      {passwords ? (
        <div className="alert alert-info" role="status">
          <p>{t("rosters.passwordsReady")}</p>
          <a className="btn btn-primary" href={`/manage/rosters/passwords/${passwords}.xlsx`} download>
            {t("rosters.downloadPasswords")}
          </a>
        </div>
      ) : null}

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">{t("rosters.importTitle")}</h2>
        <p>
          <a href="/manage/rosters/template.xlsx" download>
            {t("rosters.downloadTemplate")}
          </a>
        </p>
        <FormAlert error={data?.stage === "error" ? { key: data.message, params: data.params } : undefined} />
        <Form method="post" encType="multipart/form-data" className="form-card">
          <SelectField label={t("rosters.node")} name="nodeId" options={nodeChoices} defaultValue={nodes[0]?.id} />
          <FileField label={t("rosters.file")} hint={t("rosters.fileHint")} name="file" accept=".xlsx,.csv" />
          <Button type="submit" name="intent" value="check" disabled={submitting}>
            {submitting ? t("common.working") : t("rosters.check")}
          </Button>
        </Form>
        {data?.stage === "checked" ? (
          <div>
            <h3 id="report-title">{t("rosters.reportTitle", { file: data.fileName })}</h3>
            <p>
              {t("rosters.summary", {
                total: data.report.total,
                matched: data.report.matched,
                created: data.report.created,
                errors: data.report.errors.length,
              })}
            </p>
            <ImportErrors
              caption={t("rosters.errorsCaption")}
              withColumn
              errors={data.report.errors.map((error) => ({
                ...error,
                column: error.column ? t(`rosters.columns.${error.column}`) : undefined,
              }))}
            />
            {data.token ? (
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="token" value={data.token} />
                <input type="hidden" name="nodeId" value={data.nodeId} />
                <Button type="submit" name="intent" value="apply" disabled={submitting}>
                  {t("rosters.apply", { count: data.report.total })}
                </Button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">{t("rosters.groupsTitle")}</h2>
        {groups.length === 0 ? (
          <EmptyState title={t("rosters.noGroups")} />
        ) : (
          <>
            <ul>
              {groups.map((group) => (
                <li key={`${group.orgNodeId}|${group.groupKey}`}>
                  {t("rosters.groupLine", { name: group.groupName, node: group.nodeName, count: group.members })}
                </li>
              ))}
            </ul>
            <h3>{t("rosters.assignTitle")}</h3>
            <FormAlert
              error={data?.stage === "assign" ? (data.formError ?? Object.values(data.fieldErrors)[0]) : undefined}
            />
            <Form method="post" className="form-card">
              <SelectField
                label={t("rosters.course")}
                name="courseId"
                options={[
                  { value: "", label: t("rosters.chooseCourse") },
                  ...courses.map((course) => ({ value: course.id, label: course.title })),
                ]}
                error={data?.stage === "assign" ? data.fieldErrors.courseId : undefined}
              />
              <SelectField
                label={t("rosters.group")}
                name="group"
                options={groups.map((group) => ({
                  value: `${group.orgNodeId}|${group.groupKey}`,
                  label: `${group.groupName} — ${group.nodeName} (${group.members})`,
                }))}
                error={data?.stage === "assign" ? data.fieldErrors.group : undefined}
              />
              <TextField
                label={t("rosters.dueAt")}
                hint={t("rosters.dueAtHint")}
                name="dueAt"
                type="date"
                error={data?.stage === "assign" ? data.fieldErrors.dueAt : undefined}
              />
              <Button type="submit" disabled={submitting}>
                {t("rosters.assign")}
              </Button>
            </Form>
          </>
        )}
      </section>

      {assignments.length > 0 ? (
        <section className="card" aria-labelledby="assignments-title">
          <h2 id="assignments-title">{t("rosters.assignmentsTitle")}</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("rosters.course")}</th>
                  <th scope="col">{t("rosters.group")}</th>
                  <th scope="col">{t("rosters.dueAt")}</th>
                  <th scope="col">{t("rosters.completedCount")}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>{assignment.courseTitle}</td>
                    <td>
                      {assignment.groupName} — {assignment.nodeName}
                    </td>
                    <td>{assignment.dueAt ? shortDate(new Date(assignment.dueAt)) : "—"}</td>
                    <td>
                      {t("rosters.completedOf", { completed: assignment.completed, members: assignment.members })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
