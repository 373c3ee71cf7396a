import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  RadialBar,
  RadialBarChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS, ChartFigure, useHydrated } from "~/components/ChartFigure";
import { useTranslation } from "~/i18n/react";
import { type GapStatus, monthLabel, percentText, type ReportLine, type ReportLineKey } from "../report";

/**
 * The dashboard's charts (issue 7 §4): a gauge per indicator against its target, the monthly
 * trend, and the units below ranked by residents reached. Every chart is hidden from screen
 * readers behind a table with the same numbers (ChartFigure); the gauges' table is the values
 * table the page always shows.
 */
const STATUS_COLOR: Record<GapStatus, string> = {
  met: CHART_COLORS.green,
  near: CHART_COLORS.amber,
  far: CHART_COLORS.accent,
  noTarget: CHART_COLORS.grey,
  noData: CHART_COLORS.grey,
};

const TREND_KEYS: ReportLineKey[] = ["officialsTrained", "onlineTraining", "residentsReached", "satisfaction"];
const TREND_COLORS = [CHART_COLORS.primary, CHART_COLORS.green, CHART_COLORS.accent, CHART_COLORS.amber];

const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** A cell's text: "45,7" with the assessment for screen readers (the colour is not the only cue). */
export function StatusCell({ line }: { line: ReportLine | undefined }) {
  const { t } = useTranslation();
  if (!line) return <td className="gap-cell gap-noData">–</td>;
  return (
    <td className={`gap-cell gap-${line.status}`} data-status={line.status}>
      {line.value === null ? "–" : percentText(line.value)}
      <span className="visually-hidden"> ({t(`indicators.status.${line.status}`)})</span>
    </td>
  );
}

/** Small half-circle gauges, one per indicator with a value or a target. */
export function Gauges({ lines }: { lines: ReportLine[] }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <div className="gauge-grid" aria-hidden="true" title={t("indicators.gaugeLabel")}>
      {lines
        .filter((line) => line.value !== null || line.targetPct !== null)
        .map((line) => (
          <div className="gauge" key={line.key}>
            <RadialBarChart
              width={180}
              height={110}
              cx={90}
              cy={95}
              innerRadius={60}
              outerRadius={85}
              startAngle={180}
              endAngle={0}
              data={[{ value: pct(line.value) ?? 0 }]}
              accessibilityLayer={false}
            >
              <PolarAngleAxis type="number" domain={[0, 100]} tick={false} />
              <RadialBar dataKey="value" background fill={STATUS_COLOR[line.status]} isAnimationActive={false} />
            </RadialBarChart>
            <p className="gauge-value">{line.value === null ? "–" : `${percentText(line.value)}%`}</p>
            <p className="gauge-label">{t(`indicators.lines.${line.key}`)}</p>
            {line.targetPct !== null ? (
              <p className="gauge-target">
                {t("indicators.columns.target")}: {percentText(line.targetPct / 100)}
              </p>
            ) : null}
          </div>
        ))}
    </div>
  );
}

export interface TrendMonth {
  month: string;
  lines: ReportLine[];
}

export function TrendFigure({ months }: { months: TrendMonth[] }) {
  const { t } = useTranslation();
  const data = months.map((month) => ({
    label: monthLabel(month.month),
    ...Object.fromEntries(
      TREND_KEYS.map((key) => [key, pct(month.lines.find((line) => line.key === key)?.value ?? null)]),
    ),
  }));
  return (
    <ChartFigure
      label={t("indicators.trendCaption")}
      chart={
        <LineChart data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip />
          <Legend />
          {TREND_KEYS.map((key, index) => (
            <Line
              key={key}
              dataKey={key}
              name={t(`indicators.lines.${key}`)}
              stroke={TREND_COLORS[index]}
              dot={data.length <= 40}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      }
      table={
        <div className="table-wrap">
          <table className="data-table compact-table" id="trend-table">
            <caption>{t("indicators.trendCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.columns.month")}</th>
                {TREND_KEYS.map((key) => (
                  <th scope="col" key={key}>
                    {t(`indicators.lines.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{monthLabel(month.month)}</th>
                  {TREND_KEYS.map((key) => {
                    const line = month.lines.find((entry) => entry.key === key);
                    return (
                      <td key={key} data-label={t(`indicators.lines.${key}`)}>
                        {line?.value == null ? "–" : percentText(line.value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

export interface RankedChild {
  id: string;
  name: string;
  line: ReportLine | undefined;
}

/** The units below, ranked by the share of residents reached (a participation map as bars). */
export function RankedFigure({ nodes }: { nodes: RankedChild[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const ranked = [...nodes].sort(
    (a, b) => (b.line?.value ?? -1) - (a.line?.value ?? -1) || a.name.localeCompare(b.name, "vi"),
  );
  const data = ranked.map((child) => ({
    name: child.name,
    value: pct(child.line?.value ?? null) ?? 0,
    status: child.line?.status ?? "noData",
  }));
  const target = ranked.find((child) => child.line?.targetPct != null)?.line?.targetPct ?? null;
  return (
    <ChartFigure
      label={t("indicators.rankedCaption")}
      height={Math.max(160, 36 * data.length + 40)}
      chart={
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="name" width={180} />
          <Tooltip />
          {target !== null ? <ReferenceLine x={target} stroke={CHART_COLORS.primary} strokeDasharray="4 4" /> : null}
          <Bar dataKey="value" name={t("indicators.lines.residentsReached")} isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.name} fill={STATUS_COLOR[entry.status as GapStatus]} />
            ))}
          </Bar>
        </BarChart>
      }
      table={
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption>{t("indicators.rankedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.columns.rank")}</th>
                <th scope="col">{t("indicators.columns.unit")}</th>
                <th scope="col">{t("indicators.columns.people")}</th>
                <th scope="col">{t("indicators.columns.population")}</th>
                <th scope="col">{t("indicators.columns.value")}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((child, index) => (
                <tr key={child.id}>
                  <td data-label={t("indicators.columns.rank")}>{index + 1}</td>
                  <th scope="row">{child.name}</th>
                  <td data-label={t("indicators.columns.people")}>
                    {child.line?.numerator == null ? "–" : number.format(child.line.numerator)}
                  </td>
                  <td data-label={t("indicators.columns.population")}>
                    {child.line?.denominator ? number.format(child.line.denominator) : "–"}
                  </td>
                  <td data-label={t("indicators.columns.value")}>
                    {child.line?.value == null ? "–" : percentText(child.line.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
