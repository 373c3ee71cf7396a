import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { SelectField, TextField } from "~/components/Field";
import { announcementRows, MAX_ANNOUNCED } from "~/contests/announcement.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { duration } from "~/utils/duration";

export const meta: MetaFunction = () => [{ title: "Thông báo kết quả — Legal Arena" }];

const searchSchema = z.object({
  scope: z.string().max(64).optional().catch(undefined),
  top: z.coerce.number().int().min(1).max(MAX_ANNOUNCED).catch(10),
});

/** Today in Vietnam, for the date line of the announcement. */
function vietnamToday(now: Date) {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return {
    day: String(local.getUTCDate()).padStart(2, "0"),
    month: String(local.getUTCMonth() + 1).padStart(2, "0"),
    year: String(local.getUTCFullYear()),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const contest = await db.contest.findUnique({
    where: { id: params.contestId ?? "" },
    include: { orgNode: { select: { name: true, path: true } }, rounds: { orderBy: { position: "asc" } } },
  });
  if (!contest || !hasRole(user.grants, "ORGANIZER", contest.orgNode.path)) throw forbidden();
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const round = contest.rounds.find((candidate) => candidate.id === search.scope) ?? null;
  const scopeId = round ? round.id : "contest";
  const { participants, rows, tiesIncluded } = await announcementRows(
    db,
    contest,
    round ? { roundId: round.id } : { contestId: contest.id },
    search.top,
  );
  return json({
    contest: { id: contest.id, title: contest.title, nodeName: contest.orgNode.name },
    rounds: contest.rounds.map((candidate) => ({ id: candidate.id, name: candidate.name })),
    scope: { id: scopeId, roundName: round?.name ?? null },
    top: search.top,
    maxTop: MAX_ANNOUNCED,
    participants,
    rows,
    tiesIncluded,
    showBirthYear: rows.some((row) => row.birthYear),
    showPhone: rows.some((row) => row.phone),
    today: vietnamToday(new Date()),
  });
}

function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {t("results.announcement.print")}
    </Button>
  );
}

export default function AnnouncementPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const scopeText = data.scope.roundName ?? t("results.announcement.subjectContest");
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/manage/contests/${data.contest.id}/results?view=${data.scope.id}`}>
            ← {t("results.announcement.back")}
          </Link>
        </p>
        <h1>{t("results.announcement.pageTitle")}</h1>
        <Form method="get" className="filter-form" aria-label={t("results.announcement.settings")}>
          <SelectField
            name="scope"
            label={t("results.announcement.scope")}
            defaultValue={data.scope.id}
            options={[
              ...data.rounds.map((round) => ({ value: round.id, label: round.name })),
              { value: "contest", label: t("results.wholeContest") },
            ]}
          />
          <TextField
            name="top"
            type="number"
            min={1}
            max={data.maxTop}
            label={t("results.announcement.top")}
            defaultValue={data.top}
          />
          <Button type="submit">{t("results.announcement.show")}</Button>
          <PrintButton />
        </Form>
      </div>
      <article className="announcement" aria-label={t("results.announcement.heading")}>
        <header className="announcement-head">
          <div className="announcement-issuer">
            <p>{data.contest.nodeName.toLocaleUpperCase("vi")}</p>
            <p>
              <strong>{t("results.announcement.organizer")}</strong>
            </p>
          </div>
          <div className="announcement-nation">
            <p>
              <strong>{t("results.announcement.nation")}</strong>
            </p>
            <p>
              <strong className="announcement-motto">{t("results.announcement.motto")}</strong>
            </p>
            <p className="announcement-date">
              <em>{t("results.announcement.date", data.today)}</em>
            </p>
          </div>
        </header>
        <h2 className="announcement-title">
          {t("results.announcement.heading")}
          <span>{t("results.announcement.subject", { scope: scopeText, contest: data.contest.title })}</span>
        </h2>
        {data.rows.length === 0 ? (
          <EmptyState title={t("results.announcement.empty")} />
        ) : (
          <>
            <p className="announcement-body">
              {t("results.announcement.intro", {
                scope: scopeText,
                participants: data.participants,
                count: data.rows.length,
              })}
            </p>
            <table className="announcement-table">
              <thead>
                <tr>
                  <th scope="col">{t("manageContests.rank")}</th>
                  <th scope="col">{t("fields.fullName")}</th>
                  {data.showBirthYear ? <th scope="col">{t("contest.fields.dateOfBirth")}</th> : null}
                  <th scope="col">{t("results.announcement.unit")}</th>
                  {data.showPhone ? <th scope="col">{t("contest.fields.phone")}</th> : null}
                  <th scope="col">{t("attempt.score")}</th>
                  <th scope="col">{t("manageContests.time")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={`${row.rank}-${row.fullName}-${row.timeUsedMs}-${row.phone}`}>
                    <td>{row.rank}</td>
                    <td>{row.fullName}</td>
                    {data.showBirthYear ? <td>{row.birthYear}</td> : null}
                    <td>{row.unit}</td>
                    {data.showPhone ? <td>{row.phone}</td> : null}
                    <td>{row.maxScore === null ? row.score : `${row.score}/${row.maxScore}`}</td>
                    <td>{duration(row.timeUsedMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.tiesIncluded ? <p className="announcement-note">{t("results.announcement.tiesNote")}</p> : null}
            {data.showPhone ? <p className="announcement-note">{t("results.announcement.maskNote")}</p> : null}
            <p className="announcement-body">{t("results.announcement.closing")}</p>
          </>
        )}
        <footer className="announcement-foot">
          <div className="announcement-recipients">
            <p>
              <strong>
                <em>{t("results.announcement.recipients")}</em>
              </strong>
            </p>
            <p className="prewrap">{t("results.announcement.recipientsList")}</p>
          </div>
          <div className="announcement-signature">
            <p>
              <strong>{t("results.announcement.signOn")}</strong>
            </p>
            <p>
              <strong>{t("results.announcement.signTitle")}</strong>
            </p>
          </div>
        </footer>
      </article>
    </>
  );
}
