import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { resetMemberPassword } from "~/auth/accounts.server";
import { requireRole } from "~/auth/guards.server";
import { resetPasswordSchema } from "~/auth/schemas";
import { Button } from "~/components/Button";
import { DataTable } from "~/components/DataTable";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { FormAlert, TextField } from "~/components/Field";
import type { Prisma } from "~/generated/prisma/client";
import { useTranslation } from "~/i18n/react";
import { canManageMember } from "~/org/members.server";
import { scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm, tableParams } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Thành viên — Legal Arena" }];

const SORTABLE = ["name", "createdAt", "lastLoginAt"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const url = new URL(request.url);
  const { sort, dir, page, pageSize, skip } = tableParams(url, SORTABLE, "name");
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const where: Prisma.UserWhereInput = {
    memberships: { some: { orgNode: scopeFilter(user) } },
    ...(query
      ? {
          OR: [
            { fullName: { contains: query, mode: "insensitive" } },
            { email: { contains: query.toLowerCase() } },
            { phone: { contains: query } },
          ],
        }
      : {}),
  };
  const orderBy =
    sort === "name" ? { fullName: dir } : sort === "createdAt" ? { createdAt: dir } : { lastLoginAt: dir };
  const { db } = runtime();
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy,
      skip,
      take: pageSize,
      select: {
        id: true,
        fullName: true,
        email: true,
        phone: true,
        createdAt: true,
        lastLoginAt: true,
        memberships: { select: { role: true, orgNode: { select: { name: true } } } },
      },
    }),
  ]);
  return json({ users, query, table: { sort, dir, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total } });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { db } = runtime();
  if (parsed.data.userId === actor.id || !(await canManageMember(db, actor, parsed.data.userId))) {
    return json(formFailure(formData, {}, "errors.members.cannotReset"), { status: 403 });
  }
  const member = await db.membership.findFirst({ where: { userId: parsed.data.userId }, select: { orgNodeId: true } });
  const { temporaryPassword } = await resetMemberPassword(db, request, {
    actorId: actor.id,
    userId: parsed.data.userId,
    orgNodeId: member?.orgNodeId ?? null,
  });
  const target = await db.user.findUniqueOrThrow({ where: { id: parsed.data.userId }, select: { fullName: true } });
  return json({ ok: true as const, temporaryPassword, fullName: target.fullName });
}

export default function MembersPage() {
  const { t, i18n } = useTranslation();
  const { users, query, table } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <>
      <h1>{t("members.title")}</h1>
      {actionData?.ok === true ? (
        <div className="alert alert-success" role="status">
          {t("members.resetDone", { name: actionData.fullName, password: actionData.temporaryPassword })}
        </div>
      ) : null}
      <FormAlert error={actionData?.ok === false ? actionData.formError : undefined} />
      <Form method="get" className="search-form" role="search">
        <TextField label={t("members.search")} name="q" type="search" defaultValue={query} />
        {searchParams.get("sort") ? <input type="hidden" name="sort" value={searchParams.get("sort") ?? ""} /> : null}
        <Button type="submit" variant="secondary">
          {t("common.search")}
        </Button>
      </Form>
      {users.length === 0 ? (
        <EmptyState title={query ? t("members.noMatch") : t("members.empty")} />
      ) : (
        <DataTable
          caption={t("members.title")}
          rows={users}
          rowKey={(row) => row.id}
          state={table}
          columns={[
            { key: "name", header: t("fields.fullName"), sortable: true, render: (row) => row.fullName },
            { key: "contact", header: t("fields.identifier"), render: (row) => row.phone ?? row.email ?? "—" },
            {
              key: "roles",
              header: t("members.roles"),
              render: (row) => row.memberships.map((m) => `${t(`roles.${m.role}`)} · ${m.orgNode.name}`).join("; "),
            },
            {
              key: "lastLoginAt",
              header: t("members.lastLogin"),
              sortable: true,
              render: (row) => (row.lastLoginAt ? dateFormat.format(new Date(row.lastLoginAt)) : t("members.never")),
            },
            {
              key: "actions",
              header: t("common.actions"),
              render: (row) => (
                <Form method="post">
                  <input type="hidden" name="userId" value={row.id} />
                  <ConfirmButton
                    name="intent"
                    value={`reset-${row.id}`}
                    variant="primary"
                    title={t("members.resetConfirmTitle", { name: row.fullName })}
                    body={t("members.resetConfirmBody")}
                    confirmLabel={t("members.reset")}
                  >
                    {t("members.reset")}
                  </ConfirmButton>
                </Form>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
