import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Button } from "~/components/Button";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { useErrorText } from "~/components/Field";
import type { IntegrityFlag } from "~/contests/integrity.server";
import { useTranslation } from "~/i18n/react";

/** A refused annulment, echoed back so the form under that attempt shows the error and the text. */
export interface AnnulFailure {
  attemptId: string;
  error: string;
  reason: string;
}

export function FlagList({ flags, short = false }: { flags: IntegrityFlag[]; short?: boolean }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={flag.kind} className="flag" title={short ? t(`results.flags.${flag.kind}`, flag.detail) : undefined}>
          {short ? t(`results.flagNames.${flag.kind}`) : t(`results.flags.${flag.kind}`, flag.detail)}
        </li>
      ))}
    </ul>
  );
}

interface FlaggedRow {
  attemptId: string;
  fullName: string;
  number: number;
  running: boolean;
  score: number | null;
  maxScore: number;
  flags: IntegrityFlag[];
}

interface AnnulledRow {
  attemptId: string;
  fullName: string;
  number: number;
  score: number | null;
  maxScore: number;
  reason: string;
  annulledAt: string | null;
  annulledBy: string;
}

function AnnulForm({ row, action, failure }: { row: FlaggedRow; action: string; failure: AnnulFailure | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const error = failure?.attemptId === row.attemptId ? errorText(failure.error) : undefined;
  return (
    <Form method="post" action={action} className="annul-form">
      <input type="hidden" name="intent" value="annul" />
      <div className={`field${error ? " field-invalid" : ""}`}>
        <label htmlFor={`${id}-reason`}>{t("results.flagged.reason")}</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          required
          minLength={5}
          maxLength={500}
          defaultValue={failure?.attemptId === row.attemptId ? failure.reason : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {t("results.flagged.reasonHint")}
        </p>
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {/* The attempt travels as the button's value, which also keeps each dialog's id unique. */}
      <ConfirmButton
        name="attemptId"
        value={row.attemptId}
        title={t("results.flagged.annulTitle")}
        body={t("results.flagged.annulBody")}
        confirmLabel={t("results.flagged.annul")}
      >
        {t("results.flagged.annul")}
      </ConfirmButton>
    </Form>
  );
}

export function FlaggedAttempts({
  flagged,
  annulled,
  action,
  failure,
}: {
  flagged: { total: number; rows: FlaggedRow[] };
  annulled: { total: number; rows: AnnulledRow[] };
  action: string;
  failure: AnnulFailure | null;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  return (
    <>
      <section aria-labelledby="flagged-title" className="result-section">
        <h3 id="flagged-title">{t("results.flagged.title")}</h3>
        <p className="muted">{t("results.flagged.hint")}</p>
        {flagged.rows.length === 0 ? (
          <EmptyState title={t("results.flagged.empty")} />
        ) : (
          <>
            {flagged.total > flagged.rows.length ? (
              <p className="muted">
                {t("results.flagged.shown", { shown: flagged.rows.length, total: flagged.total })}
              </p>
            ) : null}
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t("results.flagged.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.flagged.contestant")}</th>
                    <th scope="col">{t("attempt.score")}</th>
                    <th scope="col">{t("results.flagged.signals")}</th>
                    <th scope="col">{t("common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {flagged.rows.map((row) => (
                    <tr key={row.attemptId}>
                      <td data-label={t("results.flagged.contestant")}>
                        {row.fullName}
                        <br />
                        <span className="muted">{t("results.flagged.attempt", { number: row.number })}</span>
                      </td>
                      <td data-label={t("attempt.score")}>
                        {row.running ? t("results.flagged.running") : `${row.score ?? 0}/${row.maxScore}`}
                      </td>
                      <td data-label={t("results.flagged.signals")}>
                        <FlagList flags={row.flags} />
                      </td>
                      <td data-label={t("common.actions")}>
                        {row.running ? "—" : <AnnulForm row={row} action={action} failure={failure} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="annulled-title" className="result-section">
        <h3 id="annulled-title">{t("results.flagged.annulledTitle")}</h3>
        {annulled.rows.length === 0 ? (
          <EmptyState title={t("results.flagged.annulledEmpty")} />
        ) : (
          <>
            {annulled.total > annulled.rows.length ? (
              <p className="muted">
                {t("results.flagged.shown", { shown: annulled.rows.length, total: annulled.total })}
              </p>
            ) : null}
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t("results.flagged.annulledCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.flagged.contestant")}</th>
                    <th scope="col">{t("attempt.score")}</th>
                    <th scope="col">{t("results.flagged.reason")}</th>
                    <th scope="col">{t("results.flagged.annulledBy")}</th>
                    <th scope="col">{t("common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {annulled.rows.map((row) => (
                    <tr key={row.attemptId}>
                      <td data-label={t("results.flagged.contestant")}>
                        {row.fullName}
                        <br />
                        <span className="muted">{t("results.flagged.attempt", { number: row.number })}</span>
                      </td>
                      <td data-label={t("attempt.score")}>
                        {row.score ?? 0}/{row.maxScore}
                      </td>
                      <td data-label={t("results.flagged.reason")} className="prewrap">
                        {row.reason}
                      </td>
                      <td data-label={t("results.flagged.annulledBy")}>
                        {row.annulledBy}
                        {row.annulledAt ? (
                          <>
                            <br />
                            <span className="muted">{dateTime.format(new Date(row.annulledAt))}</span>
                          </>
                        ) : null}
                      </td>
                      <td data-label={t("common.actions")}>
                        <Form method="post" action={action}>
                          <input type="hidden" name="intent" value="reinstate" />
                          <Button
                            type="submit"
                            variant="secondary"
                            name="attemptId"
                            value={row.attemptId}
                            disabled={busy}
                          >
                            {t("results.flagged.reinstate")}
                          </Button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
