import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { redirectWithToast } from "~/auth/session.server";
import { Button, ButtonLink } from "~/components/Button";
import { ConfirmButton, EmptyState } from "~/components/Feedback";
import { FormAlert } from "~/components/Field";
import { readContestFormData } from "~/contests/banner.server";
import { ContestForm } from "~/contests/components/ContestForm";
import { archiveContest, publishContest, updateContest } from "~/contests/contests.server";
import { requireManagedContest } from "~/contests/guards.server";
import { roundPhase } from "~/contests/public.server";
import { contestFormValues, readContestForm, setupFailure } from "~/contests/setup-forms";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { VIETNAM_TIME_ZONE } from "~/utils/vietnam-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.contest.title} — Thiết lập — Legal Arena` : "Thiết lập cuộc thi — Legal Arena" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireManagedContest(request, params.contestId ?? "");
  const { db } = runtime();
  const [nodes, rounds, registrations] = await Promise.all([
    listManagedTree(db, user),
    db.round.findMany({
      where: { contestId: contest.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true, opensAt: true, closesAt: true, _count: { select: { attempts: true } } },
    }),
    db.registration.count({ where: { contestId: contest.id } }),
  ]);
  const now = new Date();
  return json({
    contest: {
      id: contest.id,
      title: contest.title,
      slug: contest.slug,
      status: contest.status,
      nodeName: contest.orgNode.name,
      registrations,
    },
    values: contestFormValues(contest),
    nodes: nodes.map(({ id, name, code, depth }) => ({ id, name, code, depth })),
    rounds: rounds.map((round) => ({
      id: round.id,
      name: round.name,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      phase: roundPhase(round, now),
      attempts: round._count.attempts,
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireManagedContest(request, params.contestId ?? "");
  const { formData, bannerError } = await readContestFormData(request);
  const intent = formData.get("intent");
  const { db } = runtime();
  const done = (message: string) => redirectWithToast(request, `/manage/contests/${contest.id}`, message);
  if (intent === "publish" || intent === "archive") {
    const result =
      intent === "publish"
        ? await publishContest(db, request, user, contest.id)
        : await archiveContest(db, request, user, contest.id);
    if (!result.ok)
      return json({ ...setupFailure(formData, {}, result.message, result.params), intent }, { status: 409 });
    return done(intent === "publish" ? "contestSetup.published" : "contestSetup.archived");
  }
  const read = readContestForm(formData, bannerError ? { banner: bannerError } : {});
  if (!read.ok) return json({ ...read, intent: "save" }, { status: 400 });
  const result = await updateContest(db, request, user, contest.id, read.input);
  if (!result.ok)
    return json(
      {
        ...setupFailure(
          formData,
          result.field ? { [result.field]: result.message } : {},
          result.field ? undefined : result.message,
        ),
        intent: "save",
      },
      { status: result.code === "FORBIDDEN" ? 403 : 400 },
    );
  return done("contestSetup.saved");
}

export default function ContestSetupPage() {
  const { t, i18n } = useTranslation();
  const { contest, values, nodes, rounds } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const saveFailure = failure?.intent === "save" ? failure : null;
  const statusFailure = failure && failure.intent !== "save" ? failure : null;
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: VIETNAM_TIME_ZONE,
  });
  const archived = contest.status === "ARCHIVED";
  return (
    <>
      <p>
        <Link to="/manage/contests">← {t("manageContests.title")}</Link>
      </p>
      <h1>{contest.title}</h1>
      <p className="muted">
        {contest.nodeName} ·{" "}
        <span className={`status-badge contest-${contest.status}`}>{t(`manageContests.status.${contest.status}`)}</span>{" "}
        · {t("contestSetup.registrations", { count: contest.registrations })}
      </p>
      <p className="export-links">
        {contest.status === "PUBLISHED" ? (
          <Link to={`/contests/${contest.slug}`}>{t("manageContests.publicPage")}</Link>
        ) : null}
        <Link to={`/manage/contests/${contest.id}/results`}>{t("contestSetup.resultsLink")}</Link>
      </p>

      <section className="card" aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t("contest.rounds")}</h2>
        {rounds.length === 0 ? (
          <EmptyState title={t("contestSetup.noRounds")} />
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t("contest.rounds")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("contestSetup.round.name")}</th>
                  <th scope="col">{t("contestSetup.round.opensAt")}</th>
                  <th scope="col">{t("contestSetup.round.closesAt")}</th>
                  <th scope="col">{t("contestSetup.round.status")}</th>
                  <th scope="col">{t("contestSetup.round.attempts")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <td data-label={t("contestSetup.round.name")}>
                      <Link to={`/manage/contests/${contest.id}/rounds/${round.id}`}>{round.name}</Link>
                    </td>
                    <td data-label={t("contestSetup.round.opensAt")}>{when.format(new Date(round.opensAt))}</td>
                    <td data-label={t("contestSetup.round.closesAt")}>{when.format(new Date(round.closesAt))}</td>
                    <td data-label={t("contestSetup.round.status")}>
                      <span className={`status-badge round-${round.phase}`}>{t(`contest.phase.${round.phase}`)}</span>
                    </td>
                    <td data-label={t("contestSetup.round.attempts")}>{round.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {archived ? null : (
          <ButtonLink to={`/manage/contests/${contest.id}/rounds/new`} variant="secondary">
            {t("contestSetup.addRound")}
          </ButtonLink>
        )}
      </section>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t("contestSetup.statusTitle")}</h2>
        <FormAlert
          error={
            statusFailure?.formError
              ? { key: statusFailure.formError, params: statusFailure.formErrorParams }
              : undefined
          }
        />
        <p>{t(`contestSetup.statusExplained.${contest.status}`)}</p>
        <Form method="post" className="hero-actions">
          {contest.status !== "PUBLISHED" ? (
            <Button type="submit" name="intent" value="publish" disabled={busy}>
              {archived ? t("contestSetup.republish") : t("contestSetup.publish")}
            </Button>
          ) : null}
          {archived ? null : (
            <ConfirmButton
              name="intent"
              value="archive"
              variant="danger"
              title={t("contestSetup.archiveConfirmTitle")}
              body={t("contestSetup.archiveConfirmBody")}
              confirmLabel={t("contestSetup.archive")}
            >
              {t("contestSetup.archive")}
            </ConfirmButton>
          )}
        </Form>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("contestSetup.settingsTitle")}</h2>
        {archived ? (
          <p className="muted">{t("contestSetup.archivedReadOnly")}</p>
        ) : (
          <ContestForm
            key={saveFailure ? JSON.stringify(saveFailure.values) : JSON.stringify(values)}
            values={saveFailure?.values ?? values}
            errors={saveFailure?.fieldErrors ?? {}}
            formError={saveFailure?.formError}
            nodes={nodes}
            registrations={contest.registrations}
            submitLabel={t("common.save")}
            busy={busy}
          />
        )}
      </section>
    </>
  );
}
