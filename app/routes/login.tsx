import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { authenticate } from "~/auth/accounts.server";
import { requireAnonymous } from "~/auth/guards.server";
import { loginSchema, safeRedirect } from "~/auth/schemas";
import { clientIp, createSession } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Đăng nhập — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { db } = runtime();
  const result = await authenticate(db, request, { ...parsed.data, ip: clientIp(request) });
  if (!result.ok) {
    const retry = result.code === "RATE_LIMITED" ? result.retryAfterSeconds : undefined;
    return json(
      formFailure(formData, {}, result.message, retry ? { minutes: Math.ceil(retry / 60), seconds: retry } : undefined),
      { status: retry ? 429 : 400, headers: retry ? { "Retry-After": String(retry) } : undefined },
    );
  }
  const { setCookie } = await createSession(db, request, result.userId);
  // A password set by an organizer is replaced before anything else.
  const destination = result.mustChangePassword ? "/account/password" : safeRedirect(parsed.data.redirectTo);
  return redirect(destination, { headers: { "Set-Cookie": setCookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const errors = actionData?.ok === false ? actionData.fieldErrors : {};
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <FormAlert
        error={
          actionData?.ok === false && actionData.formError
            ? { key: actionData.formError, params: actionData.formErrorParams }
            : undefined
        }
      />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={t("fields.identifier")}
          hint={t("fields.identifierHint")}
          name="identifier"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={actionData?.ok === false ? actionData.values.identifier : ""}
          error={errors.identifier}
        />
        <TextField
          label={t("fields.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <Button type="submit" disabled={submitting} className="btn-block">
          {submitting ? t("common.working") : t("login.submit")}
        </Button>
      </Form>
      <p className="auth-switch">
        {t("login.noAccount")} <Link to="/register">{t("login.registerLink")}</Link>
      </p>
      <p className="field-hint">{t("login.forgotHint")}</p>
    </section>
  );
}
