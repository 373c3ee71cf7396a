/**
 * What the live quiz sends to browsers (socket pushes and acks), shared by the server modules
 * that build it and the host's and players' screens that show it.
 */
/** Limits the join form enforces in the browser too (rules.ts checks them on the server). */
export const NICKNAME_MAX = 30;
export const JOIN_CODE_LENGTH = 6;

export type LiveStatus = "LOBBY" | "QUESTION" | "PAUSED" | "REVEAL" | "ENDED";
export type LiveQuestionType = "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "TRUE_FALSE";

export interface PublicQuestion {
  position: number;
  type: LiveQuestionType;
  /** Sanitised HTML, as stored in the bank. */
  stem: string;
  options: string[];
}

/** What everyone in the room may see now: never a key before the question is revealed. */
export interface PublicState {
  sessionId: string;
  title: string;
  status: LiveStatus;
  position: number;
  total: number;
  question: PublicQuestion | null;
  /** Time left on the open (or paused) question, by the server's clock. */
  remainingMs: number | null;
  secondsPerQuestion: number;
  serverTime: number;
}

export interface StandingRow {
  rank: number;
  playerId: string;
  nickname: string;
  score: number;
  correctCount: number;
  correctTimeMs: number;
}

export interface Progress {
  players: number;
  /** Answers to the current question, and players who may answer it (late joiners may not). */
  answered: number;
  eligible: number;
}

/** Each player's own result after a question: their points on it, total and rank. */
export interface PlayerPlace {
  playerId: string;
  rank: number;
  players: number;
  score: number;
  answered: boolean;
  correct: boolean;
  points: number;
}

/** What the projector shows once a question closes: the key, how the room answered, the top. */
export interface RevealSummary {
  position: number;
  correct: number[];
  /** Players who chose each shown option (a multiple-choice answer counts for each option). */
  distribution: number[];
  answered: number;
  correctCount: number;
  top: StandingRow[];
}

export interface LobbyPlayers {
  count: number;
  recent: Array<{ id: string; nickname: string }>;
}
