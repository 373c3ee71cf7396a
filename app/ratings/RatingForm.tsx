import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/i18n/react";
import { RATING_STARS } from "./schemas";

export interface RatingFormState {
  saved?: boolean;
  error?: string;
}

/**
 * The optional 1–5 star rating with a comment, shown after a course is completed or a contest
 * attempt is closed. Plain radio buttons in a fieldset, posted with intent=rate: works without
 * JavaScript, keyboard and screen-reader friendly, and adds no script of its own to the page.
 */
export function RatingForm({
  current,
  state,
}: {
  current: { stars: number; comment: string | null } | null;
  state?: RatingFormState;
}) {
  const { t } = useTranslation();
  const id = useId();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card rating" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("rating.title")}</h2>
      {state?.saved ? (
        <p className="alert alert-success" role="status">
          {t("rating.saved")}
        </p>
      ) : null}
      {state?.error ? (
        <p className="alert alert-error" role="alert">
          {t(state.error)}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="rate" />
        <fieldset>
          <legend>{t("rating.question")}</legend>
          {RATING_STARS.map((stars) => (
            <label key={stars} className="rating-option">
              <input type="radio" name="stars" value={stars} defaultChecked={current?.stars === stars} required />{" "}
              <span aria-hidden="true">{"★".repeat(stars)}</span> {t("rating.stars", { n: stars })}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-comment`}>{t("rating.comment")}</label>
        <textarea id={`${id}-comment`} name="comment" maxLength={1000} rows={3} defaultValue={current?.comment ?? ""} />
        <p>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("rating.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}
