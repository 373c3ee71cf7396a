/**
 * Players of a live quiz: joining with the code (a nickname is enough; a logged-in account is
 * linked), coming back after a drop with the phone's secret token, and answering. Scores live
 * in PostgreSQL, so a player who drops and returns, on any app process, keeps theirs.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { isUniqueViolation } from "~/org/tree.server";
import { answerPoints, MAX_PLAYERS, nicknameKey, nicknameSchema, type QuizError, type QuizResult } from "./rules";
import { sessionQuestions } from "./sessions.server";

const fail = (code: QuizError) => ({ ok: false as const, code });
const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export interface JoinedPlayer {
  playerId: string;
  sessionId: string;
  nickname: string;
  /** Only when a new secret was issued: the phone keeps it to come back. */
  token: string | null;
  firstPosition: number;
  score: number;
}

/**
 * Joins a session by its code, or returns to the same player: by the phone's token, else by the
 * logged-in account. A new player enters at the next question (firstPosition), so someone
 * joining while a question is open cannot answer it with less time than everyone else had.
 */
export async function joinSession(
  db: Db,
  input: { code: string; nickname?: string; token?: string; userId?: string | null },
  limits: { maxPlayers: number } = { maxPlayers: MAX_PLAYERS },
): Promise<QuizResult<{ player: JoinedPlayer }>> {
  const session = await db.liveSession.findUnique({
    where: { joinCode: input.code },
    select: { id: true, status: true, currentPosition: true },
  });
  if (!session || session.status === "ENDED") return fail("SESSION_NOT_FOUND");

  const returning = input.token
    ? await db.livePlayer.findFirst({ where: { sessionId: session.id, tokenHash: hashToken(input.token) } })
    : input.userId
      ? await db.livePlayer.findFirst({ where: { sessionId: session.id, userId: input.userId } })
      : null;
  if (returning) {
    if (returning.kickedAt) return fail("KICKED");
    // A returning account on a new phone gets a fresh secret (the old one is only a hash here).
    const token = input.token ? null : randomBytes(24).toString("base64url");
    if (token) await db.livePlayer.update({ where: { id: returning.id }, data: { tokenHash: hashToken(token) } });
    return { ok: true, player: joined(returning, token) };
  }

  // An unknown secret (another session's, a wiped phone's) without a name: ask for a name.
  if (input.token && !input.nickname) return fail("NOT_JOINED");
  const nickname = nicknameSchema.safeParse(input.nickname ?? "");
  if (!nickname.success) return fail("NICKNAME_INVALID");
  if ((await db.livePlayer.count({ where: { sessionId: session.id } })) >= limits.maxPlayers)
    return fail("SESSION_FULL");
  const token = randomBytes(24).toString("base64url");
  try {
    const player = await db.livePlayer.create({
      data: {
        sessionId: session.id,
        userId: input.userId ?? null,
        nickname: nickname.data,
        nicknameKey: nicknameKey(nickname.data),
        tokenHash: hashToken(token),
        firstPosition: session.currentPosition + 1,
      },
    });
    return { ok: true, player: joined(player, token) };
  } catch (error) {
    if (isUniqueViolation(error)) return fail("NICKNAME_TAKEN");
    throw error;
  }
}

function joined(
  player: { id: string; sessionId: string; nickname: string; firstPosition: number; score: number },
  token: string | null,
): JoinedPlayer {
  return {
    playerId: player.id,
    sessionId: player.sessionId,
    nickname: player.nickname,
    token,
    firstPosition: player.firstPosition,
    score: player.score,
  };
}

/**
 * Records a player's answer to the open question. The first answer counts; it is judged and
 * scored by the server's clock from the question's opening, and committed together with the
 * player's new score in one statement. The ack says only that it was saved: whether it was
 * right is told to everyone at once, when the question is revealed.
 */
export async function answerQuestion(
  db: Db,
  input: { playerId: string; position: number; selected: number[]; now?: Date },
): Promise<QuizResult<{ position: number }>> {
  const now = input.now ?? new Date();
  const player = await db.livePlayer.findUnique({
    where: { id: input.playerId },
    select: {
      firstPosition: true,
      kickedAt: true,
      session: {
        select: {
          id: true,
          status: true,
          currentPosition: true,
          questionOpenedAt: true,
          questionClosesAt: true,
          secondsPerQuestion: true,
        },
      },
    },
  });
  if (!player) return fail("NOT_JOINED");
  if (player.kickedAt) return fail("KICKED");
  const { session } = player;
  if (session.status === "ENDED") return fail("SESSION_ENDED");
  if (session.status !== "QUESTION" || !session.questionOpenedAt || !session.questionClosesAt)
    return fail("NO_QUESTION_OPEN");
  if (input.position !== session.currentPosition) return fail("WRONG_QUESTION");
  if (input.position < player.firstPosition) return fail("LATE_JOINER");
  if (now > session.questionClosesAt) return fail("TIME_UP");
  const question = (await sessionQuestions(db, session.id))[input.position];
  const selected = [...new Set(input.selected)].sort((a, b) => a - b);
  if (
    !question ||
    selected.some((index) => index >= question.options.length) ||
    (question.type !== "MULTIPLE_CHOICE" && selected.length !== 1)
  )
    return fail("INVALID_ANSWER");

  const correct =
    selected.length === question.correct.length && selected.every((value, index) => value === question.correct[index]);
  const limitMs = session.secondsPerQuestion * 1000;
  const elapsedMs = Math.max(0, Math.min(limitMs, now.getTime() - session.questionOpenedAt.getTime()));
  const points = answerPoints(correct, elapsedMs, limitMs);
  // Saved only while this question is still open (a reveal, pause or skip that raced us wins),
  // and only once per player and question.
  const saved = await db.$executeRaw`
    WITH inserted AS (
      INSERT INTO "LiveAnswer" ("playerId", position, "sessionId", selected, correct, points, "elapsedMs", "answeredAt")
      SELECT ${input.playerId}, ${input.position}, ${session.id}, ${selected}::int[], ${correct}, ${points}, ${elapsedMs}, ${now}
       WHERE EXISTS (SELECT 1 FROM "LiveSession" s
                      WHERE s.id = ${session.id} AND s.status = 'QUESTION'
                        AND s."currentPosition" = ${input.position} AND s."questionClosesAt" >= ${now})
      ON CONFLICT ("playerId", position) DO NOTHING
      RETURNING points, correct, "elapsedMs"
    )
    UPDATE "LivePlayer" p
       SET score = p.score + i.points,
           "correctCount" = p."correctCount" + (CASE WHEN i.correct THEN 1 ELSE 0 END),
           "correctTimeMs" = p."correctTimeMs" + (CASE WHEN i.correct THEN i."elapsedMs" ELSE 0 END)
      FROM inserted i
     WHERE p.id = ${input.playerId}`;
  if (saved === 1) return { ok: true, position: input.position };
  const already = await db.liveAnswer.findUnique({
    where: { playerId_position: { playerId: input.playerId, position: input.position } },
    select: { position: true },
  });
  return fail(already ? "ALREADY_ANSWERED" : "TIME_UP");
}

/** The host removes a player (an offensive nickname): their answers stay, they leave the board. */
export async function kickPlayer(db: Db, input: { sessionId: string; playerId: string; now?: Date }) {
  const kicked = await db.livePlayer.updateMany({
    where: { id: input.playerId, sessionId: input.sessionId, kickedAt: null },
    data: { kickedAt: input.now ?? new Date() },
  });
  return kicked.count === 1;
}
