import { useId } from "react";
import { Button } from "~/components/Button";
import { useErrorText } from "~/components/Field";
import { useTranslation } from "~/i18n/react";

/**
 * The Excel exports of a round or of the whole contest: the masked download is a plain link;
 * the full one is a form the organizer must fill in (purpose, confirmation), posted as an
 * ordinary form so the browser saves the file it answers with.
 */
export function ExportLinks({
  maskedHref,
  fullAction,
  scope,
  error,
  purpose,
}: {
  maskedHref: string;
  fullAction: string;
  scope: "round" | "contest";
  /** An i18n key when the server refused the last full export. */
  error: string | null;
  purpose: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText()(error ?? undefined);
  const id = useId();
  return (
    <section className="result-section export-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("results.export.title")}</h3>
      <p>
        <a href={maskedHref} download>
          {scope === "round" ? t("results.export.maskedRound") : t("results.export.maskedContest")}
        </a>
      </p>
      <details id="full-export" open={Boolean(error)}>
        <summary>{t("results.export.fullTitle")}</summary>
        <p className="muted">{t("results.export.fullHint")}</p>
        {errorText ? (
          <div className="alert alert-error" role="alert">
            {errorText}
          </div>
        ) : null}
        <form method="post" action={fullAction} className="full-export-form">
          <div className={`field${errorText ? " field-invalid" : ""}`}>
            <label htmlFor={`${id}-purpose`}>
              {t("results.export.purpose")} <span className="field-required">({t("common.required")})</span>
            </label>
            <textarea
              id={`${id}-purpose`}
              name="purpose"
              rows={2}
              required
              minLength={10}
              maxLength={300}
              defaultValue={purpose}
              aria-describedby={`${id}-purpose-hint`}
            />
            <p className="field-hint" id={`${id}-purpose-hint`}>
              {t("results.export.purposeHint")}
            </p>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="confirm" required /> {t("results.export.confirm")}
          </label>
          <Button type="submit" variant="danger">
            {scope === "round" ? t("results.export.submitRound") : t("results.export.submitContest")}
          </Button>
        </form>
      </details>
    </section>
  );
}
