import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/Feedback";
import type { IntegrityFlag } from "~/contests/integrity.server";
import { useTranslation } from "~/i18n/react";
import { duration } from "~/utils/duration";
import { FlagList } from "./FlaggedAttempts";

export interface PageState {
  number: number;
  offset: number;
  size: number;
  total: number;
}

/** Previous and next links through a ranking that is too long for one page. */
export function RankingPager({ page, hrefFor }: { page: PageState; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  const to = Math.min(page.offset + page.size, page.total);
  const last = Math.max(1, Math.ceil(page.total / page.size));
  return (
    <nav className="pager" aria-label={t("table.pagination")}>
      {page.number > 1 ? <Link to={hrefFor(page.number - 1)}>← {t("table.previous")}</Link> : null}
      <span>{t("results.rankingShown", { from: Math.min(page.offset + 1, page.total), to, total: page.total })}</span>
      {page.number < last ? <Link to={hrefFor(page.number + 1)}>{t("table.next")} →</Link> : null}
    </nav>
  );
}

interface RoundRow {
  rank: number;
  attemptId: string;
  fullName: string;
  number: number;
  score: number;
  maxScore: number;
  prediction: number | null;
  timeUsedMs: number;
  flags: IntegrityFlag[];
}

export function RoundRankingTable({ caption, rows }: { caption: string; rows: RoundRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyState title={t("manageContests.noResults")} />;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("manageContests.rank")}</th>
            <th scope="col">{t("fields.fullName")}</th>
            <th scope="col">{t("attempt.score")}</th>
            <th scope="col">{t("manageContests.prediction")}</th>
            <th scope="col">{t("manageContests.time")}</th>
            <th scope="col">{t("results.flagsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.attemptId} className={entry.flags.length > 0 ? "row-flagged" : undefined}>
              <td data-label={t("manageContests.rank")}>{entry.rank}</td>
              <td data-label={t("fields.fullName")}>
                {entry.fullName}
                {entry.number > 1 ? (
                  <span className="muted"> ({t("results.flagged.attempt", { number: entry.number })})</span>
                ) : null}
              </td>
              <td data-label={t("attempt.score")}>
                {entry.score}/{entry.maxScore}
              </td>
              <td data-label={t("manageContests.prediction")}>{entry.prediction ?? "—"}</td>
              <td data-label={t("manageContests.time")}>{duration(entry.timeUsedMs)}</td>
              <td data-label={t("results.flagsColumn")}>
                {entry.flags.length > 0 ? <FlagList flags={entry.flags} short /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ContestRow {
  rank: number;
  userId: string;
  fullName: string;
  score: number;
  roundsTaken: number;
  timeUsedMs: number;
}

export function ContestRankingTable({ rows }: { rows: ContestRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyState title={t("manageContests.noResults")} />;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t("results.contestRankingCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("manageContests.rank")}</th>
            <th scope="col">{t("fields.fullName")}</th>
            <th scope="col">{t("results.totalScore")}</th>
            <th scope="col">{t("results.roundsTaken")}</th>
            <th scope="col">{t("results.totalTime")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.userId}>
              <td data-label={t("manageContests.rank")}>{entry.rank}</td>
              <td data-label={t("fields.fullName")}>{entry.fullName}</td>
              <td data-label={t("results.totalScore")}>{entry.score}</td>
              <td data-label={t("results.roundsTaken")}>{entry.roundsTaken}</td>
              <td data-label={t("results.totalTime")}>{duration(entry.timeUsedMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
