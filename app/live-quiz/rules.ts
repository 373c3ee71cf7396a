import { z } from "zod";
import { foldDiacritics } from "~/utils/text";
import { JOIN_CODE_LENGTH, NICKNAME_MAX } from "./types";

export { JOIN_CODE_LENGTH, NICKNAME_MAX };

/**
 * The rules of a live quiz (issue 5, point 3) that need no database: points, nicknames, join
 * codes, and the payloads players and hosts send. Shared by the socket events, the pages and
 * the tests.
 */

/** Points for a correct answer: MAX at once, falling linearly to MIN at the last moment. */
export const MAX_POINTS = 1000;
export const MIN_POINTS = 500;

/** Why a live-quiz action was refused; each has a Vietnamese message at errors.quiz.<code>. */
export const QUIZ_ERRORS = [
  "SESSION_NOT_FOUND",
  "SESSION_ENDED",
  "NICKNAME_TAKEN",
  "NICKNAME_INVALID",
  "NOT_JOINED",
  "KICKED",
  "NO_QUESTION_OPEN",
  "WRONG_QUESTION",
  "LATE_JOINER",
  "TIME_UP",
  "ALREADY_ANSWERED",
  "INVALID_ANSWER",
  "NOT_HOST",
  "WRONG_STATE",
  "NOT_ENOUGH_QUESTIONS",
  "SESSION_FULL",
] as const;
export type QuizError = (typeof QUIZ_ERRORS)[number];
export type QuizResult<T> = ({ ok: true } & T) | { ok: false; code: QuizError };

/**
 * Points for one answer: nothing when wrong; when right, from MAX_POINTS for an instant answer
 * down to MIN_POINTS at the deadline, so knowing always beats guessing late, and speed decides
 * between people who know.
 */
export function answerPoints(correct: boolean, elapsedMs: number, limitMs: number): number {
  if (!correct) return 0;
  const share = limitMs > 0 ? Math.min(1, Math.max(0, elapsedMs / limitMs)) : 1;
  return Math.round(MAX_POINTS - (MAX_POINTS - MIN_POINTS) * share);
}

/** Players per session: far above a hall or an online event, low enough that a join flood stops. */
export const MAX_PLAYERS = 5_000;

/** Trimmed, inner spaces collapsed; letters (any script), digits, spaces and . _ - only. */
export const nicknameSchema = z
  .string()
  .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(2)
      .max(NICKNAME_MAX)
      .regex(/^[\p{L}\p{M}\p{N} ._-]+$/u),
  );

/** How two nicknames are told apart: "Lan", "lan" and "Lân" are one player. */
export function nicknameKey(nickname: string): string {
  return foldDiacritics(nickname).toLowerCase();
}

export const joinCodeSchema = z
  .string()
  .transform((value) => value.replace(/\D/g, ""))
  .pipe(z.string().length(JOIN_CODE_LENGTH));

/** A random join code: six digits, never starting with 0 (people drop leading zeros). */
export function newJoinCode(random: () => number = Math.random): string {
  return String(100_000 + Math.floor(random() * 900_000));
}

/** The secret a player's phone keeps to come back to the same player after a drop. */
export const playerTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const joinPayload = z.object({
  code: joinCodeSchema,
  nickname: z.string().max(200).optional(),
  token: playerTokenSchema.optional(),
});

export const answerPayload = z.object({
  position: z.number().int().min(0).max(199),
  selected: z.array(z.number().int().min(0).max(19)).min(1).max(20),
});

export const HOST_ACTIONS = ["start", "reveal", "next", "pause", "resume", "skip", "end"] as const;
export type HostAction = (typeof HOST_ACTIONS)[number];

export const controlPayload = z.object({
  sessionId: z.string().min(1).max(64),
  action: z.enum(HOST_ACTIONS),
});

export const kickPayload = z.object({
  sessionId: z.string().min(1).max(64),
  playerId: z.string().min(1).max(64),
});

export const hostPayload = z.object({ sessionId: z.string().min(1).max(64) });

/** The organizer's form that creates a session from a bank. */
export const QUESTIONS_MIN = 1;
export const QUESTIONS_MAX = 50;
export const SECONDS_MIN = 5;
export const SECONDS_MAX = 120;

export const sessionFormSchema = z.object({
  title: z.string().trim().min(3, "errors.quiz.titleLength").max(200, "errors.quiz.titleLength"),
  orgNodeId: z.string().min(1, "errors.invalidValue").max(64),
  bankId: z.string().min(1, "errors.quiz.bankRequired").max(64),
  difficulty: z.enum(["", "EASY", "MEDIUM", "HARD"]).default(""),
  questionCount: z.coerce
    .number({ error: "errors.quiz.questionCount" })
    .int("errors.quiz.questionCount")
    .min(QUESTIONS_MIN, "errors.quiz.questionCount")
    .max(QUESTIONS_MAX, "errors.quiz.questionCount"),
  secondsPerQuestion: z.coerce
    .number({ error: "errors.quiz.seconds" })
    .int("errors.quiz.seconds")
    .min(SECONDS_MIN, "errors.quiz.seconds")
    .max(SECONDS_MAX, "errors.quiz.seconds"),
  shuffleOptions: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((value) => value === "on"),
});
export type SessionForm = z.infer<typeof sessionFormSchema>;
