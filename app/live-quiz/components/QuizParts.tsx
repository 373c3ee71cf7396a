import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import type { PublicQuestion, StandingRow } from "../types";

/** Option letters as on the projector: A, B, C, … */
export const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Seconds left on the open question, counted down on this device from the server's remaining
 * time when it was received (the device's own clock never decides anything: the server closes).
 */
export function useCountdown(remainingMs: number | null, receivedAt: number, running: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  if (remainingMs === null) return null;
  const left = running ? remainingMs - (now - receivedAt) : remainingMs;
  return Math.max(0, Math.ceil(left / 1000));
}

export function Countdown({ seconds, paused }: { seconds: number | null; paused?: boolean }) {
  const { t } = useTranslation();
  if (seconds === null) return null;
  return (
    <p className={`quiz-countdown${seconds <= 5 ? " time-low" : ""}`} aria-live="off">
      {paused ? t("quiz.paused") : t("quiz.secondsLeft", { count: seconds })}
    </p>
  );
}

/** The question with lettered options; after the reveal, how many chose each and which were right. */
export function QuestionPanel({
  question,
  total,
  counts,
  correct,
}: {
  question: PublicQuestion;
  total: number;
  counts?: number[];
  correct?: number[];
}) {
  const { t } = useTranslation();
  const most = Math.max(1, ...(counts ?? []));
  return (
    <div className="quiz-question">
      <p className="muted">{t("attempt.questionOf", { number: question.position + 1, total })}</p>
      {/* The stem is sanitised HTML stored by the server (see sanitize.server.ts). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save. */}
      <div className="quiz-stem" dangerouslySetInnerHTML={{ __html: question.stem }} />
      <ol className="quiz-options">
        {question.options.map((text, index) => {
          const right = correct?.includes(index);
          return (
            <li key={letter(index)} className={`quiz-option${right ? " answer-correct" : ""}`}>
              <span className="preview-letter">{letter(index)}</span>
              <span className="quiz-option-text">
                {text}
                {right ? <strong> — {t("quiz.rightAnswer")}</strong> : null}
              </span>
              {counts ? (
                <span className="quiz-count">
                  <span className="quiz-bar" style={{ width: `${(counts[index] / most) * 100}%` }} aria-hidden="true" />
                  <span>{t("quiz.chosenBy", { count: counts[index] ?? 0 })}</span>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function StandingsTable({
  rows,
  caption,
  highlight,
}: {
  rows: StandingRow[];
  caption: string;
  highlight?: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t("quiz.nobodyYet")}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quiz.rank")}</th>
            <th scope="col">{t("quiz.nickname")}</th>
            <th scope="col">{t("quiz.points")}</th>
            <th scope="col">{t("quiz.correctAnswers")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.playerId} className={row.playerId === highlight ? "quiz-me" : undefined}>
              <td data-label={t("quiz.rank")}>{row.rank}</td>
              <td data-label={t("quiz.nickname")}>{row.nickname}</td>
              <td data-label={t("quiz.points")}>{row.score}</td>
              <td data-label={t("quiz.correctAnswers")}>{row.correctCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
