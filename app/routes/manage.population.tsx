import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { nodeOptions } from "~/org/node-options";
import { runtime } from "~/runtime.server";
import { listPopulations, savePopulation } from "~/targets/population.server";
import { populationSchema } from "~/targets/population-schema";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Dân số của đơn vị — Legal Arena" }];

/** Population per province/commune the organizer manages (issue 7, residents reached). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const rows = await listPopulations(runtime().db, user);
  // ?node=<id> fills the form with that node's latest figure, to correct it.
  const picked = rows.find((row) => row.id === new URL(request.url).searchParams.get("node")) ?? rows[0];
  const latest = picked?.latest;
  return json({
    rows,
    values: {
      orgNodeId: picked?.id ?? "",
      population: latest ? String(latest.population) : "",
      urbanPopulation: latest?.urbanPopulation != null ? String(latest.urbanPopulation) : "",
      ruralPopulation: latest?.ruralPopulation != null ? String(latest.ruralPopulation) : "",
      sourceYear: latest ? String(latest.sourceYear) : String(new Date().getFullYear() - 1),
      source: latest && !latest.isDemo ? latest.source : "",
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(populationSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await savePopulation(runtime().db, request, user, parsed.data);
  if (!result.ok)
    return json(formFailure(formData, { [result.field]: result.message }), {
      status: result.code === "FORBIDDEN" ? 403 : result.code === "NOT_FOUND" ? 404 : 400,
    });
  return await redirectWithToast(request, "/manage/population", "population.saved");
}

export default function PopulationPage() {
  const { t, i18n } = useTranslation();
  const { rows, values: loaded } = useLoaderData<typeof loader>();
  const labelOf = new Map(nodeOptions(rows).map((option) => [option.value, option.label]));
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? loaded;
  const errors = failure?.fieldErrors ?? {};
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <h1>{t("population.title")}</h1>
      <p className="muted">{t("population.intro")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("population.node")}</th>
              <th scope="col">{t("population.population")}</th>
              <th scope="col">{t("population.urbanPopulation")}</th>
              <th scope="col">{t("population.ruralPopulation")}</th>
              <th scope="col">{t("population.sourceYear")}</th>
              <th scope="col">{t("population.source")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("population.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{labelOf.get(row.id) ?? row.name}</th>
                {row.latest ? (
                  <>
                    <td>{number.format(row.latest.population)}</td>
                    <td>{row.latest.urbanPopulation != null ? number.format(row.latest.urbanPopulation) : "—"}</td>
                    <td>{row.latest.ruralPopulation != null ? number.format(row.latest.ruralPopulation) : "—"}</td>
                    <td>{row.latest.sourceYear}</td>
                    <td>
                      {row.latest.source}
                      {row.latest.isDemo ? (
                        <>
                          {" "}
                          <span className="badge">{t("population.demo")}</span>
                        </>
                      ) : null}
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="muted">
                    {t("population.missing")}
                  </td>
                )}
                <td>
                  <Link to={`?node=${row.id}#population-form`}>{t("population.edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="population-form">{t("population.formTitle")}</h2>
      <p className="muted">{t("population.formHint")}</p>
      <Form
        method="post"
        noValidate
        className="card form-card setup-form"
        key={failure ? JSON.stringify(failure.values) : loaded.orgNodeId}
      >
        <FormAlert error={failure?.formError} />
        <SelectField
          label={t("population.node")}
          name="orgNodeId"
          required
          defaultValue={values.orgNodeId}
          error={errors.orgNodeId}
          options={nodeOptions(rows)}
        />
        <div className="field-row">
          <TextField
            label={t("population.population")}
            name="population"
            inputMode="numeric"
            required
            defaultValue={values.population}
            error={errors.population}
          />
          <TextField
            label={t("population.urbanPopulation")}
            hint={t("population.splitHint")}
            name="urbanPopulation"
            inputMode="numeric"
            defaultValue={values.urbanPopulation}
            error={errors.urbanPopulation}
          />
          <TextField
            label={t("population.ruralPopulation")}
            hint={t("population.splitHint")}
            name="ruralPopulation"
            inputMode="numeric"
            defaultValue={values.ruralPopulation}
            error={errors.ruralPopulation}
          />
        </div>
        <div className="field-row">
          <TextField
            label={t("population.sourceYear")}
            name="sourceYear"
            inputMode="numeric"
            required
            defaultValue={values.sourceYear}
            error={errors.sourceYear}
          />
          <TextField
            label={t("population.source")}
            hint={t("population.sourceHint")}
            name="source"
            required
            maxLength={300}
            defaultValue={values.source}
            error={errors.source}
          />
        </div>
        <Button type="submit" disabled={busy}>
          {t("population.save")}
        </Button>
      </Form>
    </>
  );
}
