import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { registerForContest } from "~/contests/contests.server";
import { publicContest } from "~/contests/public.server";
import { REGISTRATION_FIELDS, type RegistrationField } from "~/contests/schemas";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formValues } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Đăng ký dự thi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const contest = await publicContest(runtime().db, params.slug ?? "", user.id);
  if (!contest) throw new Response("Not Found", { status: 404 });
  return json({
    contest: {
      slug: contest.slug,
      title: contest.title,
      fields: contest.registrationFields,
      privacyNotice: contest.privacyNotice,
    },
    fullName: user.fullName,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { db } = runtime();
  const contest = await publicContest(db, params.slug ?? "", user.id);
  if (!contest) throw new Response("Not Found", { status: 404 });
  const formData = await request.formData();
  const answers: Record<string, unknown> = {};
  for (const field of REGISTRATION_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") answers[field] = value;
  }
  answers.consent = formData.get("consent") === "yes";
  const result = await registerForContest(db, { contestId: contest.id, userId: user.id, answers });
  if (!result.ok) {
    return json(
      {
        fieldErrors: "fieldErrors" in result ? result.fieldErrors : {},
        formError: result.message,
        values: formValues(formData),
      },
      { status: 400 },
    );
  }
  return await redirectWithToast(request, `/contests/${contest.slug}`, "contest.registeredToast");
}

const INPUT_TYPES: Partial<Record<RegistrationField, string>> = { dateOfBirth: "date", phone: "tel" };

export default function ContestRegisterPage() {
  const { t } = useTranslation();
  const { contest, fullName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const asked = REGISTRATION_FIELDS.filter((field) => (contest.fields[field] ?? "off") !== "off");
  return (
    <section className="auth-card" aria-labelledby="contest-register-title">
      <p>
        <Link to={`/contests/${contest.slug}`}>← {contest.title}</Link>
      </p>
      <h1 id="contest-register-title">{t("contest.registerTitle")}</h1>
      <FormAlert error={actionData?.formError} />
      <Form method="post" noValidate>
        {asked.map((field) =>
          field === "gender" ? (
            <SelectField
              key={field}
              label={t(`contest.fields.${field}`)}
              name={field}
              required={contest.fields[field] === "required"}
              defaultValue={actionData?.values[field] ?? ""}
              error={errors[field]}
              options={[
                { value: "", label: "—" },
                { value: "female", label: t("contest.gender.female") },
                { value: "male", label: t("contest.gender.male") },
                { value: "other", label: t("contest.gender.other") },
              ]}
            />
          ) : (
            <TextField
              key={field}
              label={t(`contest.fields.${field}`)}
              name={field}
              type={INPUT_TYPES[field] ?? "text"}
              inputMode={field === "citizenId" ? "numeric" : undefined}
              required={contest.fields[field] === "required"}
              defaultValue={actionData?.values[field] ?? (field === "fullName" ? fullName : "")}
              error={errors[field]}
            />
          ),
        )}
        <div className="card privacy-notice">
          <h2>{t("contest.privacyTitle")}</h2>
          <p className="prewrap">{contest.privacyNotice ?? t("contest.privacyDefault")}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              name="consent"
              value="yes"
              aria-describedby={errors.consent ? "consent-error" : undefined}
            />{" "}
            {t("contest.consent")}
          </label>
          {errors.consent ? (
            <p className="field-error" id="consent-error" role="alert">
              {t(errors.consent)}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={busy} className="btn-block">
          {t("contest.registerSubmit")}
        </Button>
      </Form>
    </section>
  );
}
