import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { QUESTIONS_MAX, SECONDS_MAX, SECONDS_MIN, sessionFormSchema } from "~/live-quiz/rules";
import { createLiveSession } from "~/live-quiz/sessions.server";
import { nodeOptions } from "~/org/node-options";
import { listManagedTree, scopeFilter } from "~/org/tree.server";
import { readableBanksFilter } from "~/questions/banks.server";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Thi trực tiếp — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const [nodes, banks, sessions] = await Promise.all([
    listManagedTree(db, user),
    db.questionBank.findMany({
      where: readableBanksFilter(user),
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        orgNode: { select: { name: true } },
        _count: { select: { questions: { where: { status: "APPROVED" } } } },
      },
    }),
    db.liveSession.findMany({
      where: { orgNode: scopeFilter(user) },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        title: true,
        status: true,
        joinCode: true,
        createdAt: true,
        orgNode: { select: { name: true } },
        _count: { select: { players: true, questions: true } },
      },
    }),
  ]);
  return json({
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    banks: banks.map((bank) => ({
      id: bank.id,
      label: `${bank.name} — ${bank.orgNode.name} (${bank._count.questions})`,
    })),
    sessions,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const formData = await request.formData();
  const parsed = parseForm(sessionFormSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { db } = runtime();
  const created = await createLiveSession(db, user, parsed.data);
  if (!created.ok) {
    if (created.code === "NOT_HOST") return json(formFailure(formData, {}, "errors.forbidden"), { status: 403 });
    const available = "available" in created ? created.available : 0;
    return json(formFailure(formData, { questionCount: "errors.quiz.notEnough" }, undefined, { available }), {
      status: 400,
    });
  }
  await audit(db, request, {
    actorId: user.id,
    action: "live.session_created",
    targetType: "LiveSession",
    targetId: created.sessionId,
    orgNodeId: parsed.data.orgNodeId,
    details: { title: parsed.data.title, questions: parsed.data.questionCount },
  });
  return redirect(`/manage/live/${created.sessionId}`);
}

export default function ManageLiveQuizPage() {
  const { t } = useTranslation();
  const { nodes, banks, sessions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const notEnough =
    errors.questionCount === "errors.quiz.notEnough"
      ? { key: errors.questionCount, params: failure?.formErrorParams ?? {} }
      : errors.questionCount;
  return (
    <>
      <h1>{t("quiz.manageTitle")}</h1>
      <p className="muted">{t("quiz.manageIntro")}</p>
      <section className="card" aria-labelledby="new-session-title">
        <h2 id="new-session-title">{t("quiz.newTitle")}</h2>
        <Form method="post" className="stack" key={failure ? JSON.stringify(values) : "new"}>
          <FormAlert error={failure?.formError} />
          <TextField
            name="title"
            label={t("quiz.title")}
            required
            maxLength={200}
            defaultValue={values.title ?? ""}
            error={errors.title}
          />
          <SelectField
            name="orgNodeId"
            label={t("quiz.node")}
            required
            defaultValue={values.orgNodeId ?? nodes[0]?.id}
            error={errors.orgNodeId}
            options={nodeOptions(nodes)}
          />
          <SelectField
            name="bankId"
            label={t("quiz.bank")}
            hint={t("quiz.bankHint")}
            required
            defaultValue={values.bankId ?? banks[0]?.id}
            error={errors.bankId}
            options={banks.map((bank) => ({ value: bank.id, label: bank.label }))}
          />
          <SelectField
            name="difficulty"
            label={t("quiz.difficulty")}
            defaultValue={values.difficulty ?? ""}
            options={[
              { value: "", label: t("quiz.anyDifficulty") },
              ...(["EASY", "MEDIUM", "HARD"] as const).map((value) => ({
                value,
                label: t(`questions.difficulty.${value}`),
              })),
            ]}
          />
          <TextField
            name="questionCount"
            type="number"
            inputMode="numeric"
            label={t("quiz.questionCount")}
            required
            min={1}
            max={QUESTIONS_MAX}
            defaultValue={values.questionCount ?? "10"}
            error={notEnough}
          />
          <TextField
            name="secondsPerQuestion"
            type="number"
            inputMode="numeric"
            label={t("quiz.seconds")}
            required
            min={SECONDS_MIN}
            max={SECONDS_MAX}
            defaultValue={values.secondsPerQuestion ?? "20"}
            error={errors.secondsPerQuestion}
          />
          <div className="field field-checkbox">
            <label>
              <input
                type="checkbox"
                name="shuffleOptions"
                defaultChecked={failure ? values.shuffleOptions === "on" : true}
              />{" "}
              {t("quiz.shuffleOptions")}
            </label>
          </div>
          <p>
            <Button type="submit" disabled={busy}>
              {busy ? t("common.working") : t("quiz.create")}
            </Button>
          </p>
        </Form>
      </section>

      <h2>{t("quiz.sessionsTitle")}</h2>
      {sessions.length === 0 ? (
        <EmptyState title={t("quiz.empty")} />
      ) : (
        <ul className="card-list">
          {sessions.map((session) => (
            <li key={session.id} className="card">
              <h3>
                <Link to={`/manage/live/${session.id}`}>{session.title}</Link>
              </h3>
              <p className="muted">
                {session.orgNode.name} · {t(`quiz.status.${session.status}`)} ·{" "}
                {t("quiz.counts", { players: session._count.players, questions: session._count.questions })}
                {session.joinCode ? ` · ${t("quiz.codeShort", { code: session.joinCode })}` : ""}
              </p>
              {session._count.players > 0 ? (
                <p>
                  <a
                    href={`/manage/live/${session.id}/results.xlsx`}
                    aria-label={`${t("quiz.export")}: ${session.title}`}
                    download
                  >
                    {t("quiz.export")}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
