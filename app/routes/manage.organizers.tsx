import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { parseIdentifier } from "~/auth/schemas";
import { Button } from "~/components/Button";
import { DataTable } from "~/components/DataTable";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { grantOrganizer, revokeOrganizer } from "~/org/members.server";
import { listManagedTree, scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm, tableParams } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Tài khoản ban tổ chức — Legal Arena" }];

const grantSchema = z.object({
  intent: z.literal("grant"),
  fullName: z.string().trim().min(2, "errors.fullName.tooShort").max(120, "errors.fullName.tooLong"),
  identifier: z
    .string()
    .trim()
    .refine((value) => parseIdentifier(value) !== null, "errors.identifier.invalid"),
  orgNodeId: z.string().min(1, "errors.org.parentRequired").max(64),
});
const revokeSchema = z.object({ intent: z.literal("revoke"), membershipId: z.string().min(1).max(64) });
const SORTABLE = ["name", "node", "createdAt"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const { sort, dir, page, pageSize, skip } = tableParams(new URL(request.url), SORTABLE, "name");
  const where = { role: "ORGANIZER" as const, orgNode: scopeFilter(user) };
  const orderBy =
    sort === "name" ? { user: { fullName: dir } } : sort === "node" ? { orgNode: { name: dir } } : { createdAt: dir };
  const [total, memberships, nodes] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      orderBy,
      skip,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        userId: true,
        user: { select: { fullName: true, email: true, phone: true, lastLoginAt: true } },
        orgNode: { select: { name: true, code: true } },
      },
    }),
    listManagedTree(db, user),
  ]);
  return json({
    selfId: user.id,
    memberships,
    nodes: nodes.map((node) => ({ id: node.id, label: `${node.name} (${node.code})` })),
    table: { sort, dir, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const { db } = runtime();
  if (formData.get("intent") === "revoke") {
    const parsed = parseForm(revokeSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    const result = await revokeOrganizer(db, request, user, parsed.data.membershipId);
    if (!result.ok)
      return json(formFailure(formData, {}, result.message), { status: result.code === "FORBIDDEN" ? 403 : 400 });
    return json({ ok: true as const, revoked: true, temporaryPassword: null, created: false });
  }
  const parsed = parseForm(grantSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await grantOrganizer(db, request, user, parsed.data);
  if (!result.ok) {
    return json(
      formFailure(
        formData,
        result.field ? { [result.field]: result.message } : {},
        result.field ? undefined : result.message,
      ),
      {
        status: result.code === "FORBIDDEN" ? 403 : 400,
      },
    );
  }
  return json({
    ok: true as const,
    revoked: false,
    temporaryPassword: result.temporaryPassword,
    created: result.created,
  });
}

export default function OrganizersPage() {
  const { t, i18n } = useTranslation();
  const { memberships, nodes, table, selfId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  const success = actionData?.ok === true ? actionData : null;
  const errors = failure?.fieldErrors ?? {};
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <>
      <h1>{t("organizers.title")}</h1>
      {success ? (
        <div className="alert alert-success" role="status">
          {success.revoked
            ? t("organizers.revoked")
            : success.temporaryPassword
              ? t("organizers.createdWithPassword", { password: success.temporaryPassword })
              : t("organizers.granted")}
        </div>
      ) : null}
      <FormAlert error={failure?.formError} />
      {memberships.length === 0 ? (
        <EmptyState title={t("organizers.empty")} />
      ) : (
        <DataTable
          caption={t("organizers.title")}
          rows={memberships}
          rowKey={(row) => row.id}
          state={table}
          columns={[
            { key: "name", header: t("fields.fullName"), sortable: true, render: (row) => row.user.fullName },
            {
              key: "contact",
              header: t("fields.identifier"),
              render: (row) => row.user.phone ?? row.user.email ?? "—",
            },
            { key: "node", header: t("organizers.node"), sortable: true, render: (row) => row.orgNode.name },
            {
              key: "createdAt",
              header: t("organizers.since"),
              sortable: true,
              render: (row) => dateFormat.format(new Date(row.createdAt)),
            },
            {
              key: "actions",
              header: t("common.actions"),
              render: (row) =>
                row.userId === selfId ? (
                  <span className="muted">{t("organizers.you")}</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="membershipId" value={row.id} />
                    <ConfirmButton
                      name="intent"
                      value="revoke"
                      title={t("organizers.revokeConfirmTitle", { name: row.user.fullName })}
                      body={t("organizers.revokeConfirmBody")}
                      confirmLabel={t("organizers.revoke")}
                    >
                      {t("organizers.revoke")}
                    </ConfirmButton>
                  </Form>
                ),
            },
          ]}
        />
      )}
      <section className="card form-card" aria-labelledby="grant-title">
        <h2 id="grant-title">{t("organizers.grantTitle")}</h2>
        <p className="field-hint">{t("organizers.grantHint")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <TextField
            label={t("fields.fullName")}
            name="fullName"
            required
            defaultValue={failure?.values.fullName}
            error={errors.fullName}
          />
          <TextField
            label={t("fields.identifier")}
            hint={t("fields.identifierHint")}
            name="identifier"
            required
            defaultValue={failure?.values.identifier}
            error={errors.identifier}
          />
          <SelectField
            label={t("organizers.node")}
            name="orgNodeId"
            required
            defaultValue={failure?.values.orgNodeId}
            error={errors.orgNodeId}
            options={nodes.map((node) => ({ value: node.id, label: node.label }))}
          />
          <Button type="submit" disabled={submitting}>
            {t("organizers.grantSubmit")}
          </Button>
        </Form>
      </section>
    </>
  );
}
