import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AUDIT_ACTIONS } from "~/audit/actions";
import { hasRole } from "~/auth/access";
import { requireRole } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { DataTable } from "~/components/DataTable";
import { EmptyState } from "~/components/Feedback";
import { SelectField, TextField } from "~/components/Field";
import type { Prisma } from "~/generated/prisma/client";
import { useTranslation } from "~/i18n/react";
import { scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { tableParams } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Nhật ký hoạt động — Legal Arena" }];

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().trim().max(100).optional().catch(undefined),
  from: dateParam,
  to: dateParam,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const url = new URL(request.url);
  const filters = filterSchema.parse(Object.fromEntries(url.searchParams));
  const { page, pageSize, skip } = tableParams(url, ["createdAt"] as const, "createdAt", 50);
  // Newest first unless the reader asks otherwise.
  const dir: "asc" | "desc" = url.searchParams.get("dir") === "asc" ? "asc" : "desc";
  const { db } = runtime();

  const where: Prisma.AuditLogWhereInput = {};
  if (!hasRole(user.grants, "ADMIN")) {
    // Organizers read the log of their own subtree only.
    const nodes = await db.orgNode.findMany({ where: scopeFilter(user), select: { id: true } });
    where.orgNodeId = { in: nodes.map((node) => node.id) };
  }
  if (filters.action) where.action = filters.action;
  if (filters.actor) where.actor = { fullName: { contains: filters.actor, mode: "insensitive" } };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+07:00`) } : {}),
      ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
    };
  }
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: dir },
      skip,
      take: pageSize,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        ipAddress: true,
        createdAt: true,
        actor: { select: { fullName: true } },
      },
    }),
  ]);
  return json({
    entries,
    filters,
    table: { sort: "createdAt", dir, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total },
  });
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { entries, filters, table } = useLoaderData<typeof loader>();
  const timeFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="filter-form card">
        <SelectField
          label={t("audit.action")}
          name="action"
          defaultValue={filters.action ?? ""}
          options={[
            { value: "", label: t("audit.allActions") },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) })),
          ]}
        />
        <TextField label={t("audit.actor")} name="actor" defaultValue={filters.actor ?? ""} />
        <TextField label={t("audit.from")} name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label={t("audit.to")} name="to" type="date" defaultValue={filters.to ?? ""} />
        <Button type="submit" variant="secondary">
          {t("audit.filter")}
        </Button>
      </Form>
      {entries.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <DataTable
          caption={t("audit.title")}
          rows={entries}
          rowKey={(row) => row.id}
          state={table}
          columns={[
            {
              key: "createdAt",
              header: t("audit.when"),
              sortable: true,
              render: (row) => timeFormat.format(new Date(row.createdAt)),
            },
            { key: "actor", header: t("audit.actor"), render: (row) => row.actor?.fullName ?? t("audit.system") },
            {
              key: "action",
              header: t("audit.action"),
              render: (row) => t(`audit.actions.${row.action}`, { defaultValue: row.action }),
            },
            {
              key: "target",
              header: t("audit.target"),
              render: (row) => (row.targetType ? `${row.targetType} ${row.targetId?.slice(0, 8) ?? ""}` : "—"),
            },
            { key: "ip", header: t("audit.from_where"), render: (row) => row.ipAddress ?? "—" },
          ]}
        />
      )}
    </>
  );
}
