import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { getCurrentUser, requireUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/session.server";
import { Button, ButtonLink } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { ShareLink } from "~/components/ShareLink";
import { type HandedOverPage, handOver } from "~/contests/attempt-handover";
import { startAttempt } from "~/contests/attempts.server";
import { deviceIdFor } from "~/contests/integrity.server";
import { publicContest } from "~/contests/public.server";
import { roundRanking } from "~/contests/results.server";
import { useTranslation } from "~/i18n/react";
import { LiveBoard, type LiveBoardData } from "~/realtime/client/LiveBoard";
import { overSocket } from "~/realtime/client/request";
import { useSocket } from "~/realtime/client/useSocket";
import { runtime } from "~/runtime.server";
import { qrSvgDataUri } from "~/utils/qr.server";
import { absoluteUrl } from "~/utils/url.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.contest.title} — Legal Arena` : "Cuộc thi — Legal Arena" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const contest = await publicContest(runtime().db, params.slug ?? "", user?.id ?? null);
  if (!contest) throw new Response("Not Found", { status: 404 });
  const shareUrl = absoluteUrl(request, `/contests/${contest.slug}`);
  // The leaders of each round whose board the organizer made public (names and scores only).
  const boards = Object.fromEntries(
    await Promise.all(
      contest.rounds
        .filter((round) => round.boardVisible)
        .map(async (round) => {
          const { participants, ranking } = await roundRanking(runtime().db, round.id, {
            offset: 0,
            limit: PUBLIC_BOARD_SIZE,
          });
          const board: LiveBoardData = {
            total: participants,
            top: ranking.map((entry) => ({
              rank: entry.rank,
              name: entry.fullName,
              score: entry.score,
              maxScore: entry.maxScore,
              timeUsedMs: entry.timeUsedMs,
            })),
          };
          return [round.id, board] as const;
        }),
    ),
  );
  // A contestant starting over the socket sends no response to set it on: give the device id now.
  const device = user ? await deviceIdFor(request) : null;
  return json(
    { contest, boards, loggedIn: Boolean(user), shareUrl, qrDataUri: await qrSvgDataUri(shareUrl) },
    device?.setCookie ? { headers: { "Set-Cookie": device.setCookie } } : undefined,
  );
}

const PUBLIC_BOARD_SIZE = 10;

const startSchema = z.object({ intent: z.literal("start"), roundId: z.string().min(1).max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = startSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: "errors.invalidValue" }, { status: 400 });
  const { db } = runtime();
  const contest = await publicContest(db, params.slug ?? "", user.id);
  if (!contest || !contest.rounds.some((round) => round.id === parsed.data.roundId))
    throw new Response("Not Found", { status: 404 });
  if (!contest.registered) return redirect(`/contests/${contest.slug}/register`);
  const device = await deviceIdFor(request);
  const started = await startAttempt(db, {
    userId: user.id,
    roundId: parsed.data.roundId,
    origin: { sessionId: user.sessionId, ip: clientIp(request), deviceId: device.deviceId },
  });
  const headers = device.setCookie ? { "Set-Cookie": device.setCookie } : undefined;
  if (!started.ok) return json({ error: started.message }, { status: 409, headers });
  return redirect(`/attempts/${started.attemptId}`, { headers });
}

/**
 * With a connected socket a start is one socket message whose answer carries the attempt page's
 * data, handed over to that page (a round opens with thousands of starts within a second: issue
 * 8). Without one, or when the server is swamped, the form posts as it does without JavaScript.
 */
function useSocketStart(enabled: boolean) {
  const { socket } = useSocket(enabled);
  const navigate = useNavigate();
  const submit = useSubmit();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    setError(undefined);
    if (!socket?.connected) return;
    event.preventDefault();
    // The button is disabled from the first click's render on: no double start.
    if (busy) return;
    setBusy(true);
    const form = event.currentTarget;
    const answer = await overSocket<{ ok: true; attemptId: string; page: HandedOverPage }>(socket, "attempt:start", {
      roundId: new FormData(form).get("roundId"),
    });
    if (answer?.ok) {
      handOver(answer.attemptId, answer.page);
      return navigate(`/attempts/${answer.attemptId}`);
    }
    setBusy(false);
    if (answer) setError(answer.message);
    else submit(form);
  };
  return { busy, error, onSubmit };
}

