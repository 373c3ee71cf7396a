import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { hasRole } from "~/auth/access";
import { requireRole } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { Button, ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { ORG_TYPE_LABEL } from "~/org/labels";
import { createOrgNodeSchema, ORG_NODE_TYPES } from "~/org/schemas";
import { createOrgNode, listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Cây tổ chức — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const nodes = await listManagedTree(runtime().db, user);
  const minDepth = Math.min(...nodes.map((node) => node.depth));
  return json({
    isAdmin: hasRole(user.grants, "ADMIN"),
    nodes: nodes.map((node) => ({ ...node, indent: node.depth - minDepth })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(createOrgNodeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createOrgNode(runtime().db, request, user, parsed.data);
  if (!result.ok) {
    if (result.code === "FORBIDDEN" && !result.field) throw new Response("Forbidden", { status: 403 });
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
  return redirect("/manage/org", {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: "org.created",
        params: { name: result.node.name },
      }),
    },
  });
}

export default function OrgTreePage() {
  const { t } = useTranslation();
  const { nodes, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  const errors = failure?.fieldErrors ?? {};
  const parentOptions = [
    ...(isAdmin ? [{ value: "", label: t("org.noParent") }] : []),
    ...nodes.map((node) => ({ value: node.id, label: `${"— ".repeat(node.indent)}${node.name} (${node.code})` })),
  ];
  return (
    <>
      <div className="page-header">
        <h1>{t("org.title")}</h1>
        <ButtonLink to="/manage/org/import" variant="secondary">
          {t("org.importLink")}
        </ButtonLink>
      </div>
      {nodes.length === 0 ? (
        <EmptyState title={t("org.empty")} />
      ) : (
        <ul className="tree" aria-label={t("org.title")}>
          {nodes.map((node) => (
            <li key={node.id} style={{ paddingInlineStart: `${node.indent * 1.25}rem` }}>
              <Link to={`/manage/org/${node.id}`}>{node.name}</Link>{" "}
              <span className="badge">{t(ORG_TYPE_LABEL[node.type])}</span> <code className="muted">{node.code}</code>
            </li>
          ))}
        </ul>
      )}
      <section className="card form-card" aria-labelledby="create-node-title">
        <h2 id="create-node-title">{t("org.createTitle")}</h2>
        <FormAlert error={failure?.formError} />
        <Form method="post" noValidate>
          <TextField
            label={t("org.fields.name")}
            name="name"
            required
            defaultValue={failure?.values.name}
            error={errors.name}
          />
          <TextField
            label={t("org.fields.code")}
            hint={t("org.fields.codeHint")}
            name="code"
            required
            defaultValue={failure?.values.code}
            error={errors.code}
          />
          <SelectField
            label={t("org.fields.type")}
            name="type"
            required
            defaultValue={failure?.values.type ?? "UNIT"}
            error={errors.type}
            options={ORG_NODE_TYPES.map((type) => ({ value: type, label: t(ORG_TYPE_LABEL[type]) }))}
          />
          <SelectField
            label={t("org.fields.parent")}
            name="parentId"
            defaultValue={failure?.values.parentId ?? nodes[0]?.id ?? ""}
            error={errors.parentId}
            options={parentOptions}
          />
          <Button type="submit" disabled={submitting}>
            {submitting ? t("common.working") : t("org.createSubmit")}
          </Button>
        </Form>
      </section>
    </>
  );
}
