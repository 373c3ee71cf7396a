import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { Button, ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { activityTotals, summarizeTraining, trainingScopeOf } from "~/training/activities.server";
import { periodFromUrl } from "~/training/schemas";
import { formatVietnamDateTime } from "~/utils/vietnam-time";

export const meta: MetaFunction = () => [{ title: "Hoạt động tập huấn — Legal Arena" }];

/** How many rows the list shows; the summary always counts every activity of the period. */
const LIST_LIMIT = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const period = periodFromUrl(new URL(request.url));
  const rows = await activityTotals(db, trainingScopeOf(user), period);
  const nodes = await db.orgNode.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.orgNodeId))] } },
    select: { id: true, name: true },
  });
  const nodeName = new Map(nodes.map((node) => [node.id, node.name]));
  return json({
    fromDay: period.fromDay,
    toDay: period.toDay,
    summary: summarizeTraining(rows),
    total: rows.length,
    activities: rows.slice(0, LIST_LIMIT).map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      courseId: row.courseId,
      node: nodeName.get(row.orgNodeId) ?? "",
      startsAt: formatVietnamDateTime(row.startsAt).replace("T", " "),
      place: row.place,
      trainer: row.trainer,
      participants: row.participants,
      hours: Math.round((row.participantMinutes / 60) * 10) / 10,
    })),
  });
}

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export default function TrainingPage() {
  const { t } = useTranslation();
  const { fromDay, toDay, summary, activities, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("training.title")}</h1>
      <p>{t("training.intro")}</p>
      <p>
        <ButtonLink to="/manage/training/new">{t("training.newTitle")}</ButtonLink>
      </p>
      <Form method="get" className="card form-card" aria-label={t("training.periodLabel")}>
        <div className="field-row">
          <TextField label={t("training.from")} name="from" type="date" defaultValue={fromDay} />
          <TextField label={t("training.to")} name="to" type="date" defaultValue={toDay} />
        </div>
        <Button type="submit" variant="secondary">
          {t("training.filter")}
        </Button>
      </Form>

      <section className="card" aria-labelledby="share-title">
        <h2 id="share-title">{t("training.shareTitle", { from: fromDay, to: toDay })}</h2>
        <p className="field-hint">{t("training.shareRule")}</p>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("training.measure")}</th>
                <th scope="col">{t("training.online")}</th>
                <th scope="col">{t("training.all")}</th>
                <th scope="col">{t("training.share")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("training.byActivities")}</th>
                <td>{summary.activities.online}</td>
                <td>{summary.activities.total}</td>
                <td>{percent(summary.shareByActivities)}</td>
              </tr>
              <tr>
                <th scope="row">{t("training.byHours")}</th>
                <td>{hours(summary.participantMinutes.online)}</td>
                <td>{hours(summary.participantMinutes.total)}</td>
                <td>{percent(summary.shareByParticipantHours)}</td>
              </tr>
              <tr>
                <th scope="row">{t("training.byParticipants")}</th>
                <td>{summary.participants.online}</td>
                <td>{summary.participants.total}</td>
                <td>—</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">{t("training.listTitle", { count: total })}</h2>
        {activities.length === 0 ? (
          <EmptyState title={t("training.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("training.columns.startsAt")}</th>
                  <th scope="col">{t("training.columns.title")}</th>
                  <th scope="col">{t("training.columns.kind")}</th>
                  <th scope="col">{t("training.columns.node")}</th>
                  <th scope="col">{t("training.columns.participants")}</th>
                  <th scope="col">{t("training.columns.participantHours")}</th>
                </tr>
              </thead>
              <tbody>
                {activities.map((activity) => (
                  <tr key={activity.id}>
                    <td data-label={t("training.columns.startsAt")}>{activity.startsAt}</td>
                    <td data-label={t("training.columns.title")}>
                      {activity.kind === "ONLINE" && activity.courseId ? (
                        <Link to={`/manage/courses/${activity.courseId}/learners`}>{activity.title}</Link>
                      ) : (
                        <Link to={`/manage/training/${activity.id}/attendance`}>{activity.title}</Link>
                      )}
                      {activity.place || activity.trainer ? (
                        <div className="field-hint">
                          {[activity.place, activity.trainer].filter(Boolean).join(" · ")}
                        </div>
                      ) : null}
                    </td>
                    <td data-label={t("training.columns.kind")}>{t(`training.kinds.${activity.kind}`)}</td>
                    <td data-label={t("training.columns.node")}>{activity.node}</td>
                    <td data-label={t("training.columns.participants")}>{activity.participants}</td>
                    <td data-label={t("training.columns.participantHours")}>{activity.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total > activities.length ? <p>{t("training.listLimited", { shown: activities.length })}</p> : null}
      </section>
    </>
  );
}
