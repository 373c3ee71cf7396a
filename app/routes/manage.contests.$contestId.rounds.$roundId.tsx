import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { forbidden } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { ConfirmButton } from "~/components/Feedback";
import { FormAlert } from "~/components/Field";
import { RoundForm } from "~/contests/components/RoundForm";
import { RoundSummary } from "~/contests/components/RoundSummary";
import { deleteRound } from "~/contests/contests.server";
import { requireManagedContest } from "~/contests/guards.server";
import { roundDrawOptions, submitRoundForm } from "~/contests/round-setup.server";
import { roundFormValues, setupFailure } from "~/contests/setup-forms";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.name} — ${data.contest.title} — Legal Arena` : "Đợt thi — Legal Arena" },
];

async function requireRound(request: Request, params: { contestId?: string; roundId?: string }) {
  const { user, contest } = await requireManagedContest(request, params.contestId ?? "");
  const round = await runtime().db.round.findFirst({
    where: { id: params.roundId ?? "", contestId: contest.id },
    include: { _count: { select: { attempts: true } } },
  });
  if (!round) throw forbidden();
  return { user, contest, round };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest, round } = await requireRound(request, params);
  const options = await roundDrawOptions(runtime().db, user);
  return json({
    contest: { id: contest.id, title: contest.title, archived: contest.status === "ARCHIVED" },
    round: { id: round.id, name: round.name, attempts: round._count.attempts },
    values: roundFormValues(round),
    ...options,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest, round } = await requireRound(request, params);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete")
    return submitRoundForm(request, user, { contestId: contest.id, roundId: round.id, formData });
  const result = await deleteRound(runtime().db, request, user, { contestId: contest.id, roundId: round.id });
  if (!result.ok) return json({ ...setupFailure(formData, {}, result.message), deleteFailed: true }, { status: 409 });
  return await redirectWithToast(request, `/manage/contests/${contest.id}`, "contestSetup.roundDeleted");
}

export default function RoundPage() {
  const { t } = useTranslation();
  const { contest, round, values, banks, fixedChoices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const deleteFailure = failure && "deleteFailed" in failure ? failure : null;
  const saveFailure = failure && !deleteFailure ? failure : null;
  const locked = round.attempts > 0 || contest.archived;
  return (
    <>
      <p>
        <Link to={`/manage/contests/${contest.id}`}>← {contest.title}</Link>
      </p>
      <h1>{round.name}</h1>
      {locked ? (
        <>
          <p className="alert alert-info">
            {contest.archived
              ? t("errors.contest.archived")
              : t("contestSetup.roundLockedReason", { count: round.attempts })}
          </p>
          <RoundSummary values={values} banks={banks} />
        </>
      ) : (
        <>
          <RoundForm
            key={saveFailure ? JSON.stringify(saveFailure.values) : JSON.stringify(values)}
            values={saveFailure?.values ?? values}
            errors={saveFailure?.fieldErrors ?? {}}
            formError={
              saveFailure?.formError
                ? { key: saveFailure.formError, params: saveFailure.formErrorParams ?? undefined }
                : undefined
            }
            banks={banks}
            fixedChoices={fixedChoices}
            submitLabel={t("common.save")}
            busy={busy}
          />
          <section className="card" aria-labelledby="delete-round-title">
            <h2 id="delete-round-title">{t("contestSetup.deleteRoundTitle")}</h2>
            <FormAlert error={deleteFailure?.formError} />
            <Form method="post">
              <ConfirmButton
                name="intent"
                value="delete"
                title={t("contestSetup.deleteRoundConfirm", { name: round.name })}
                body={t("contestSetup.deleteRoundBody")}
                confirmLabel={t("contestSetup.deleteRound")}
              >
                {t("contestSetup.deleteRound")}
              </ConfirmButton>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
