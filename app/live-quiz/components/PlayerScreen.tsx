import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "~/components/Button";
import { useTranslation } from "~/i18n/react";
import { useSocket } from "~/realtime/client/useSocket";
import { JOIN_CODE_LENGTH, NICKNAME_MAX, type PlayerPlace, type PublicState, type RevealSummary } from "../types";
import { Countdown, letter, useCountdown } from "./QuizParts";

/**
 * A player's phone in a live quiz: join with the code and a name, then answer each question as
 * it opens, and see after each one whether it was right, the points and one's rank. The phone
 * keeps a secret per session (localStorage) so that a dropped connection, a reload or a
 * restarted browser comes back to the same player with the same score.
 */
interface Joined {
  playerId: string;
  sessionId: string;
  nickname: string;
  firstPosition: number;
}

interface JoinAck {
  ok: boolean;
  code?: string;
  message?: string;
  player?: Joined & { token: string | null };
  state?: PublicState;
  you?: PlayerPlace | null;
  answeredCurrent?: number[] | null;
}

const tokenKey = (code: string) => `legal-arena:quiz:${code}`;

function storedToken(code: string): string | null {
  try {
    return window.localStorage.getItem(tokenKey(code));
  } catch {
    return null; // private mode or storage disabled: the player just cannot come back
  }
}

function storeToken(code: string, token: string) {
  try {
    window.localStorage.setItem(tokenKey(code), token);
  } catch {
    // see storedToken
  }
}

