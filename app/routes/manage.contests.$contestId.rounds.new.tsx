import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RoundForm } from "~/contests/components/RoundForm";
import { requireManagedContest } from "~/contests/guards.server";
import { roundDrawOptions, submitRoundForm } from "~/contests/round-setup.server";
import { newRoundFormValues } from "~/contests/setup-forms";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Thêm đợt thi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireManagedContest(request, params.contestId ?? "");
  const { db } = runtime();
  const [options, rounds] = await Promise.all([
    roundDrawOptions(db, user),
    db.round.count({ where: { contestId: contest.id } }),
  ]);
  return json({
    contest: { id: contest.id, title: contest.title },
    values: newRoundFormValues(rounds + 1, options.banks[0]?.id ?? ""),
    ...options,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireManagedContest(request, params.contestId ?? "");
  return submitRoundForm(request, user, { contestId: contest.id, formData: await request.formData() });
}

export default function NewRoundPage() {
  const { t } = useTranslation();
  const { contest, values, banks, fixedChoices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/manage/contests/${contest.id}`}>← {contest.title}</Link>
      </p>
      <h1>{t("contestSetup.newRoundTitle")}</h1>
      <RoundForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        formError={
          failure?.formError ? { key: failure.formError, params: failure.formErrorParams ?? undefined } : undefined
        }
        banks={banks}
        fixedChoices={fixedChoices}
        submitLabel={t("contestSetup.addRound")}
        busy={busy}
      />
    </>
  );
}
