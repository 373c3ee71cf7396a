import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { ConfirmButton } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { ORG_TYPE_LABEL } from "~/org/labels";
import { editOrgNodeSchema } from "~/org/schemas";
import { deleteOrgNode, listManagedTree, moveOrgNode, renameOrgNode } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Đơn vị — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const nodeId = params.nodeId ?? "";
  const user = await requireRole(request, "ORGANIZER", nodeId);
  const { db } = runtime();
  const node = await db.orgNode.findUniqueOrThrow({
    where: { id: nodeId },
    include: {
      parent: { select: { id: true, name: true } },
      _count: { select: { children: true, memberships: true } },
    },
  });
  const managed = await listManagedTree(db, user);
  // A node cannot move into its own subtree.
  const moveTargets = managed.filter((candidate) => !candidate.path.startsWith(node.path));
  return json({ node, moveTargets });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const nodeId = params.nodeId ?? "";
  const user = await requireRole(request, "ORGANIZER", nodeId);
  const formData = await request.formData();
  const parsed = parseForm(editOrgNodeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { db } = runtime();
  const input = parsed.data;
  const result =
    input.intent === "rename"
      ? await renameOrgNode(db, request, user, { id: nodeId, name: input.name, code: input.code })
      : input.intent === "move"
        ? await moveOrgNode(db, request, user, { id: nodeId, parentId: input.parentId })
        : await deleteOrgNode(db, request, user, { id: nodeId });
  if (!result.ok) {
    return json(
      {
        ...formFailure(
          formData,
          result.field ? { [result.field]: result.message } : {},
          result.field ? undefined : result.message,
        ),
        intent: input.intent,
      },
      { status: result.code === "FORBIDDEN" ? 403 : 400 },
    );
  }
  const message = input.intent === "rename" ? "org.renamed" : input.intent === "move" ? "org.moved" : "org.deleted";
  return redirectWithToast(request, input.intent === "delete" ? "/manage/org" : `/manage/org/${nodeId}`, message);
}

export default function OrgNodePage() {
  const { t } = useTranslation();
  const { node, moveTargets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && actionData.ok === false ? actionData : null;
  const errorsFor = (intent: string) => (failure && "intent" in failure && failure.intent === intent ? failure : null);
  const rename = errorsFor("rename");
  const move = errorsFor("move");
  const remove = errorsFor("delete");
  return (
    <>
      <p>
        <Link to="/manage/org">← {t("org.backToTree")}</Link>
      </p>
      <h1>{node.name}</h1>
      <p className="muted">
        {t(ORG_TYPE_LABEL[node.type])} · <code>{node.code}</code>
        {node.parent ? ` · ${t("org.parentIs", { name: node.parent.name })}` : null}
      </p>
      <FormAlert error={failure && !("intent" in failure) ? failure.formError : undefined} />

      <section className="card form-card" aria-labelledby="rename-title">
        <h2 id="rename-title">{t("org.renameTitle")}</h2>
        <FormAlert error={rename?.formError} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rename" />
          <TextField
            label={t("org.fields.name")}
            name="name"
            required
            defaultValue={rename?.values.name ?? node.name}
            error={rename?.fieldErrors.name}
          />
          <TextField
            label={t("org.fields.code")}
            name="code"
            required
            defaultValue={rename?.values.code ?? node.code}
            error={rename?.fieldErrors.code}
          />
          <Button type="submit">{t("common.save")}</Button>
        </Form>
      </section>

      <section className="card form-card" aria-labelledby="move-title">
        <h2 id="move-title">{t("org.moveTitle")}</h2>
        <FormAlert error={move?.formError} />
        {moveTargets.length === 0 ? (
          <p className="muted">{t("org.noMoveTargets")}</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="move" />
            <SelectField
              label={t("org.fields.newParent")}
              name="parentId"
              required
              defaultValue={move?.values.parentId ?? node.parentId ?? ""}
              error={move?.fieldErrors.parentId}
              options={moveTargets.map((target) => ({ value: target.id, label: `${target.name} (${target.code})` }))}
            />
            <Button type="submit" variant="secondary">
              {t("org.moveSubmit")}
            </Button>
          </Form>
        )}
      </section>

      <section className="card form-card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("org.deleteTitle")}</h2>
        <FormAlert error={remove?.formError} />
        {node._count.children > 0 || node._count.memberships > 0 ? (
          <p className="muted">
            {t("org.deleteBlocked", { children: node._count.children, members: node._count.memberships })}
          </p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <ConfirmButton
              name="confirm"
              value="delete"
              title={t("org.deleteConfirmTitle", { name: node.name })}
              body={t("org.deleteConfirmBody")}
              confirmLabel={t("org.deleteSubmit")}
            >
              {t("org.deleteSubmit")}
            </ConfirmButton>
          </Form>
        )}
      </section>
    </>
  );
}
