import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { forbidden, requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { FormAlert } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { PhaseFields } from "~/targets/components/PhaseFields";
import { PlanForm } from "~/targets/components/PlanForm";
import { echoValues, parsePlanForm, parseWith } from "~/targets/forms";
import {
  addPhase,
  ancestorPlans,
  deletePhase,
  deletePlan,
  loadManagedPlan,
  type PlanResult,
  toPhaseTargets,
  updatePhase,
  updatePlan,
} from "~/targets/plans.server";
import {
  dayLabel,
  dayValue,
  formatPercent,
  overlappingPhase,
  PHASE_PRESETS,
  type PhasePreset,
  parseDay,
  phaseSchema,
  TARGET_FIELDS,
} from "~/targets/schemas";
import type { FormFailure } from "~/utils/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.name} — Legal Arena` : "Kế hoạch — Legal Arena" },
];

/** An organizer of the plan's node (or above) or an admin; any other plan, or an unknown id, is a 403. */
async function requireManagedPlan(request: Request, planId: string | undefined) {
  const user = await requireRole(request, "ORGANIZER");
  const plan = await loadManagedPlan(runtime().db, user, planId ?? "");
  if (!plan) throw forbidden();
  return { user, plan };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, plan } = await requireManagedPlan(request, params.planId);
  const db = runtime().db;
  const [nodes, parents] = await Promise.all([listManagedTree(db, user), ancestorPlans(db, plan.orgNodeId)]);
  const presets = (Object.keys(PHASE_PRESETS) as PhasePreset[]).filter((key) => {
    const preset = PHASE_PRESETS[key];
    return !overlappingPhase(plan.phases, {
      startsOn: parseDay(preset.startsOn) as Date,
      endsOn: parseDay(preset.endsOn) as Date,
    });
  });
  return json({
    plan: {
      id: plan.id,
      name: plan.name,
      node: plan.orgNode.name,
      isDemo: plan.isDemo,
    },
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    parentPlans: parents.map((parent) => ({
      id: parent.id,
      label: `${parent.orgNode.name}: ${parent.number ? `${parent.number} — ` : ""}${parent.name}`,
    })),
    values: {
      orgNodeId: plan.orgNodeId,
      name: plan.name,
      number: plan.number ?? "",
      issuedOn: dayValue(plan.issuedOn),
      implementsPlan: plan.implementsPlan ?? "",
      parentPlanId: plan.parentPlanId ?? "",
      officialCategories: plan.officialCategories.join("\n"),
      officialRoles: plan.officialRoles.join(","),
    },
    phases: plan.phases.map((phase) => {
      const targets = toPhaseTargets(phase).targets;
      return {
        id: phase.id,
        label: phase.label,
        from: dayLabel(phase.startsOn),
        to: dayLabel(phase.endsOn),
        values: {
          label: phase.label,
          startsOn: dayValue(phase.startsOn),
          endsOn: dayValue(phase.endsOn),
          ...Object.fromEntries(TARGET_FIELDS.map((field) => [field, formatPercent(targets[field])])),
        } as Record<string, string>,
      };
    }),
    presets: presets.map((key) => ({ key, years: key.replace("-", "–") })),
  });
}

type Refused = FormFailure & { form: string };

const refused = (form: string, failure: FormFailure, status = 400) => json<Refused>({ ...failure, form }, { status });

function resultFailure(form: string, formData: FormData, result: Extract<PlanResult, { ok: false }>) {
  // An error with parameters (the overlapping phase's name) is shown above the form, whole.
  const onField = result.field && !result.params;
  const failure: FormFailure = {
    ok: false,
    fieldErrors: onField ? { [result.field as string]: result.message } : {},
    formError: onField ? undefined : result.message,
    formErrorParams: result.params,
    values: echoValues(formData, ["officialRoles"]),
  };
  const status = result.code === "FORBIDDEN" ? 403 : result.code === "PHASE_OVERLAP" ? 409 : 400;
  return refused(form, failure, status);
}