export function PlayerScreen({ initialCode, suggestedName }: { initialCode: string; suggestedName: string }) {
  const { t } = useTranslation();
  const { socket, state: connection } = useSocket();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState(suggestedName);
  const [joined, setJoined] = useState<Joined | null>(null);
  const [state, setState] = useState<PublicState | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [you, setYou] = useState<PlayerPlace | null>(null);
  const [reveal, setReveal] = useState<RevealSummary | null>(null);
  const [answered, setAnswered] = useState<{ position: number; selected: number[] } | null>(null);
  const [choice, setChoice] = useState<number[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [kicked, setKicked] = useState(false);
  const [busy, setBusy] = useState(false);
  // The code of the session this phone is in, for rejoining on every reconnect.
  const session = useRef<string | null>(null);

  /** `quiet`: an automatic comeback that failed (a stale secret) just leaves the join form. */
  const applyJoin = (joinCode: string, answer: JoinAck, quiet = false) => {
    if (!answer.ok || !answer.player || !answer.state) {
      if (!quiet || answer.code === "KICKED") setMessage(answer.message ?? null);
      if (answer.code === "KICKED") setKicked(true);
      return false;
    }
    if (answer.player.token) storeToken(joinCode, answer.player.token);
    session.current = joinCode;
    setJoined(answer.player);
    setState(answer.state);
    setReceivedAt(Date.now());
    setYou(answer.you ?? null);
    setAnswered(answer.answeredCurrent ? { position: answer.state.position, selected: answer.answeredCurrent } : null);
    setMessage(null);
    return true;
  };

  // applyJoin only sets state: the listeners are bound once per socket.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (!socket) return;
    // Back after a drop or a reload: the stored secret finds the same player.
    const rejoin = () => {
      const joinCode = session.current ?? (initialCode.length === JOIN_CODE_LENGTH ? initialCode : null);
      const token = joinCode ? storedToken(joinCode) : null;
      if (joinCode && token)
        socket.emit("quiz:join", { code: joinCode, token }, (answer: JoinAck) =>
          applyJoin(joinCode, answer, !session.current),
        );
    };
    const onState = (next: PublicState) => {
      setState(next);
      setReceivedAt(Date.now());
      if (next.status === "QUESTION") {
        setReveal(null);
        setChoice([]);
      }
    };
    const onYou = (place: PlayerPlace) => setYou(place);
    const onReveal = (summary: RevealSummary) => setReveal(summary);
    const onKicked = () => {
      setKicked(true);
      setJoined(null);
      session.current = null;
    };
    socket.on("connect", rejoin);
    socket.on("quiz:state", onState);
    socket.on("quiz:you", onYou);
    socket.on("quiz:reveal", onReveal);
    socket.on("quiz:kicked", onKicked);
    if (socket.connected) rejoin();
    return () => {
      socket.off("connect", rejoin);
      socket.off("quiz:state", onState);
      socket.off("quiz:you", onYou);
      socket.off("quiz:reveal", onReveal);
      socket.off("quiz:kicked", onKicked);
    };
  }, [socket, initialCode]);

  const join = (event: FormEvent) => {
    event.preventDefault();
    if (!socket) return;
    const joinCode = code.replace(/\D/g, "");
    setBusy(true);
    const token = storedToken(joinCode);
    socket.emit("quiz:join", { code: joinCode, nickname, ...(token ? { token } : {}) }, (answer: JoinAck) => {
      setBusy(false);
      // A stale secret (an old session with the same code) is dropped, and the name is used.
      if (!answer.ok && answer.code === "NOT_JOINED" && token) {
        socket.emit("quiz:join", { code: joinCode, nickname }, (again: JoinAck) => applyJoin(joinCode, again));
        return;
      }
      applyJoin(joinCode, answer);
    });
  };

  const send = (selected: number[]) => {
    if (!socket || !state?.question) return;
    const position = state.question.position;
    setBusy(true);
    socket.emit("quiz:answer", { position, selected }, (answer: { ok: boolean; message?: string; code?: string }) => {
      setBusy(false);
      if (answer.ok || answer.code === "ALREADY_ANSWERED") setAnswered({ position, selected });
      setMessage(answer.ok ? null : (answer.message ?? null));
    });
  };

  const seconds = useCountdown(state?.remainingMs ?? null, receivedAt, state?.status === "QUESTION");

  if (kicked)
    return (
      <div className="alert alert-error" role="alert">
        {t("errors.quiz.KICKED")}
      </div>
    );

  const status = (
    <p className={`connection-state connection-${connection}`} aria-live="polite">
      {t(`live.connection.${connection}`)}
    </p>
  );

  if (!joined || !state)
    return (
      <form className="card stack quiz-join" onSubmit={join} noValidate>
        {status}
        <div className="field">
          <label htmlFor="quiz-code">{t("quiz.codeLabel")}</label>
          <input
            id="quiz-code"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={JOIN_CODE_LENGTH + 2}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="quiz-nickname">{t("quiz.nickname")}</label>
          <input
            id="quiz-nickname"
            name="nickname"
            autoComplete="nickname"
            maxLength={NICKNAME_MAX}
            value={nickname}
            onChange={(event) => setNickname(event.target.value)}
            required
            aria-describedby="quiz-nickname-hint"
          />
          <p className="field-hint" id="quiz-nickname-hint">
            {t("quiz.nicknameHint")}
          </p>
        </div>
        {message ? (
          <div className="alert alert-error" role="alert">
            {message}
          </div>
        ) : null}
        <p>
          <Button type="submit" disabled={busy || !socket}>
            {t("quiz.join")}
          </Button>
        </p>
      </form>
    );

  const question = state.question;
  const late = question ? question.position < joined.firstPosition : false;
  const myAnswer = answered && question && answered.position === question.position ? answered.selected : null;
  const multiple = question?.type === "MULTIPLE_CHOICE";

  return (
    <div className="quiz-player">
      {status}
      <p className="quiz-status">
        {t("quiz.youAre", { name: joined.nickname })}
        {you ? ` · ${t("quiz.yourScore", { score: you.score })}` : ""}
      </p>
      {message ? (
        <div className="alert alert-error" role="alert">
          {message}
        </div>
      ) : null}

      {state.status === "LOBBY" ? <p className="quiz-wait">{t("quiz.waitStart")}</p> : null}
      {state.status === "PAUSED" ? <p className="quiz-wait">{t("quiz.paused")}</p> : null}

      {question && (state.status === "QUESTION" || state.status === "PAUSED") ? (
        <section aria-labelledby="quiz-q-title">
          <h2 id="quiz-q-title" className="muted">
            {t("attempt.questionOf", { number: question.position + 1, total: state.total })}
          </h2>
          <Countdown seconds={seconds} paused={state.status === "PAUSED"} />
          {/* The stem is sanitised HTML stored by the server (see sanitize.server.ts). */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save. */}
          <div className="quiz-stem" dangerouslySetInnerHTML={{ __html: question.stem }} />
          {late ? (
            <p className="alert alert-info">{t("errors.quiz.LATE_JOINER")}</p>
          ) : myAnswer ? (
            <p className="quiz-wait" role="status">
              {t("quiz.answerSaved", { choice: myAnswer.map(letter).join(", ") })}
            </p>
          ) : (
            <fieldset className="quiz-answer-buttons">
              <legend className="visually-hidden">{t("quiz.chooseAnswer")}</legend>
              {question.options.map((text, index) => {
                const picked = choice.includes(index);
                return (
                  <button
                    key={letter(index)}
                    type="button"
                    className={`quiz-answer${picked ? " answer-selected" : ""}`}
                    aria-pressed={multiple ? picked : undefined}
                    disabled={busy || state.status !== "QUESTION"}
                    onClick={() =>
                      multiple
                        ? setChoice(picked ? choice.filter((value) => value !== index) : [...choice, index])
                        : send([index])
                    }
                  >
                    <span className="preview-letter">{letter(index)}</span> {text}
                  </button>
                );
              })}
              {multiple ? (
                <Button disabled={busy || choice.length === 0} onClick={() => send(choice)}>
                  {t("quiz.sendAnswer")}
                </Button>
              ) : null}
            </fieldset>
          )}
        </section>
      ) : null}

      {state.status === "REVEAL" || state.status === "ENDED" ? (
        <section className="quiz-result card" aria-live="polite">
          {state.status === "ENDED" ? <h2>{t("quiz.finalTitle")}</h2> : null}
          {you && state.status === "REVEAL" ? (
            <p className={you.correct ? "quiz-right" : "quiz-wrong"}>
              {you.answered
                ? you.correct
                  ? t("quiz.youRight", { points: you.points })
                  : t("quiz.youWrong")
                : t("quiz.youMissed")}
            </p>
          ) : null}
          {reveal && state.status === "REVEAL" && question ? (
            <p>{t("quiz.correctWas", { choice: reveal.correct.map(letter).join(", ") })}</p>
          ) : null}
          {you ? (
            <p className="quiz-rank">
              {t("quiz.yourRank", { rank: you.rank, players: you.players, score: you.score })}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
