import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { cancelDeletion, latestDeletionRequest, requestDeletion } from "~/account/deletion.server";
import { requireUser } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { CheckboxField, TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";
import { formatVietnamDateTime } from "~/utils/vietnam-time";

export const meta: MetaFunction = () => [{ title: "Dữ liệu cá nhân — Legal Arena" }];

const requestSchema = z.object({
  intent: z.literal("request"),
  reason: z.string().trim().max(1000, "errors.privacy.reasonTooLong").optional(),
  confirm: z.literal("on", { error: "errors.privacy.confirmRequired" }),
});
const cancelSchema = z.object({ intent: z.literal("cancel") });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const latest = await latestDeletionRequest(runtime().db, user.id);
  return json({
    latest: latest
      ? {
          status: latest.status,
          requestedAt: formatVietnamDateTime(latest.requestedAt),
          note: latest.decisionNote ?? "",
        }
      : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const db = runtime().db;
  if (formData.get("intent") === "cancel") {
    const parsed = parseForm(cancelSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    const result = await cancelDeletion(db, request, user.id);
    if (!result.ok) return json(formFailure(formData, {}, result.message), { status: 409 });
    return await redirectWithToast(request, "/account/privacy", "account.deletionCancelled");
  }
  const parsed = parseForm(requestSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await requestDeletion(db, request, user.id, parsed.data.reason || null);
  if (!result.ok) return json(formFailure(formData, {}, result.message), { status: 409 });
  return await redirectWithToast(request, "/account/privacy", "account.deletionRequested");
}

export default function PersonalDataPage() {
  const { t } = useTranslation();
  const { latest } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  const pending = latest?.status === "PENDING";
  return (
    <section className="auth-card" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t("account.myDataTitle")}</h1>
      <p className="field-hint">{t("account.myDataHint")}</p>
      <p>
        <a href="/account/data.json" download className="btn btn-secondary">
          {t("account.myDataDownload")}
        </a>
      </p>
      <h2>{t("account.deletionTitle")}</h2>
      {latest ? (
        <p className="alert alert-info" role="status">
          {t(`account.deletionStatus.${latest.status}`, { at: latest.requestedAt, note: latest.note })}
        </p>
      ) : null}
      <FormAlert error={failure?.formError} />
      {pending ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <Button type="submit" variant="secondary" disabled={submitting}>
            {t("account.deletionCancel")}
          </Button>
        </Form>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="request" />
          <p className="field-hint">{t("account.deletionHint")}</p>
          <TextAreaField
            label={t("account.deletionReason")}
            name="reason"
            rows={3}
            maxLength={1000}
            defaultValue={failure?.values.reason}
            error={errors.reason}
          />
          <CheckboxField label={t("account.deletionConfirm")} name="confirm" error={errors.confirm} />
          <Button type="submit" variant="danger" disabled={submitting}>
            {submitting ? t("common.working") : t("account.deletionSubmit")}
          </Button>
        </Form>
      )}
    </section>
  );
}
