import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { listManagedPlans, toPhaseTargets } from "~/targets/plans.server";
import { dayLabel, formatPercent, TARGET_FIELDS } from "~/targets/schemas";

export const meta: MetaFunction = () => [{ title: "Kế hoạch và chỉ tiêu — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const [plans, nodes] = await Promise.all([listManagedPlans(db, user), listManagedTree(db, user)]);
  // Plans in the order of the tree (a city's before its communes'), newest first within a node.
  const order = new Map(nodes.map((node, index) => [node.id, index]));
  const sorted = plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => (order.get(a.plan.orgNodeId) ?? 0) - (order.get(b.plan.orgNodeId) ?? 0) || a.index - b.index);
  return json({
    plans: sorted.map(({ plan }) => ({
      id: plan.id,
      name: plan.name,
      number: plan.number,
      issuedOn: dayLabel(plan.issuedOn),
      isDemo: plan.isDemo,
      node: plan.orgNode.name,
      phases: plan.phases.map((phase) => {
        const targets = toPhaseTargets(phase);
        return {
          id: phase.id,
          label: phase.label,
          targets: TARGET_FIELDS.filter((field) => targets.targets[field] !== null).map((field) => ({
            field,
            value: formatPercent(targets.targets[field]),
          })),
        };
      }),
    })),
  });
}

export default function TargetsPage() {
  const { t } = useTranslation();
  const { plans } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("targets.title")}</h1>
      <p>{t("targets.intro")}</p>
      <p>
        <ButtonLink to="/manage/targets/new">{t("targets.newPlan")}</ButtonLink>
      </p>
      <section className="card" aria-labelledby="plans-title">
        <h2 id="plans-title">{t("targets.listCaption")}</h2>
        {plans.length === 0 ? (
          <EmptyState title={t("targets.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("targets.columns.node")}</th>
                  <th scope="col">{t("targets.columns.plan")}</th>
                  <th scope="col">{t("targets.columns.number")}</th>
                  <th scope="col">{t("targets.columns.issuedOn")}</th>
                  <th scope="col">{t("targets.columns.phases")}</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((plan) => (
                  <tr key={plan.id}>
                    <td data-label={t("targets.columns.node")}>{plan.node}</td>
                    <td data-label={t("targets.columns.plan")}>
                      <Link to={`/manage/targets/${plan.id}`}>{plan.name}</Link>
                      {plan.isDemo ? ` ${t("targets.demo")}` : null}
                    </td>
                    <td data-label={t("targets.columns.number")}>{plan.number ?? t("targets.noNumber")}</td>
                    <td data-label={t("targets.columns.issuedOn")}>{plan.issuedOn || t("targets.noDate")}</td>
                    <td data-label={t("targets.columns.phases")}>
                      {plan.phases.length === 0
                        ? t("targets.phasesEmpty")
                        : plan.phases.map((phase) => (
                            <div key={phase.id}>
                              <strong>{phase.label}</strong>
                              {phase.targets.length > 0 ? (
                                <div className="field-hint">
                                  {phase.targets
                                    .map((target) => `${t(`targets.targetShort.${target.field}`)} ${target.value}%`)
                                    .join(" · ")}
                                </div>
                              ) : null}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
