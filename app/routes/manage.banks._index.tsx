import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { bankAccess, createBank, readableBanksFilter } from "~/questions/banks.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Ngân hàng câu hỏi — Legal Arena" }];

const createBankSchema = z.object({
  name: z
    .string({ error: "errors.bank.nameRequired" })
    .trim()
    .min(2, "errors.bank.nameRequired")
    .max(150, "errors.bank.nameRequired"),
  orgNodeId: z.string({ error: "errors.org.parentRequired" }).min(1, "errors.org.parentRequired").max(64),
  description: z
    .string()
    .max(1000)
    .optional()
    .transform((value) => value?.trim() || null),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const [banks, nodes] = await Promise.all([
    db.questionBank.findMany({
      where: readableBanksFilter(user),
      orderBy: [{ orgNode: { depth: "asc" } }, { name: "asc" }],
      include: { orgNode: { select: { name: true, path: true } }, _count: { select: { questions: true } } },
    }),
    listManagedTree(db, user),
  ]);
  return json({
    banks: banks.map((bank) => ({
      id: bank.id,
      name: bank.name,
      description: bank.description,
      nodeName: bank.orgNode.name,
      questionCount: bank._count.questions,
      access: bankAccess(user, bank.orgNode.path),
    })),
    nodes: nodes.map((node) => ({ value: node.id, label: `${node.name} (${node.code})` })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(createBankSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await createBank(runtime().db, request, user, parsed.data);
  if (!result.ok) {
    return json(formFailure(formData, result.field ? { [result.field]: result.message } : {}), {
      status: result.code === "FORBIDDEN" ? 403 : 400,
    });
  }
  return await redirectWithToast(request, `/manage/banks/${result.bankId}`, "banks.created");
}

export default function BanksPage() {
  const { t } = useTranslation();
  const { banks, nodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const failure = actionData?.ok === false ? actionData : null;
  return (
    <>
      <h1>{t("banks.title")}</h1>
      {banks.length === 0 ? (
        <EmptyState title={t("banks.empty")} />
      ) : (
        <ul className="card-list">
          {banks.map((bank) => (
            <li key={bank.id} className="card">
              <h2>
                <Link to={`/manage/banks/${bank.id}`}>{bank.name}</Link>
              </h2>
              <p className="muted">
                {bank.nodeName} · {t("banks.questionCount", { count: bank.questionCount })} ·{" "}
                {bank.access === "write" ? t("banks.canEdit") : t("banks.readOnly")}
              </p>
              {bank.description ? <p>{bank.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <section className="card form-card" aria-labelledby="create-bank-title">
        <h2 id="create-bank-title">{t("banks.createTitle")}</h2>
        <FormAlert error={failure?.formError} />
        <Form method="post" noValidate>
          <TextField
            label={t("banks.fields.name")}
            name="name"
            required
            defaultValue={failure?.values.name}
            error={failure?.fieldErrors.name}
          />
          <SelectField
            label={t("banks.fields.node")}
            name="orgNodeId"
            required
            defaultValue={failure?.values.orgNodeId}
            options={nodes}
            error={failure?.fieldErrors.orgNodeId}
          />
          <TextField
            label={t("banks.fields.description")}
            name="description"
            defaultValue={failure?.values.description}
          />
          <Button type="submit" disabled={submitting}>
            {t("banks.createSubmit")}
          </Button>
        </Form>
      </section>
    </>
  );
}
