import { type ReactElement, type ReactNode, useEffect, useState } from "react";
import { ResponsiveContainer } from "recharts";
import { useTranslation } from "~/i18n/react";

/**
 * A recharts chart with its accessible alternative. The chart is drawn only in the browser (it
 * needs the page's width) and is hidden from screen readers: the same numbers are always in the
 * table beside it, which is also what a browser without JavaScript and a printer get.
 */
export const CHART_COLORS = {
  primary: "#0b4f8a",
  accent: "#b3261e",
  green: "#1e7b3a",
  grey: "#535c66",
  amber: "#9a6700",
};

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ChartFigure({
  chart,
  table,
  label,
  height = 260,
}: {
  chart: ReactElement;
  table?: ReactNode;
  label: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <figure className="result-figure">
      {hydrated ? (
        <div className="result-chart" aria-hidden="true" title={label}>
          <ResponsiveContainer width="100%" height={height}>
            {chart}
          </ResponsiveContainer>
        </div>
      ) : null}
      {table ? (
        <details className="chart-table" open={!hydrated}>
          <summary>{t("results.chartTable")}</summary>
          {table}
        </details>
      ) : null}
    </figure>
  );
}