async function done(request: Request, location: string, message: string) {
  return redirectWithToast(request, location, message);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, plan } = await requireManagedPlan(request, params.planId);
  const db = runtime().db;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/manage/targets/${plan.id}`;

  if (intent === "deletePlan") {
    // Asked for in the form itself, so it holds without JavaScript too.
    if (formData.get("confirm") !== "yes")
      return refused("deletePlan", {
        ok: false,
        fieldErrors: {},
        formError: "errors.targets.confirmDelete",
        values: {},
      });
    const result = await deletePlan(db, request, user, plan.id);
    if (!result.ok) return resultFailure("deletePlan", formData, result);
    return done(request, "/manage/targets", "targets.deleted");
  }
  if (intent === "deletePhase") {
    const result = await deletePhase(db, request, user, plan.id, String(formData.get("phaseId") ?? ""));
    if (!result.ok) return resultFailure("phases", formData, result);
    return done(request, `${here}#phases`, "targets.phaseDeleted");
  }
  if (intent === "addPhase" || intent === "savePhase") {
    const form = intent === "addPhase" ? "addPhase" : `phase-${String(formData.get("phaseId") ?? "")}`;
    const parsed = parseWith(phaseSchema, formData);
    if (!parsed.ok) return refused(form, parsed);
    const result =
      intent === "addPhase"
        ? await addPhase(db, request, user, plan.id, parsed.data)
        : await updatePhase(db, request, user, plan.id, String(formData.get("phaseId") ?? ""), parsed.data);
    if (!result.ok) return resultFailure(form, formData, result);
    return done(request, `${here}#phases`, intent === "addPhase" ? "targets.phaseAdded" : "targets.phaseSaved");
  }
  const parsed = parsePlanForm(formData);
  if (!parsed.ok) return refused("plan", parsed);
  const result = await updatePlan(db, request, user, plan.id, parsed.data);
  if (!result.ok) return resultFailure("plan", formData, result);
  return done(request, here, "targets.updated");
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { plan, nodes, parentPlans, values, phases, presets } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = (form: string) => (failure && failure.form === form ? failure : null);
  const formError = (form: string) => {
    const refusedForm = failed(form);
    return refusedForm?.formError
      ? { key: refusedForm.formError, params: refusedForm.formErrorParams ?? undefined }
      : undefined;
  };
  const planFailure = failed("plan");
  const addFailure = failed("addPhase");
  return (
    <>
      <p>
        <Link to="/manage/targets">← {t("targets.title")}</Link>
      </p>
      <h1>
        {plan.name}
        {plan.isDemo ? ` ${t("targets.demo")}` : null}
      </h1>
      <p>{plan.node}</p>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t("targets.planSection")}</h2>
        <PlanForm
          key={planFailure ? JSON.stringify(planFailure.values) : JSON.stringify(values)}
          values={planFailure?.values ?? values}
          errors={planFailure?.fieldErrors ?? {}}
          formError={formError("plan")}
          nodes={nodes}
          parentPlans={parentPlans}
          submitLabel={t("targets.save")}
          busy={busy}
        />
      </section>

      <section aria-labelledby="phases" className="card">
        <h2 id="phases">{t("targets.phasesTitle")}</h2>
        <FormAlert error={formError("phases")} />
        {phases.length === 0 ? <EmptyState title={t("targets.phasesEmpty")} /> : null}
        {phases.map((phase) => {
          const phaseFailure = failed(`phase-${phase.id}`);
          return (
            <div key={phase.id} className="card">
              <h3>{phase.label}</h3>
              <p>{t("targets.phaseDays", { from: phase.from, to: phase.to })}</p>
              <ul>
                {TARGET_FIELDS.filter((field) => phase.values[field]).map((field) => (
                  <li key={field}>
                    {t(`targets.target.${field}`)}: <strong>{phase.values[field]}%</strong>
                  </li>
                ))}
              </ul>
              <details open={Boolean(phaseFailure)}>
                <summary>{t("targets.editPhase")}</summary>
                <Form method="post" noValidate className="setup-form">
                  <input type="hidden" name="intent" value="savePhase" />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <FormAlert error={formError(`phase-${phase.id}`)} />
                  <PhaseFields
                    key={phaseFailure ? JSON.stringify(phaseFailure.values) : JSON.stringify(phase.values)}
                    idPrefix={`phase-${phase.id}`}
                    values={phaseFailure?.values ?? phase.values}
                    errors={phaseFailure?.fieldErrors ?? {}}
                  />
                  <Button type="submit" disabled={busy}>
                    {t("targets.savePhase")}
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <ConfirmButton
                    name="intent"
                    value="deletePhase"
                    title={t("targets.deletePhaseConfirm", { label: phase.label })}
                    body={t("targets.deletePhaseBody")}
                    confirmLabel={t("targets.deletePhase")}
                  >
                    {t("targets.deletePhase")}
                  </ConfirmButton>
                </Form>
              </details>
            </div>
          );
        })}

        <h3 id="add-phase-title">{t("targets.addPhaseTitle")}</h3>
        <p className="field-hint">{t("targets.addPhaseHint")}</p>
        <Form method="post" noValidate className="setup-form" aria-labelledby="add-phase-title">
          <input type="hidden" name="intent" value="addPhase" />
          <FormAlert error={formError("addPhase")} />
          <PhaseFields
            key={addFailure ? JSON.stringify(addFailure.values) : `new-${phases.length}`}
            idPrefix="new-phase"
            values={addFailure?.values ?? {}}
            errors={addFailure?.fieldErrors ?? {}}
            daysRequired={false}
          />
          <div className="button-row">
            {/* First in the form: Enter in a date field adds with the days typed. */}
            <Button type="submit" name="preset" value="" disabled={busy}>
              {t("targets.addCustom")}
            </Button>
            {presets.map((preset) => (
              <Button
                key={preset.key}
                type="submit"
                variant="secondary"
                name="preset"
                value={preset.key}
                disabled={busy}
              >
                {t("targets.addPreset", { years: preset.years })}
              </Button>
            ))}
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="delete-plan-title">
        <h2 id="delete-plan-title">{t("targets.deletePlanTitle")}</h2>
        <FormAlert error={formError("deletePlan")} />
        <Form method="post" className="setup-form">
          <p>{t("targets.deletePlanBody")}</p>
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" required />{" "}
            {t("targets.deletePlanCheck", { name: plan.name })}
          </label>
          <Button type="submit" variant="danger" name="intent" value="deletePlan" disabled={busy}>
            {t("targets.deletePlan")}
          </Button>
        </Form>
      </section>
    </>
  );
}
