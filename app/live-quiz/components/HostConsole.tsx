import { useCallback, useEffect, useState } from "react";
import { Button } from "~/components/Button";
import { useTranslation } from "~/i18n/react";
import { useSocket } from "~/realtime/client/useSocket";
import type { HostAction } from "../rules";
import type { LobbyPlayers, Progress, PublicState, RevealSummary, StandingRow } from "../types";
import { Countdown, QuestionPanel, StandingsTable, useCountdown } from "./QuizParts";

/**
 * The host's screen, made to be projected: the join code and QR code in the lobby, then each
 * question with its countdown and how many answered, the room's answers and top 10 after each
 * one, and the final standings. The host drives it with the buttons below; every move goes
 * through the server, and every screen of the session follows the server's state.
 */
interface HostView {
  state: PublicState;
  progress: Progress;
  reveal: RevealSummary | null;
  top: StandingRow[] | null;
  players: LobbyPlayers;
}

type Ack = { ok: boolean; message?: string } & Partial<HostView>;

export function HostConsole({
  sessionId,
  joinCode,
  joinUrl,
  qrDataUri,
}: {
  sessionId: string;
  joinCode: string | null;
  joinUrl: string;
  qrDataUri: string;
}) {
  const { t } = useTranslation();
  const { socket, state: connection } = useSocket();
  const [view, setView] = useState<HostView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);

  useEffect(() => {
    if (!socket) return;
    const host = () =>
      socket.emit("quiz:host", { sessionId }, (answer: Ack) => {
        if (!answer.ok) return setError(answer.message ?? null);
        setError(null);
        setView(answer as unknown as HostView);
        setReceivedAt(Date.now());
      });
    const onState = (state: PublicState) => {
      if (state.sessionId !== sessionId) return;
      setReceivedAt(Date.now());
      setView((current) =>
        current ? { ...current, state, reveal: state.status === "REVEAL" ? current.reveal : null } : current,
      );
    };
    const onProgress = (progress: Progress & { sessionId: string }) =>
      progress.sessionId === sessionId && setView((current) => (current ? { ...current, progress } : current));
    const onPlayers = (players: LobbyPlayers & { sessionId: string }) =>
      players.sessionId === sessionId && setView((current) => (current ? { ...current, players } : current));
    const onReveal = (reveal: RevealSummary) => setView((current) => (current ? { ...current, reveal } : current));
    const onFinal = ({ top }: { top: StandingRow[] }) =>
      setView((current) => (current ? { ...current, top } : current));
    socket.on("connect", host);
    socket.on("quiz:state", onState);
    socket.on("quiz:progress", onProgress);
    socket.on("quiz:players", onPlayers);
    socket.on("quiz:reveal", onReveal);
    socket.on("quiz:final", onFinal);
    if (socket.connected) host();
    return () => {
      socket.off("connect", host);
      socket.off("quiz:state", onState);
      socket.off("quiz:progress", onProgress);
      socket.off("quiz:players", onPlayers);
      socket.off("quiz:reveal", onReveal);
      socket.off("quiz:final", onFinal);
    };
  }, [socket, sessionId]);

  const act = useCallback(
    (action: HostAction) => {
      if (!socket) return;
      setBusy(true);
      setConfirmEnd(false);
      socket.emit("quiz:control", { sessionId, action }, (answer: Ack) => {
        setBusy(false);
        setError(answer.ok ? null : (answer.message ?? null));
      });
    },
    [socket, sessionId],
  );
  const kick = (playerId: string) =>
    socket?.emit("quiz:kick", { sessionId, playerId }, (answer: Ack) =>
      setError(answer.ok ? null : (answer.message ?? null)),
    );

  const state = view?.state;
  const seconds = useCountdown(state?.remainingMs ?? null, receivedAt, state?.status === "QUESTION");
  const last = state ? state.position + 1 >= state.total : false;

  return (
    <div className="quiz-host">
      <p className={`connection-state connection-${connection}`} aria-live="polite">
        {t(`live.connection.${connection}`)}
      </p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}

      {!state || state.status === "LOBBY" ? (
        <section className="quiz-lobby card" aria-labelledby="quiz-join-title">
          <h2 id="quiz-join-title">{t("quiz.joinHeading")}</h2>
          <div className="share-link-body">
            <img className="share-link-qr quiz-qr" src={qrDataUri} alt={t("quiz.qrAlt")} width={220} height={220} />
            <div>
              <p>{t("quiz.joinAt")}</p>
              <p className="quiz-url">
                <a href={joinUrl}>{joinUrl}</a>
              </p>
              <p>{t("quiz.codeLabel")}</p>
              <p className="quiz-code">{joinCode}</p>
            </div>
          </div>
        </section>
      ) : null}

      {state && view ? (
        <>
          <p className="quiz-status">
            <strong>{t(`quiz.status.${state.status}`)}</strong>
            {" · "}
            <span aria-live="polite">{t("quiz.playersCount", { count: view.progress.players })}</span>
            {state.status === "QUESTION" || state.status === "PAUSED" ? (
              <>
                {" · "}
                <span>
                  {t("quiz.answeredCount", { answered: view.progress.answered, eligible: view.progress.eligible })}
                </span>
              </>
            ) : null}
          </p>
          {state.question && state.status !== "REVEAL" ? (
            <>
              <Countdown seconds={seconds} paused={state.status === "PAUSED"} />
              <QuestionPanel question={state.question} total={state.total} />
            </>
          ) : null}
          {state.status === "REVEAL" && state.question && view.reveal ? (
            <>
              <QuestionPanel
                question={state.question}
                total={state.total}
                counts={view.reveal.distribution}
                correct={view.reveal.correct}
              />
              <p>{t("quiz.revealSummary", { answered: view.reveal.answered, correct: view.reveal.correctCount })}</p>
              <StandingsTable rows={view.reveal.top} caption={t("quiz.topCaption")} />
            </>
          ) : null}
          {state.status === "ENDED" ? (
            <section aria-labelledby="quiz-final-title">
              <h2 id="quiz-final-title">{t("quiz.finalTitle")}</h2>
              <StandingsTable rows={view.top ?? []} caption={t("quiz.finalCaption")} />
              <p>
                <a className="btn btn-secondary" href={`/manage/live/${sessionId}/results.xlsx`} download>
                  {t("quiz.export")}
                </a>
              </p>
            </section>
          ) : null}

          {state.status !== "ENDED" ? (
            <fieldset className="quiz-controls">
              <legend className="visually-hidden">{t("quiz.controls")}</legend>
              {state.status === "LOBBY" ? (
                <Button disabled={busy} onClick={() => act("start")}>
                  {t("quiz.start")}
                </Button>
              ) : null}
              {state.status === "QUESTION" ? (
                <>
                  <Button disabled={busy} onClick={() => act("reveal")}>
                    {t("quiz.reveal")}
                  </Button>
                  <Button variant="secondary" disabled={busy} onClick={() => act("pause")}>
                    {t("quiz.pause")}
                  </Button>
                </>
              ) : null}
              {state.status === "PAUSED" ? (
                <Button disabled={busy} onClick={() => act("resume")}>
                  {t("quiz.resume")}
                </Button>
              ) : null}
              {state.status === "REVEAL" ? (
                <Button disabled={busy} onClick={() => act("next")}>
                  {last ? t("quiz.showFinal") : t("quiz.next")}
                </Button>
              ) : null}
              {state.status !== "LOBBY" ? (
                <Button variant="secondary" disabled={busy} onClick={() => act("skip")}>
                  {t("quiz.skip")}
                </Button>
              ) : null}
              <Button variant="danger" disabled={busy} onClick={() => (confirmEnd ? act("end") : setConfirmEnd(true))}>
                {confirmEnd ? t("quiz.endConfirm") : t("quiz.end")}
              </Button>
            </fieldset>
          ) : null}

          {state.status === "LOBBY" || state.status === "QUESTION" ? (
            <section aria-labelledby="quiz-players-title">
              <h2 id="quiz-players-title">{t("quiz.playersTitle", { count: view.players.count })}</h2>
              {view.players.recent.length === 0 ? (
                <p className="muted">{t("quiz.waitingPlayers")}</p>
              ) : (
                <ul className="quiz-players">
                  {view.players.recent.map((player) => (
                    <li key={player.id}>
                      <span>{player.nickname}</span>{" "}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => kick(player.id)}
                        aria-label={t("quiz.kickAria", { name: player.nickname })}
                      >
                        {t("quiz.kick")}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
