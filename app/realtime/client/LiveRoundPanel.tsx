import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { LiveBoard, type LiveBoardData } from "./LiveBoard";
import { useSocket } from "./useSocket";

/**
 * The organizer's live view of a running round: people in an attempt now, attempts started
 * and finished in the last minutes, and the live board, all updating without a reload.
 */
interface RoundActivity {
  running: number;
  minutes: string[];
  started: number[];
  finished: number[];
}

const SHOWN_MINUTES = 10;

export function LiveRoundPanel({
  roundId,
  roundName,
  initialBoard,
}: {
  roundId: string;
  roundName: string;
  initialBoard: LiveBoardData;
}) {
  const { t, i18n } = useTranslation();
  const { socket } = useSocket();
  const [activity, setActivity] = useState<RoundActivity | null>(null);
  useEffect(() => {
    if (!socket) return;
    const watch = () =>
      socket.emit("round:activity", { roundId }, (answer: { ok: boolean; activity?: RoundActivity }) => {
        if (answer.ok && answer.activity) setActivity(answer.activity);
      });
    const onUpdate = (update: { roundId: string; activity: RoundActivity }) => {
      if (update.roundId === roundId) setActivity(update.activity);
    };
    socket.on("connect", watch);
    socket.on("round:activity", onUpdate);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("round:activity", onUpdate);
    };
  }, [socket, roundId]);
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  const recent = activity
    ? activity.minutes
        .map((minute, index) => ({ minute, started: activity.started[index], finished: activity.finished[index] }))
        .slice(-SHOWN_MINUTES)
        .reverse()
    : [];
  return (
    <section className="result-section live-round" aria-labelledby="live-round-title">
      <h3 id="live-round-title">{t("live.roundTitle")}</h3>
      {activity ? (
        <>
          <p className="live-running">{t("live.running", { count: activity.running })}</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t("live.perMinuteCaption", { minutes: SHOWN_MINUTES })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("live.minute")}</th>
                  <th scope="col">{t("live.started")}</th>
                  <th scope="col">{t("live.finished")}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={row.minute}>
                    <td data-label={t("live.minute")}>{time.format(new Date(row.minute))}</td>
                    <td data-label={t("live.started")}>{row.started}</td>
                    <td data-label={t("live.finished")}>{row.finished}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">{t("live.connection.connecting")}</p>
      )}
      <LiveBoard roundId={roundId} roundName={roundName} initial={initialBoard} />
    </section>
  );
}
