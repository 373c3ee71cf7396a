import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { changePassword } from "~/auth/accounts.server";
import { requireUser } from "~/auth/guards.server";
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from "~/auth/schemas";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Đổi mật khẩu — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowPasswordChange: true });
  return json({ mustChange: user.mustChangePassword, fullName: user.fullName });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { allowPasswordChange: true });
  const formData = await request.formData();
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await changePassword(runtime().db, request, {
    userId: user.id,
    currentSessionId: user.sessionId,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
  });
  if (!result.ok) {
    return json(formFailure(formData, "field" in result ? { [result.field]: result.message } : {}), { status: 400 });
  }
  return await redirectWithToast(request, "/", "account.passwordChanged");
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  const errors = failure?.fieldErrors ?? {};
  return (
    <section className="auth-card" aria-labelledby="password-title">
      <h1 id="password-title">{t("account.changePasswordTitle")}</h1>
      {mustChange ? (
        <div className="alert alert-info" role="status">
          {t("account.mustChange")}
        </div>
      ) : null}
      <FormAlert error={failure?.formError} />
      <Form method="post" noValidate>
        <TextField
          label={mustChange ? t("fields.temporaryPassword") : t("fields.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label={t("fields.newPassword")}
          hint={t("fields.passwordRule", { min: PASSWORD_MIN_LENGTH })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.newPassword}
        />
        <TextField
          label={t("fields.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirmPassword}
        />
        <Button type="submit" disabled={submitting} className="btn-block">
          {submitting ? t("common.working") : t("account.changePasswordSubmit")}
        </Button>
      </Form>
      {mustChange ? null : (
        <section aria-labelledby="my-data-title">
          <h2 id="my-data-title">{t("account.myDataTitle")}</h2>
          <p className="field-hint">{t("account.myDataHint")}</p>
          <a href="/account/data.json" download className="btn btn-secondary">
            {t("account.myDataDownload")}
          </a>{" "}
          <Link to="/account/privacy">{t("account.deletionTitle")}</Link>
        </section>
      )}
    </section>
  );
}
