import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { nodeOptions } from "~/org/node-options";
import { runtime } from "~/runtime.server";
import { Gauges, RankedFigure, StatusCell, TrendFigure } from "~/targets/components/IndicatorFigures";
import { NEAR_POINTS, percentText, type ReportLine } from "~/targets/report";
import { nodeReport } from "~/targets/report.server";
import { readReportRequest, reportQuery } from "~/targets/report-request.server";
import { dayLabel, parseDay } from "~/targets/schemas";

export const meta: MetaFunction = () => [{ title: "Chỉ số thực hiện kế hoạch — Legal Arena" }];

const UNTRAINED_PAGE_SIZE = 50;

/** Issue 7 §4: a node's indicators against its plan, drilled down the tree the user manages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const url = new URL(request.url);
  const asked = await readReportRequest(db, user, url);
  const options = nodeOptions(asked.nodes);
  if (!asked.ok)
    return json(
      { ok: false as const, options, nodeId: asked.node?.id ?? "", values: asked.values, errors: asked.fieldErrors },
      { status: asked.status },
    );
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const report = await nodeReport(db, {
    nodeId: asked.node.id,
    from: asked.period.from,
    to: asked.period.to,
    untrainedPage: page,
    untrainedPageSize: UNTRAINED_PAGE_SIZE,
  });
  const managed = new Set(asked.nodes.map((node) => node.id));
  const parent = asked.nodes.find((node) => node.id === asked.node.parentId && managed.has(node.id)) ?? null;
  const period = { firstDay: asked.period.firstDay, lastDay: asked.period.lastDay };
  return json({
    ok: true as const,
    options,
    nodeId: asked.node.id,
    values: { from: period.firstDay, to: period.lastDay },
    errors: {} as Record<string, string>,
    period,
    query: reportQuery(asked.node.id, period),
    parent: parent ? { name: parent.name, query: reportQuery(parent.id, period) } : null,
    report: {
      node: report.node,
      plan: report.plan,
      lines: report.lines,
      trend: report.trend.map((month) => ({ month: month.month, lines: month.lines })),
      children: report.children.map((child) => ({
        node: child.node,
        lines: child.lines,
        status: child.status,
        query: reportQuery(child.node.id, period),
      })),
      missingPopulation: report.missingPopulation,
      untrained: report.untrained,
    },
  });
}

export default function IndicatorsPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("indicators.title")}</h1>
      <p>{t("indicators.intro")}</p>
      <section className="card" aria-labelledby="indicator-filter">
        <h2 id="indicator-filter">{t("indicators.filterTitle")}</h2>
        <Form method="get" className="inline-form">
          <SelectField
            label={t("indicators.node")}
            name="node"
            options={data.options}
            defaultValue={data.nodeId}
            error={data.errors.node}
          />
          <TextField
            label={t("indicators.from")}
            name="from"
            type="date"
            defaultValue={data.values.from}
            error={data.errors.from}
          />
          <TextField
            label={t("indicators.to")}
            name="to"
            type="date"
            defaultValue={data.values.to}
            error={data.errors.to}
          />
          <Button type="submit">{t("indicators.show")}</Button>
        </Form>
      </section>
      {data.ok ? <Dashboard data={data} /> : null}
    </>
  );
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ok: true }>;

function Dashboard({ data }: { data: Loaded }) {
  const { t } = useTranslation();
  const { report } = data;
  const dayText = (day: string) => dayLabel(parseDay(day));
  return (
    <>
      <section className="card" aria-labelledby="indicator-values">
        <h2 id="indicator-values">
          {report.node.name} — {t("indicators.valuesTitle")}
        </h2>
        <p>{t("indicators.period", { from: dayText(data.period.firstDay), to: dayText(data.period.lastDay) })}</p>
        {report.plan ? (
          <p>
            {t("indicators.plan", {
              phase: report.plan.phase.label,
              plan: report.plan.own
                ? [report.plan.number, report.plan.name].filter(Boolean).join(" — ")
                : t("indicators.planInherited", { node: report.plan.nodeName }),
            })}
            {report.plan.isDemo ? <span className="badge">{t("indicators.demo")}</span> : null}
          </p>
        ) : (
          <p className="alert alert-info" role="status">
            {t("indicators.noPlan")}
          </p>
        )}
        <p className="button-row">
          {data.parent ? (
            <Link to={`?${data.parent.query}`}>{t("indicators.up", { name: data.parent.name })}</Link>
          ) : null}
          <a href={`/manage/indicators/report.xlsx?${data.query}`} download>
            {t("indicators.downloadExcel")}
          </a>
          <a href={`/manage/indicators/report.pdf?${data.query}`} download>
            {t("indicators.downloadPdf")}
          </a>
        </p>
        <Gauges lines={report.lines} />
        <ValuesTable lines={report.lines} />
        {report.missingPopulation.length > 0 ? (
          <p className="alert alert-info" role="status">
            {t("indicators.missingPopulation", { names: report.missingPopulation.map((node) => node.name).join(", ") })}{" "}
            <Link to="/manage/population">{t("indicators.populationLink")}</Link>
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="indicator-trend">
        <h2 id="indicator-trend">{t("indicators.trendTitle")}</h2>
        <p>{t("indicators.trendHint")}</p>
        <TrendFigure months={report.trend} />
      </section>

      <ChildrenSection data={data} />
      <UntrainedSection data={data} />
    </>
  );
}

function ValuesTable({ lines }: { lines: ReportLine[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="table-wrap">
      <table className="data-table" id="indicator-values-table">
        <caption>{t("indicators.valuesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("indicators.columns.indicator")}</th>
            <th scope="col">{t("indicators.columns.value")}</th>
            <th scope="col">{t("indicators.columns.figures")}</th>
            <th scope="col">{t("indicators.columns.target")}</th>
            <th scope="col">{t("indicators.columns.gap")}</th>
            <th scope="col">{t("indicators.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} data-line={line.key}>
              <th scope="row">{t(`indicators.lines.${line.key}`)}</th>
              <StatusCell line={line} />
              <td data-label={t("indicators.columns.figures")}>
                {line.numerator === null || line.denominator === null
                  ? t("indicators.notSplit")
                  : t(`indicators.units.${line.key}`, {
                      numerator: number.format(line.numerator),
                      denominator: number.format(line.denominator),
                    })}
              </td>
              <td data-label={t("indicators.columns.target")}>
                {line.targetPct === null ? "–" : percentText(line.targetPct / 100)}
              </td>
              <td data-label={t("indicators.columns.gap")}>
                {line.gapPoints === null ? "–" : percentText(line.gapPoints / 100)}
              </td>
              <td data-label={t("indicators.columns.status")}>{t(`indicators.status.${line.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CHILD_KEYS = ["officialsTrained", "onlineTraining", "residentsReached", "satisfaction"] as const;

function ChildrenSection({ data }: { data: Loaded }) {
  const { t } = useTranslation();
  const children = data.report.children;
  return (
    <section className="card" aria-labelledby="indicator-children">
      <h2 id="indicator-children">{t("indicators.childrenTitle")}</h2>
      {children.length === 0 ? (
        <p>{t("indicators.childrenEmpty")}</p>
      ) : (
        <>
          <p>{t("indicators.legend", { points: NEAR_POINTS })}</p>
          <div className="table-wrap">
            <table className="data-table" id="indicator-children-table">
              <caption>{t("indicators.childrenCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.columns.unit")}</th>
                  {CHILD_KEYS.map((key) => (
                    <th scope="col" key={key}>
                      {t(`indicators.lines.${key}`)} (%)
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {children.map((child) => (
                  <tr key={child.node.id} data-node={child.node.code}>
                    <th scope="row">
                      <Link to={`?${child.query}`} aria-label={t("indicators.drill", { name: child.node.name })}>
                        {child.node.name}
                      </Link>
                    </th>
                    {CHILD_KEYS.map((key) => (
                      <StatusCell key={key} line={child.lines.find((line) => line.key === key)} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t("indicators.rankedTitle")}</h3>
          <RankedFigure
            nodes={children.map((child) => ({
              id: child.node.id,
              name: child.node.name,
              line: child.lines.find((line) => line.key === "residentsReached"),
            }))}
          />
        </>
      )}
    </section>
  );
}

function UntrainedSection({ data }: { data: Loaded }) {
  const { t } = useTranslation();
  const { untrained } = data.report;
  const pages = Math.max(1, Math.ceil(untrained.total / untrained.pageSize));
  const pageLink = (page: number) => `?${data.query}&page=${page}#indicator-untrained`;
  return (
    <section className="card" aria-labelledby="indicator-untrained">
      <h2 id="indicator-untrained">{t("indicators.untrainedTitle")}</h2>
      {untrained.total === 0 ? (
        <p>{t("indicators.untrainedEmpty")}</p>
      ) : (
        <>
          <p>{t("indicators.untrainedCount", { count: untrained.total })}</p>
          <div className="table-wrap">
            <table className="data-table compact-table">
              <caption>{t("indicators.untrainedCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.columns.name")}</th>
                  <th scope="col">{t("indicators.columns.roles")}</th>
                  <th scope="col">{t("indicators.columns.units")}</th>
                </tr>
              </thead>
              <tbody>
                {untrained.rows.map((person) => (
                  <tr key={person.userId}>
                    <th scope="row">{person.fullName}</th>
                    <td data-label={t("indicators.columns.roles")}>
                      {person.roles.map((role) => t(`indicators.roles.${role}`)).join(", ")}
                    </td>
                    <td data-label={t("indicators.columns.units")}>
                      {person.units.map((unit) => unit.name).join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="button-row" aria-label={t("indicators.pageOf", { page: untrained.page, pages })}>
              {untrained.page > 1 ? <Link to={pageLink(untrained.page - 1)}>{t("indicators.previous")}</Link> : null}
              <span>{t("indicators.pageOf", { page: untrained.page, pages })}</span>
              {untrained.page < pages ? <Link to={pageLink(untrained.page + 1)}>{t("indicators.next")}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
