import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ButtonLink } from "~/components/Button";
import { DataTable } from "~/components/DataTable";
import { EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { bankAccess, readableBanksFilter } from "~/questions/banks.server";
import { DIFFICULTIES, QUESTION_TYPES } from "~/questions/draft";
import { requireBank } from "~/questions/guards.server";
import { BULK_ACTIONS, bulkUpdate, listQuestions } from "~/questions/questions.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm, tableParams } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Câu hỏi — Legal Arena" }];

const STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "RETIRED"] as const;
const EXPORT_LINKS = [
  ["xlsx", "Excel"],
  ["csv", "CSV"],
  ["moodle-xml", "Moodle XML"],
  ["gift", "GIFT"],
  ["aiken", "Aiken"],
] as const;
const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  topicId: z.string().max(64).optional().catch(undefined),
  difficulty: z.enum(DIFFICULTIES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  type: z.enum(QUESTION_TYPES).optional().catch(undefined),
  authorId: z.string().max(64).optional().catch(undefined),
});
const bulkSchema = z.object({
  action: z.enum(BULK_ACTIONS, { error: "errors.question.bulkActionRequired" }),
  topic: z.string().max(120).optional(),
  targetBankId: z.string().max(64).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank, access, user } = await requireBank(request, params.bankId ?? "", "read");
  const url = new URL(request.url);
  const filters = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, value]) => value !== "")));
  const { page, pageSize, skip } = tableParams(url, ["updatedAt"] as const, "updatedAt", 25);
  const { db } = runtime();
  const [result, topics, authors, otherBanks, waitingForReview] = await Promise.all([
    listQuestions(db, bank.id, filters, { skip, take: pageSize }),
    db.topic.findMany({ where: { bankId: bank.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { authoredQuestions: { some: { bankId: bank.id } } },
      select: { id: true, fullName: true },
      orderBy: { fullName: "asc" },
    }),
    access === "write"
      ? db.questionBank.findMany({
          where: { AND: [readableBanksFilter(user), { id: { not: bank.id } }] },
          select: { id: true, name: true, orgNode: { select: { path: true } } },
        })
      : Promise.resolve([]),
    db.question.count({ where: { bankId: bank.id, status: "IN_REVIEW" } }),
  ]);
  return json({
    bank: { id: bank.id, name: bank.name, nodeName: bank.orgNode.name },
    access,
    filters,
    topics,
    authors,
    moveTargets: otherBanks
      .filter((other) => bankAccess(user, other.orgNode.path) === "write")
      .map((other) => ({ value: other.id, label: other.name })),
    waitingForReview,
    questions: result.rows,
    table: { page, pageCount: Math.max(1, Math.ceil(result.total / pageSize)), total: result.total },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bank } = await requireBank(request, params.bankId ?? "", "write");
  const formData = await request.formData();
  const parsed = parseForm(bulkSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const questionIds = formData.getAll("questionId").map(String).slice(0, 500);
  const result = await bulkUpdate(runtime().db, request, user, bank.id, { ...parsed.data, questionIds });
  if (!result.ok)
    return json(formFailure(formData, {}, result.message), { status: result.code === "FORBIDDEN" ? 403 : 400 });
  return json({ ok: true as const, count: result.count, action: parsed.data.action });
}

export default function BankPage() {
  const { t, i18n } = useTranslation();
  const { bank, access, filters, topics, authors, questions, table, moveTargets, waitingForReview } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short" });
  const canEdit = access === "write";
  return (
    <>
      <p>
        <Link to="/manage/banks">← {t("banks.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{bank.name}</h1>
        {canEdit ? (
          <div className="hero-actions">
            <ButtonLink to={`/manage/banks/${bank.id}/new`}>{t("questions.new")}</ButtonLink>
            <ButtonLink to={`/manage/banks/${bank.id}/import`} variant="secondary">
              {t("questions.import")}
            </ButtonLink>
          </div>
        ) : null}
      </div>
      <p className="muted">
        {bank.nodeName} · {canEdit ? t("banks.canEdit") : t("banks.readOnly")}
      </p>
      {canEdit && waitingForReview > 0 && filters.status !== "IN_REVIEW" ? (
        <p className="alert alert-info">
          <Link to={`/manage/banks/${bank.id}?status=IN_REVIEW`}>
            {t("questions.reviewQueue", { count: waitingForReview })}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t("questions.exportLabel")} className="export-links">
        <span>{t("questions.exportLabel")}:</span>
        {EXPORT_LINKS.map(([format, label]) => (
          <a key={format} href={`/manage/banks/${bank.id}/export?format=${format}`} download>
            {label}
          </a>
        ))}
      </nav>
      {actionData?.ok === true ? (
        <div className="alert alert-success" role="status">
          {t("questions.bulkDone", { count: actionData.count })}
        </div>
      ) : null}
      <FormAlert error={actionData?.ok === false ? actionData.formError : undefined} />

      <Form method="get" className="filter-form card" role="search">
        <TextField label={t("questions.search")} name="q" type="search" defaultValue={filters.q ?? ""} />
        <SelectField
          label={t("questions.fields.topics")}
          name="topicId"
          defaultValue={filters.topicId ?? ""}
          options={[
            { value: "", label: t("questions.all") },
            ...topics.map((topic) => ({ value: topic.id, label: topic.name })),
          ]}
        />
        <SelectField
          label={t("questions.fields.difficulty")}
          name="difficulty"
          defaultValue={filters.difficulty ?? ""}
          options={[
            { value: "", label: t("questions.all") },
            ...DIFFICULTIES.map((value) => ({ value, label: t(`questions.difficulty.${value}`) })),
          ]}
        />
        <SelectField
          label={t("questions.fields.status")}
          name="status"
          defaultValue={filters.status ?? ""}
          options={[
            { value: "", label: t("questions.all") },
            ...STATUSES.map((value) => ({ value, label: t(`questions.status.${value}`) })),
          ]}
        />
        <SelectField
          label={t("questions.fields.type")}
          name="type"
          defaultValue={filters.type ?? ""}
          options={[
            { value: "", label: t("questions.all") },
            ...QUESTION_TYPES.map((value) => ({ value, label: t(`questions.type.${value}`) })),
          ]}
        />
        <SelectField
          label={t("questions.fields.author")}
          name="authorId"
          defaultValue={filters.authorId ?? ""}
          options={[
            { value: "", label: t("questions.all") },
            ...authors.map((author) => ({ value: author.id, label: author.fullName })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("audit.filter")}
        </Button>
      </Form>

      {questions.length === 0 ? (
        <EmptyState title={t("questions.empty")} />
      ) : (
        <>
          {canEdit ? (
            <Form method="post" id="bulk-form" className="bulk-bar card">
              <SelectField
                label={t("questions.bulkAction")}
                name="action"
                options={[
                  { value: "approve", label: t("questions.bulk.approve") },
                  { value: "tag", label: t("questions.bulk.tag") },
                  { value: "retire", label: t("questions.bulk.retire") },
                  ...(moveTargets.length > 0 ? [{ value: "move", label: t("questions.bulk.move") }] : []),
                ]}
              />
              <TextField label={t("questions.bulkTopic")} name="topic" list="bank-topics" />
              <datalist id="bank-topics">
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.name} />
                ))}
              </datalist>
              {moveTargets.length > 0 ? (
                <SelectField
                  label={t("questions.bulkTarget")}
                  name="targetBankId"
                  options={[{ value: "", label: "—" }, ...moveTargets]}
                />
              ) : null}
              <Button type="submit" variant="secondary">
                {t("questions.bulkApply")}
              </Button>
            </Form>
          ) : null}
          <DataTable
            caption={t("questions.listCaption")}
            rows={questions}
            rowKey={(row) => row.id}
            state={table}
            columns={[
              ...(canEdit
                ? [
                    {
                      key: "select",
                      header: t("questions.select"),
                      render: (row: (typeof questions)[number]) => (
                        <input
                          type="checkbox"
                          name="questionId"
                          value={row.id}
                          form="bulk-form"
                          aria-label={t("questions.selectOne", { stem: row.stemText.slice(0, 60) })}
                        />
                      ),
                    },
                  ]
                : []),
              {
                key: "stem",
                header: t("questions.fields.stem"),
                render: (row) => <Link to={`/manage/questions/${row.id}`}>{row.stemText || "—"}</Link>,
              },
              { key: "topics", header: t("questions.fields.topics"), render: (row) => row.topics.join(", ") || "—" },
              {
                key: "difficulty",
                header: t("questions.fields.difficulty"),
                render: (row) => t(`questions.difficulty.${row.difficulty}`),
              },
              {
                key: "status",
                header: t("questions.fields.status"),
                render: (row) => (
                  <span className={`status-badge status-${row.status}`}>{t(`questions.status.${row.status}`)}</span>
                ),
              },
              {
                key: "updatedAt",
                header: t("questions.updated"),
                render: (row) => `${dateFormat.format(new Date(row.updatedAt))} · v${row.version}`,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
