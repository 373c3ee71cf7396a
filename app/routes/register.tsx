import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { registerUser } from "~/auth/accounts.server";
import { requireAnonymous } from "~/auth/guards.server";
import { PASSWORD_MIN_LENGTH, registerSchema, safeRedirect } from "~/auth/schemas";
import { clientIp, createSession, flashCookie } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { getLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Đăng ký — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const { db, limits } = runtime();
  const limit = await limits.registerPerIp.consume(clientIp(request) ?? "unknown");
  if (!limit.allowed) {
    return json(
      formFailure(formData, {}, "errors.register.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
      {
        status: 429,
        headers: { "Retry-After": String(limit.retryAfterSeconds) },
      },
    );
  }
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await registerUser(db, request, { ...parsed.data, locale: await getLocale(request) });
  if (!result.ok) {
    return json(formFailure(formData, "field" in result ? { [result.field]: result.message } : {}), { status: 400 });
  }
  const { setCookie } = await createSession(db, request, result.userId);
  const headers = new Headers({ "Set-Cookie": setCookie });
  headers.append("Set-Cookie", await flashCookie(request, { kind: "success", message: "register.welcome" }));
  // Back to where the visitor was sent from (a survey's link), never to another site.
  return redirect(safeRedirect(String(formData.get("redirectTo") ?? "")), { headers });
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  const errors = failure?.fieldErrors ?? {};
  const redirectTo = useSearchParams()[0].get("redirectTo") ?? "";
  return (
    <section className="auth-card" aria-labelledby="register-title">
      <h1 id="register-title">{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      <FormAlert error={failure?.formError ? { key: failure.formError, params: failure.formErrorParams } : undefined} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label={t("fields.fullName")}
          name="fullName"
          autoComplete="name"
          required
          defaultValue={failure?.values.fullName}
          error={errors.fullName}
        />
        <TextField
          label={t("fields.identifier")}
          hint={t("fields.identifierHint")}
          name="identifier"
          autoComplete="username"
          required
          defaultValue={failure?.values.identifier}
          error={errors.identifier}
        />
        <TextField
          label={t("fields.password")}
          hint={t("fields.passwordRule", { min: PASSWORD_MIN_LENGTH })}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.password}
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
          {submitting ? t("common.working") : t("register.submit")}
        </Button>
      </Form>
      <p className="auth-switch">
        {t("register.haveAccount")}{" "}
        <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}>
          {t("register.loginLink")}
        </Link>
      </p>
    </section>
  );
}
