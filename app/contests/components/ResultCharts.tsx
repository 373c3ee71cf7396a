import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS, ChartFigure } from "~/components/ChartFigure";
import { EmptyState } from "~/components/Feedback";
import type { NodeParticipation, QuestionStatistics, TimelinePoint } from "~/contests/statistics.server";
import { useTranslation } from "~/i18n/react";

/** The results page's charts, each with its table (ChartFigure). */
const COLORS = CHART_COLORS;

function useFormats() {
  const { i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return { percent: (value: number) => percent.format(value), decimal: (value: number) => decimal.format(value) };
}

/** "2026-11-23T15:00" as 15:00 23/11 for hours or 23/11/2026 for days. */
function bucketText(at: string, bucket: "hour" | "day"): string {
  const [date, time] = at.split("T");
  const [year, month, day] = date.split("-");
  return bucket === "hour" ? `${time} ${day}/${month}` : `${day}/${month}/${year}`;
}

export function TimelineFigure({ bucket, points }: { bucket: "hour" | "day"; points: TimelinePoint[] }) {
  const { t } = useTranslation();
  if (points.length === 0) return <EmptyState title={t("results.timeline.empty")} />;
  const data = points.map((point) => ({ ...point, label: bucketText(point.at, bucket) }));
  // Dots only while they stay apart; a single bucket would otherwise draw nothing.
  const showDots = data.length <= 40;
  return (
    <ChartFigure
      label={t("results.timeline.caption")}
      chart={
        <LineChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line dataKey="started" name={t("results.timeline.started")} stroke={COLORS.primary} dot={showDots} />
          <Line dataKey="finished" name={t("results.timeline.finished")} stroke={COLORS.green} dot={showDots} />
          <Line
            dataKey="newContestants"
            name={t("results.timeline.newContestants")}
            stroke={COLORS.accent}
            dot={showDots}
          />
        </LineChart>
      }
      table={
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption>{t("results.timeline.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.timeline.at")}</th>
                <th scope="col">{t("results.timeline.started")}</th>
                <th scope="col">{t("results.timeline.finished")}</th>
                <th scope="col">{t("results.timeline.newContestants")}</th>
              </tr>
            </thead>
            <tbody>
              {data
                .filter((point) => point.started + point.finished + point.newContestants > 0)
                .map((point) => (
                  <tr key={point.at}>
                    <th scope="row">{point.label}</th>
                    <td data-label={t("results.timeline.started")}>{point.started}</td>
                    <td data-label={t("results.timeline.finished")}>{point.finished}</td>
                    <td data-label={t("results.timeline.newContestants")}>{point.newContestants}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

export function NodesFigure({ nodes, outside }: { nodes: NodeParticipation[]; outside: number }) {
  const { t } = useTranslation();
  const { percent } = useFormats();
  if (nodes.length === 0) return <EmptyState title={t("results.nodes.empty")} />;
  // The chart compares the units below the contest's own node, the ones collective prizes go to.
  const units = nodes
    .filter((node) => node.level > 0)
    .sort((a, b) => b.participants - a.participants)
    .slice(0, 15);
  return (
    <>
      <ChartFigure
        label={t("results.nodes.caption")}
        chart={
          <BarChart data={units} layout="vertical" margin={{ left: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={200} />
            <Tooltip />
            <Bar dataKey="participants" name={t("results.nodes.participants")} fill={COLORS.primary} maxBarSize={36} />
          </BarChart>
        }
        table={
          <div className="table-wrap">
            <table className="data-table compact-table">
              <caption>{t("results.nodes.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.nodes.node")}</th>
                  <th scope="col">{t("results.nodes.participants")}</th>
                  <th scope="col">{t("results.nodes.members")}</th>
                  <th scope="col">{t("results.nodes.share")}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((node) => (
                  <tr key={node.nodeId}>
                    <th scope="row" style={{ paddingLeft: `${0.7 + node.level * 1.2}rem` }}>
                      {node.name}
                    </th>
                    <td data-label={t("results.nodes.participants")}>{node.participants}</td>
                    <td data-label={t("results.nodes.members")}>{node.members}</td>
                    <td data-label={t("results.nodes.share")}>{node.share === null ? "—" : percent(node.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
      {outside > 0 ? <p className="muted">{t("results.nodes.outside", { count: outside })}</p> : null}
    </>
  );
}

export function ScoresFigure({
  maxScore,
  counts,
}: {
  maxScore: number;
  counts: Array<{ score: number; count: number }>;
}) {
  const { t } = useTranslation();
  const { decimal } = useFormats();
  if (counts.length === 0) return <EmptyState title={t("results.scores.empty")} />;
  const people = counts.reduce((sum, row) => sum + row.count, 0);
  const average = counts.reduce((sum, row) => sum + row.score * row.count, 0) / people;
  const median = medianOf(counts, people);
  // Every score from 0 to the maximum gets a bar, so gaps show as gaps.
  const byScore = new Map(counts.map((row) => [row.score, row.count]));
  const top = Math.max(maxScore, ...counts.map((row) => row.score));
  const data =
    top <= 100 ? Array.from({ length: top + 1 }, (_, score) => ({ score, count: byScore.get(score) ?? 0 })) : counts;
  return (
    <>
      <p>{t("results.scores.summary", { average: decimal(average), max: maxScore, median: decimal(median) })}</p>
      <ChartFigure
        label={t("results.scores.caption")}
        chart={
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="score" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={t("results.scores.count")} fill={COLORS.primary} maxBarSize={48} />
          </BarChart>
        }
        table={
          <div className="table-wrap">
            <table className="data-table compact-table">
              <caption>{t("results.scores.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.scores.score")}</th>
                  <th scope="col">{t("results.scores.count")}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((row) => (
                  <tr key={row.score}>
                    <th scope="row">{row.score}</th>
                    <td data-label={t("results.scores.count")}>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
    </>
  );
}

function medianOf(counts: Array<{ score: number; count: number }>, people: number): number {
  // The score of the k-th person (from 0) when everyone is lined up by score.
  const scoreAt = (k: number) => {
    let seen = 0;
    for (const row of counts) {
      seen += row.count;
      if (k < seen) return row.score;
    }
    return counts[counts.length - 1]?.score ?? 0;
  };
  const middle = (people - 1) / 2;
  return (scoreAt(Math.floor(middle)) + scoreAt(Math.ceil(middle))) / 2;
}

export function QuestionsFigure({ rows, total }: { rows: QuestionStatistics[]; total: number }) {
  const { t } = useTranslation();
  const { percent, decimal } = useFormats();
  if (rows.length === 0) return <EmptyState title={t("results.questions.empty")} />;
  const assessment = (row: QuestionStatistics) =>
    row.discrimination === null
      ? t("results.questions.notEnough")
      : row.flag === "negative"
        ? t("results.questions.negative")
        : row.flag === "low"
          ? t("results.questions.low")
          : t("results.questions.fine");
  const plotted = rows.filter((row) => row.discrimination !== null);
  return (
    <>
      {total > rows.length ? (
        <p className="muted">{t("results.questions.shown", { shown: rows.length, total })}</p>
      ) : null}
      {/* Questions without enough draws have no index to plot. */}
      {plotted.length > 0 ? (
        <ChartFigure
          label={t("results.questions.chartLabel")}
          chart={
            <ScatterChart accessibilityLayer={false} margin={{ top: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="shareCorrect"
                name={t("results.questions.shareCorrect")}
                domain={[0, 1]}
                tickFormatter={percent}
              />
              <YAxis
                type="number"
                dataKey="discrimination"
                name={t("results.questions.discrimination")}
                domain={[-1, 1]}
              />
              <ReferenceLine y={0.2} stroke={COLORS.grey} strokeDasharray="4 4" />
              <ReferenceLine y={0} stroke={COLORS.accent} />
              <Tooltip />
              <Scatter data={plotted} fill={COLORS.primary} />
            </ScatterChart>
          }
        />
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t("results.questions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("results.questions.question")}</th>
              <th scope="col">{t("results.questions.drawn")}</th>
              <th scope="col">{t("results.questions.shareCorrect")}</th>
              <th scope="col">{t("results.questions.discrimination")}</th>
              <th scope="col">{t("results.questions.assessment")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.questionVersionId} className={row.flag ? `question-${row.flag}` : undefined}>
                <td data-label={t("results.questions.question")}>
                  <a href={`/manage/questions/${row.questionId}`}>{row.stem}</a>{" "}
                  <span className="muted">({t("results.questions.version", { version: row.version })})</span>
                </td>
                <td data-label={t("results.questions.drawn")}>{row.drawn}</td>
                <td data-label={t("results.questions.shareCorrect")}>{percent(row.shareCorrect)}</td>
                <td data-label={t("results.questions.discrimination")}>
                  {row.discrimination === null ? "—" : decimal(row.discrimination)}
                </td>
                <td data-label={t("results.questions.assessment")}>
                  {row.flag ? <strong>{assessment(row)}</strong> : assessment(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
