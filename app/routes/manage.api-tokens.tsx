import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { createTokenSchema, revokeTokenSchema } from "~/open-data/token-schema";
import { createApiToken, listApiTokens, revokeApiToken } from "~/open-data/tokens.server";
import { nodeOptions } from "~/org/node-options";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "API dữ liệu mở — Legal Arena" }];

/** Tokens of the open-data feed (issue 7 §6, docs/api.md) for the nodes the organizer manages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const [tokens, nodes] = await Promise.all([listApiTokens(db, user), listManagedTree(db, user)]);
  return json({ tokens, options: nodeOptions(nodes, { withCode: true }) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const { db } = runtime();
  if (formData.get("intent") === "revoke") {
    const parsed = parseForm(revokeTokenSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    const result = await revokeApiToken(db, request, user, parsed.data.tokenId);
    if (!result.ok) return json(formFailure(formData, {}, result.message), { status: 404 });
    return json({ ok: true as const, revoked: true, created: null });
  }
  const parsed = parseForm(createTokenSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createApiToken(db, request, user, parsed.data);
  if (!result.ok)
    return json(formFailure(formData, { [result.field ?? "form"]: result.message }), {
      status: result.code === "FORBIDDEN" ? 403 : 400,
    });
  // The secret goes to this one response and nowhere else (not a cookie, not the log).
  return json(
    { ok: true as const, revoked: false, created: { name: parsed.data.name, secret: result.secret } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const { tokens, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  const success = actionData?.ok === true ? actionData : null;
  const errors = failure?.fieldErrors ?? {};
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const when = (value: string | null, empty: string) => (value ? dateTime.format(new Date(value)) : empty);
  return (
    <>
      <h1>{t("apiTokens.title")}</h1>
      <p className="muted">{t("apiTokens.intro")}</p>
      <p className="muted">
        {t("apiTokens.docs")} <a href="/api/v1/openapi.yaml">/api/v1/openapi.yaml</a>
      </p>
      {success?.created ? (
        <section className="alert alert-success" role="status" aria-labelledby="token-created">
          <h2 id="token-created">{t("apiTokens.createdTitle", { name: success.created.name })}</h2>
          <p>{t("apiTokens.createdBody")}</p>
          <TextField
            label={t("apiTokens.secret")}
            hint={t("apiTokens.copyHint")}
            name="secret"
            readOnly
            value={success.created.secret}
            autoComplete="off"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
        </section>
      ) : null}
      {success?.revoked ? (
        <p className="alert alert-success" role="status">
          {t("apiTokens.revoked")}
        </p>
      ) : null}
      <FormAlert error={failure?.formError} />

      <h2>{t("apiTokens.listTitle")}</h2>
      {tokens.length === 0 ? (
        <EmptyState title={t("apiTokens.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("apiTokens.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiTokens.name")}</th>
                <th scope="col">{t("apiTokens.node")}</th>
                <th scope="col">{t("apiTokens.prefix")}</th>
                <th scope="col">{t("apiTokens.createdAt")}</th>
                <th scope="col">{t("apiTokens.lastUsedAt")}</th>
                <th scope="col">{t("apiTokens.expiresOn")}</th>
                <th scope="col">{t("apiTokens.statusLabel")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td data-label={t("apiTokens.name")}>{token.name}</td>
                  <td data-label={t("apiTokens.node")}>
                    {token.node.name} ({token.node.code})
                  </td>
                  <td data-label={t("apiTokens.prefix")}>
                    <code>{token.prefix}…</code>
                  </td>
                  <td data-label={t("apiTokens.createdAt")}>{when(token.createdAt, "")}</td>
                  <td data-label={t("apiTokens.lastUsedAt")}>{when(token.lastUsedAt, t("apiTokens.never"))}</td>
                  <td data-label={t("apiTokens.expiresOn")}>{when(token.expiresAt, t("apiTokens.noExpiry"))}</td>
                  <td data-label={t("apiTokens.statusLabel")}>{t(`apiTokens.status.${token.status}`)}</td>
                  <td data-label={t("common.actions")}>
                    {token.status === "revoked" ? null : (
                      <Form method="post">
                        {/* The token's id names the button, so each row's dialog has its own ids. */}
                        <input type="hidden" name="intent" value="revoke" />
                        <ConfirmButton
                          name="tokenId"
                          value={token.id}
                          title={t("apiTokens.revokeConfirmTitle", { name: token.name })}
                          body={t("apiTokens.revokeConfirmBody")}
                          confirmLabel={t("apiTokens.revoke")}
                        >
                          {t("apiTokens.revoke")}
                        </ConfirmButton>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="card form-card" aria-labelledby="token-create">
        <h2 id="token-create">{t("apiTokens.createTitle")}</h2>
        <Form method="post" noValidate key={success?.created?.secret ?? "form"}>
          <input type="hidden" name="intent" value="create" />
          <TextField
            label={t("apiTokens.name")}
            hint={t("apiTokens.nameHint")}
            name="name"
            required
            maxLength={120}
            defaultValue={failure?.values.name}
            error={errors.name}
          />
          <SelectField
            label={t("apiTokens.node")}
            hint={t("apiTokens.nodeHint")}
            name="orgNodeId"
            required
            defaultValue={failure?.values.orgNodeId}
            error={errors.orgNodeId}
            options={options}
          />
          <TextField
            label={t("apiTokens.expiresOn")}
            hint={t("apiTokens.expiresHint")}
            name="expiresOn"
            inputMode="numeric"
            defaultValue={failure?.values.expiresOn}
            error={errors.expiresOn}
          />
          <Button type="submit" disabled={busy}>
            {t("apiTokens.create")}
          </Button>
        </Form>
      </section>
    </>
  );
}
