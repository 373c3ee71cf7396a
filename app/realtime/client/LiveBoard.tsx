import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { duration } from "~/utils/duration";
import { useSocket } from "./useSocket";

/**
 * A round's leaderboard: first as the server rendered it, then live over the socket (the
 * watcher's own place included when logged in). Works without JavaScript as a static table.
 */
export interface LiveBoardRow {
  rank: number;
  name: string;
  score: number;
  maxScore: number;
  timeUsedMs: number | null;
}
export interface LiveBoardData {
  total: number;
  top: LiveBoardRow[];
  me?: LiveBoardRow | null;
}

/** A round's board (roundId), or a whole contest's (contestId), optionally one unit's (nodeId). */
export function LiveBoard({
  roundId,
  roundName,
  contestId,
  nodeId,
  caption,
  initial,
}: {
  roundId?: string;
  roundName?: string;
  contestId?: string;
  nodeId?: string;
  /** The table's caption; a round's board says so by default. */
  caption?: string;
  initial: LiveBoardData;
}) {
  const { t } = useTranslation();
  const { socket, state } = useSocket();
  const [board, setBoard] = useState<LiveBoardData>(initial);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    const ref = roundId ? { roundId } : { contestId, ...(nodeId ? { nodeId } : {}) };
    const watch = () =>
      socket.emit("board:watch", ref, (answer: { ok: boolean; board?: LiveBoardData; message?: string }) => {
        if (answer.ok && answer.board) setBoard(answer.board);
        else setRefused(answer.message ?? null);
      });
    const onUpdate = (update: { roundId?: string; contestId?: string; nodeId?: string; board: LiveBoardData }) => {
      const same = roundId
        ? update.roundId === roundId
        : update.contestId === contestId && (update.nodeId ?? "") === (nodeId ?? "");
      if (same) setBoard(update.board);
    };
    socket.on("connect", watch);
    socket.on("board:update", onUpdate);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("board:update", onUpdate);
      if (socket.connected) socket.emit("board:unwatch", ref, () => undefined);
    };
  }, [socket, roundId, contestId, nodeId]);

  const live = socket !== null && !refused;
  return (
    <div className="live-board">
      {live ? (
        <p className={`connection-state connection-${state}`} aria-live="polite">
          {t(`live.connection.${state}`)}
        </p>
      ) : null}
      {board.me ? <p>{t("live.myRank", { rank: board.me.rank, total: board.total })}</p> : null}
      {board.top.length === 0 ? (
        <p className="muted">{t("contest.boardEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{caption ?? t("contest.boardCaption", { round: roundName, count: board.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("manageContests.rank")}</th>
                <th scope="col">{t("fields.fullName")}</th>
                <th scope="col">{t("attempt.score")}</th>
                <th scope="col">{t("manageContests.time")}</th>
              </tr>
            </thead>
            <tbody>
              {board.top.map((row) => (
                <tr key={`${row.rank}-${row.name}-${row.timeUsedMs}`}>
                  <td data-label={t("manageContests.rank")}>{row.rank}</td>
                  <td data-label={t("fields.fullName")}>{row.name}</td>
                  <td data-label={t("attempt.score")}>
                    {row.score}/{row.maxScore}
                  </td>
                  <td data-label={t("manageContests.time")}>
                    {row.timeUsedMs === null ? "—" : duration(row.timeUsedMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