export default function ContestPage() {
  const { t, i18n } = useTranslation();
  const { contest, boards, loggedIn, shareUrl, qrDataUri } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const start = useSocketStart(
    loggedIn && contest.registered && contest.rounds.some((round) => round.phase === "open"),
  );
  const busy = useNavigation().state !== "idle" || start.busy;
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  return (
    <article className="contest-page">
      <header className="hero">
        {/* Decorative: the title below says what the banner shows. */}
        {contest.bannerUrl ? <img className="contest-banner" src={contest.bannerUrl} alt="" /> : null}
        <p className="muted">{contest.organizer}</p>
        <h1>{contest.title}</h1>
        {contest.description ? <p className="lead">{contest.description}</p> : null}
        {!loggedIn ? (
          <div className="hero-actions">
            <ButtonLink to={`/login?redirectTo=${encodeURIComponent(`/contests/${contest.slug}`)}`}>
              {t("contest.loginToTake")}
            </ButtonLink>
            <ButtonLink to="/register" variant="secondary">
              {t("nav.register")}
            </ButtonLink>
          </div>
        ) : !contest.registered ? (
          <div className="hero-actions">
            <ButtonLink to={`/contests/${contest.slug}/register`}>{t("contest.register")}</ButtonLink>
          </div>
        ) : (
          <p className="alert alert-success">{t("contest.registered")}</p>
        )}
      </header>
      {/* A refusal over the socket is already in the user's language: t() shows it as it is. */}
      <FormAlert error={start.error ?? actionData?.error} />
      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t("contest.rounds")}</h2>
        <ul className="card-list">
          {contest.rounds.map((round) => {
            const running = round.myAttempts.find((attempt) => attempt.status === "IN_PROGRESS");
            const used = round.myAttempts.length;
            return (
              <li key={round.id} className="card">
                <h3>{round.name}</h3>
                <p>
                  <span className={`status-badge round-${round.phase}`}>{t(`contest.phase.${round.phase}`)}</span>{" "}
                  {t("contest.window", {
                    opens: when.format(new Date(round.opensAt)),
                    closes: when.format(new Date(round.closesAt)),
                  })}
                </p>
                <p className="muted">
                  {t("contest.roundFacts", { minutes: round.timeLimitMinutes, attempts: round.attemptsAllowed })}
                </p>
                {round.myAttempts
                  .filter((attempt) => attempt.status !== "IN_PROGRESS")
                  .map((attempt) => (
                    <p key={attempt.id}>
                      <Link to={`/attempts/${attempt.id}/result`}>
                        {t("contest.attemptDone", { number: attempt.number })}
                      </Link>
                    </p>
                  ))}
                {loggedIn && contest.registered && round.phase === "open" ? (
                  running ? (
                    <ButtonLink to={`/attempts/${running.id}`}>{t("contest.resume")}</ButtonLink>
                  ) : used < round.attemptsAllowed ? (
                    <Form method="post" onSubmit={start.onSubmit}>
                      <input type="hidden" name="intent" value="start" />
                      <input type="hidden" name="roundId" value={round.id} />
                      <Button type="submit" disabled={busy}>
                        {used === 0 ? t("contest.start") : t("contest.startAgain")}
                      </Button>
                    </Form>
                  ) : (
                    <p className="muted">{t("contest.noAttemptsLeft")}</p>
                  )
                ) : null}
                {boards[round.id] ? (
                  <LiveBoard roundId={round.id} roundName={round.name} initial={boards[round.id]} />
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      {contest.rules ? (
        <section className="card" aria-labelledby="rules-title">
          <h2 id="rules-title">{t("contest.rules")}</h2>
          <p className="prewrap">{contest.rules}</p>
        </section>
      ) : null}
      <ShareLink
        title={t("contest.shareTitle")}
        url={shareUrl}
        qrDataUri={qrDataUri}
        qrAlt={t("contest.qrAlt", { title: contest.title })}
        qrDownloadHref={`/contests/${contest.slug}/qr.png`}
      />
    </article>
  );
}
