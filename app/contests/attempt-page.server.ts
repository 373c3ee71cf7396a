import type { Db } from "~/db/client.server";
import { attemptView } from "./attempts.server";
import { recordAttemptSession } from "./integrity.server";

/** What the attempt page shows: the running attempt's questions, time left and the round's name. */
export type AttemptPageData = NonNullable<Awaited<ReturnType<typeof attemptView>>> & {
  predictionEnabled: boolean;
  roundName: string;
};

/**
 * The attempt page's data for its owner, read the same way whether the page loads it or the
 * contest page gets it with a socket start: "closed" sends the browser to the result.
 */
export async function attemptPageData(
  db: Db,
  input: { attemptId: string; userId: string; sessionId: string },
): Promise<{ kind: "notFound" } | { kind: "closed"; attemptId: string } | { kind: "running"; page: AttemptPageData }> {
  const view = await attemptView(db, { attemptId: input.attemptId, userId: input.userId });
  if (!view) return { kind: "notFound" };
  if (view.status !== "IN_PROGRESS") return { kind: "closed", attemptId: view.id };
  await recordAttemptSession(db, view.id, input.sessionId);
  const round = await db.round.findUniqueOrThrow({
    where: { id: view.roundId },
    select: { predictionEnabled: true, name: true },
  });
  return { kind: "running", page: { ...view, predictionEnabled: round.predictionEnabled, roundName: round.name } };
}
