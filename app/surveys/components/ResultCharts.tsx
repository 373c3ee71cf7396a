import { type ReactElement, type ReactNode, useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "~/i18n/react";
import type { QuestionResult } from "../results";

/**
 * The survey results' charts: a bar per option, the 1–5 distribution. Drawn in the browser only
 * and hidden from screen readers; the same numbers are always in the table below each chart
 * (what a browser without JavaScript, a screen reader and a printer get).
 */
const COLOR = "#0b4f8a";

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function ChartFigure({ chart, table, height }: { chart: ReactElement; table: ReactNode; height: number }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <figure className="result-figure">
      {hydrated ? (
        <div className="result-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            {chart}
          </ResponsiveContainer>
        </div>
      ) : null}
      <details className="chart-table" open={!hydrated}>
        <summary>{t("surveys.results.chartTable")}</summary>
        {table}
      </details>
    </figure>
  );
}

function usePercent() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  return (share: number | null) => (share === null ? "—" : format.format(share));
}

export function OptionsFigure({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const caption = t("surveys.results.optionsCaption", { prompt: result.question.prompt });
  return (
    <ChartFigure
      height={Math.max(160, result.options.length * 44)}
      chart={
        <BarChart data={result.options} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={180} />
          <Tooltip />
          <Bar dataKey="count" name={t("surveys.results.count")} fill={COLOR} maxBarSize={32} />
        </BarChart>
      }
      table={
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.results.option")}</th>
                <th scope="col">{t("surveys.results.count")}</th>
                <th scope="col">{t("surveys.results.share")}</th>
              </tr>
            </thead>
            <tbody>
              {result.options.map((option) => (
                <tr key={option.index}>
                  <th scope="row">{option.label}</th>
                  <td data-label={t("surveys.results.count")}>{option.count}</td>
                  <td data-label={t("surveys.results.share")}>{percent(option.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

export function ScaleFigure({ result }: { result: QuestionResult }) {
  const { t, i18n } = useTranslation();
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { scaleMinLabel, scaleMaxLabel } = result.question;
  const label = (value: number) =>
    value === 1 && scaleMinLabel
      ? `1 (${scaleMinLabel})`
      : value === 5 && scaleMaxLabel
        ? `5 (${scaleMaxLabel})`
        : String(value);
  return (
    <>
      <p>
        {result.mean === null
          ? t("surveys.results.noMean")
          : t("surveys.results.mean", { mean: decimal.format(result.mean), count: result.answered })}
      </p>
      <ChartFigure
        height={220}
        chart={
          <BarChart data={result.scale} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="value" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={t("surveys.results.count")} fill={COLOR} maxBarSize={48} />
          </BarChart>
        }
        table={
          <div className="table-wrap">
            <table className="data-table compact-table">
              <caption>{t("surveys.results.scaleCaption", { prompt: result.question.prompt })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("surveys.results.value")}</th>
                  <th scope="col">{t("surveys.results.count")}</th>
                </tr>
              </thead>
              <tbody>
                {result.scale.map((row) => (
                  <tr key={row.value}>
                    <th scope="row">{label(row.value)}</th>
                    <td data-label={t("surveys.results.count")}>{row.count}</td>
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
