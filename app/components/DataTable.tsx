import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Sorting is done by the loader; the header links set ?sort=key&dir=asc|desc. */
  sortable?: boolean;
}

export interface TableState {
  sort?: string;
  dir?: "asc" | "desc";
  page: number;
  pageCount: number;
  total: number;
}

/** A table whose sorting and paging live in the URL, so they work without JavaScript and can be shared. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  state,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  state: TableState;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const hrefWith = (changes: Record<string, string>) => {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = state.sort === column.key;
              const nextDir = active && state.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sortable ? (
                    <Link to={hrefWith({ sort: column.key, dir: nextDir, page: "1" })} className="sort-link">
                      {column.header}
                      <span aria-hidden="true">{active ? (state.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {state.pageCount > 1 ? (
        <nav className="pager" aria-label={t("table.pagination")}>
          {state.page > 1 ? (
            <Link to={hrefWith({ page: String(state.page - 1) })} rel="prev">
              {t("table.previous")}
            </Link>
          ) : (
            <span aria-disabled="true">{t("table.previous")}</span>
          )}
          <span>{t("table.pageOf", { page: state.page, pageCount: state.pageCount, total: state.total })}</span>
          {state.page < state.pageCount ? (
            <Link to={hrefWith({ page: String(state.page + 1) })} rel="next">
              {t("table.next")}
            </Link>
          ) : (
            <span aria-disabled="true">{t("table.next")}</span>
          )}
        </nav>
      ) : (
        <p className="table-count">{t("table.total", { total: state.total })}</p>
      )}
    </div>
  );
}
