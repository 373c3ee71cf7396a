import type { Db } from "~/db/client.server";
import { rebuildBoards } from "~/live/board.server";
import type { SharedStore } from "~/store/store.server";
import { type CommandResult, EXIT } from "./output";

/**
 * `leaderboards:rebuild [--round <id>]`: rebuilds live round boards (and, without --round, the
 * whole-contest and per-node boards) in the shared store
 * (REDIS_URL; without it the in-process store of this command, which only checks that the
 * boards can be built) from PostgreSQL. Safe while the server runs: readers keep the old board
 * until the new one is complete.
 */
export async function rebuildLeaderboards(
  db: Db,
  store: SharedStore,
  options: { round?: string },
): Promise<CommandResult> {
  if (options.round && !(await db.round.findUnique({ where: { id: options.round }, select: { id: true } }))) {
    const message = `Không có đợt thi ${options.round}.`;
    return {
      exitCode: EXIT.INVALID,
      json: { ok: false, error: { code: "ROUND_NOT_FOUND", message } },
      lines: [message],
    };
  }
  const { rounds, contests } = await rebuildBoards(db, store, { roundId: options.round });
  const lines = rounds.map(
    (round) =>
      `${round.contestTitle} — ${round.roundName} (${round.roundId}): ${round.entries} thí sinh${round.final ? ", đã chốt sau khi đợt thi đóng" : ""}`,
  );
  lines.push(
    `Đã dựng lại ${rounds.length} bảng xếp hạng đợt thi và ${contests} bảng toàn cuộc thi (kèm bảng từng đơn vị) (${store.kind === "redis" ? "Redis" : "bộ nhớ trong tiến trình"}).`,
  );
  return {
    exitCode: EXIT.OK,
    json: {
      ok: true,
      store: store.kind,
      contests,
      rounds: rounds.map(({ roundId, roundName, contestTitle, entries, final }) => ({
        roundId,
        roundName,
        contestTitle,
        entries,
        final,
      })),
    },
    lines,
  };
}
