import { useTranslation } from "~/i18n/react";

export interface ImportErrorRow {
  line: number;
  /** Translated column name, when the format has columns. */
  column?: string;
  /** i18n key and parameters of the reason. */
  message: string;
  params?: Record<string, string>;
}

/** The row-by-row report of a checked import file, shared by every import screen. */
export function ImportErrors({
  errors,
  caption,
  withColumn,
}: {
  errors: ImportErrorRow[];
  caption: string;
  withColumn: boolean;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <>
      <div className="alert alert-error" role="alert">
        {t("imports.hasErrors", { count: errors.length })}
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.line")}</th>
              {withColumn ? <th scope="col">{t("imports.column")}</th> : null}
              <th scope="col">{t("imports.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed report; one line may have several errors.
              <tr key={index}>
                <td data-label={t("imports.line")}>{error.line}</td>
                {withColumn ? <td data-label={t("imports.column")}>{error.column ?? "—"}</td> : null}
                <td data-label={t("imports.reason")}>{t(error.message, error.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
