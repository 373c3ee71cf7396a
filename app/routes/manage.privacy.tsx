import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { decideDeletion, deletionRequestsFor } from "~/account/deletion.server";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FormAlert } from "~/components/Field";
import { TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";
import { formatVietnamDateTime } from "~/utils/vietnam-time";

export const meta: MetaFunction = () => [{ title: "Yêu cầu xóa dữ liệu — Legal Arena" }];

const decisionSchema = z.object({
  requestId: z.string().min(1).max(64),
  decision: z.enum(["approve", "refuse"]),
  note: z.string().trim().max(1000, "errors.privacy.noteTooLong").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const [pending, decided] = await Promise.all([
    deletionRequestsFor(db, user, "PENDING"),
    deletionRequestsFor(db, user, "DECIDED"),
  ]);
  const row = (request: (typeof pending)[number]) => ({
    id: request.id,
    fullName: request.user.fullName,
    reason: request.reason ?? "",
    status: request.status,
    requestedAt: formatVietnamDateTime(request.requestedAt),
    decidedAt: request.decidedAt ? formatVietnamDateTime(request.decidedAt) : "",
    note: request.decisionNote ?? "",
    counts: request.user._count,
  });
  return json({ pending: pending.map(row), decided: decided.map(row) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await decideDeletion(runtime().db, request, user, {
    requestId: parsed.data.requestId,
    approve: parsed.data.decision === "approve",
    note: parsed.data.note || null,
  });
  if (!result.ok)
    return json(
      formFailure(formData, result.code === "NOTE_REQUIRED" ? { note: result.message } : {}, result.message),
      // A form error, not a 404: the page exists; the request the form names is not pending.
      { status: 400 },
    );
  const message = parsed.data.decision === "approve" ? "privacyRequests.approved" : "privacyRequests.refused";
  return redirectWithToast(request, "/manage/privacy", message);
}

export default function PrivacyRequestsPage() {
  const { t } = useTranslation();
  const { pending, decided } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("privacyRequests.title")}</h1>
      <p>{t("privacyRequests.intro")}</p>
      {pending.length === 0 ? (
        <EmptyState title={t("privacyRequests.empty")} />
      ) : (
        <ul className="card-list">
          {pending.map((request) => {
            const failed = failure?.values.requestId === request.id ? failure : undefined;
            return (
              <li key={request.id} className="card">
                <h2>{request.fullName}</h2>
                <p className="muted">
                  {t("privacyRequests.requestedAt", { at: request.requestedAt })} ·{" "}
                  {t("privacyRequests.counts", request.counts)}
                </p>
                {request.reason ? <p>{t("privacyRequests.reason", { reason: request.reason })}</p> : null}
                <FormAlert error={failed?.formError} />
                <Form method="post" noValidate>
                  <input type="hidden" name="requestId" value={request.id} />
                  <TextAreaField
                    label={t("privacyRequests.note")}
                    hint={t("privacyRequests.noteHint")}
                    name="note"
                    rows={2}
                    maxLength={1000}
                    defaultValue={failed?.values.note}
                    error={failed?.fieldErrors.note}
                  />
                  <div className="button-row">
                    <Button
                      type="submit"
                      name="decision"
                      value="approve"
                      variant="danger"
                      disabled={submitting}
                      aria-label={`${t("privacyRequests.approve")}: ${request.fullName}`}
                    >
                      {t("privacyRequests.approve")}
                    </Button>{" "}
                    <Button
                      type="submit"
                      name="decision"
                      value="refuse"
                      variant="secondary"
                      disabled={submitting}
                      aria-label={`${t("privacyRequests.refuse")}: ${request.fullName}`}
                    >
                      {t("privacyRequests.refuse")}
                    </Button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      {decided.length > 0 ? (
        <>
          <h2>{t("privacyRequests.decidedTitle")}</h2>
          <ul className="card-list">
            {decided.map((request) => (
              <li key={request.id} className="card">
                <p>
                  <strong>{request.fullName}</strong> · {t(`privacyRequests.status.${request.status}`)} ·{" "}
                  {request.decidedAt}
                </p>
                {request.note ? <p className="muted">{request.note}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
