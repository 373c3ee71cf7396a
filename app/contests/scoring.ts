import type { QuestionOption } from "~/questions/draft";

/**
 * Scoring and ranking of attempts. A question scores its points only when the selected options
 * are exactly the correct ones (all or nothing, also for multiple choice), as Vietnamese contest
 * rules customarily state.
 */
export interface ScoredQuestion {
  options: QuestionOption[];
  points: number;
}

export function isCorrect(options: readonly QuestionOption[], selected: readonly number[]): boolean {
  const correct = options.flatMap((option, index) => (option.correct ? [index] : []));
  const chosen = [...new Set(selected)].sort((a, b) => a - b);
  return chosen.length === correct.length && chosen.every((value, index) => value === correct[index]);
}

export function scoreAttempt(questions: readonly ScoredQuestion[], answers: ReadonlyMap<number, readonly number[]>) {
  let score = 0;
  let correctCount = 0;
  questions.forEach((question, position) => {
    const selected = answers.get(position);
    if (selected && isCorrect(question.options, selected)) {
      score += question.points;
      correctCount += 1;
    }
  });
  return { score, correctCount, maxScore: questions.reduce((sum, question) => sum + question.points, 0) };
}

export interface RankEntry {
  userId: string;
  score: number;
  /** |prediction − actual participants|; null when the contestant gave none (ranks last on this key). */
  predictionError: number | null;
  timeUsedMs: number;
  submittedAt: Date;
}

export const TIE_BREAKERS = ["score", "prediction", "time", "submittedAt"] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];

/**
 * The ranking order of a round from its stored `tieBreakOrder`: score always comes first,
 * unknown or repeated keys are skipped (the column is free text in the database), and keys the
 * organizer left out stay out, so contestants equal on every listed key share a rank.
 */
export function tieBreakOrder(stored: readonly string[] | null | undefined): TieBreaker[] {
  const known = (stored ?? []).filter((key): key is TieBreaker => (TIE_BREAKERS as readonly string[]).includes(key));
  return [...new Set<TieBreaker>(["score", ...known])];
}

/** Compares two entries by the tie-break order: score desc → prediction error asc → time asc → earlier submission. */
export function compareEntries(a: RankEntry, b: RankEntry, order: readonly TieBreaker[] = TIE_BREAKERS): number {
  for (const key of order) {
    let difference = 0;
    if (key === "score") difference = b.score - a.score;
    if (key === "prediction")
      difference = (a.predictionError ?? Number.POSITIVE_INFINITY) - (b.predictionError ?? Number.POSITIVE_INFINITY);
    if (key === "time") difference = a.timeUsedMs - b.timeUsedMs;
    if (key === "submittedAt") difference = a.submittedAt.getTime() - b.submittedAt.getTime();
    if (Number.isNaN(difference)) difference = 0; // both without a prediction
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Ranks entries; entries equal on every key share a rank (1, 2, 2, 4). */
export function rankEntries<T extends RankEntry>(
  entries: readonly T[],
  order: readonly TieBreaker[] = TIE_BREAKERS,
): Array<T & { rank: number }> {
  const sorted = [...entries].sort((a, b) => compareEntries(a, b, order));
  return sorted.map((entry, index) => {
    let rank = index + 1;
    if (index > 0 && compareEntries(sorted[index - 1], entry, order) === 0) {
      // Same as the previous entry: find where this tie started.
      let start = index - 1;
      while (start > 0 && compareEntries(sorted[start - 1], entry, order) === 0) start--;
      rank = start + 1;
    }
    return { ...entry, rank };
  });
}

/**
 * Which of a contestant's attempts counts: best (by the round's ranking order, the earlier
 * attempt when two are equal on every key), first or last.
 */
export function countingAttempt<T extends RankEntry & { number: number }>(
  attempts: readonly T[],
  rule: "BEST" | "LAST" | "FIRST",
  order: readonly TieBreaker[] = TIE_BREAKERS,
): T | null {
  if (attempts.length === 0) return null;
  const byNumber = [...attempts].sort((a, b) => a.number - b.number);
  if (rule === "FIRST") return byNumber[0];
  if (rule === "LAST") return byNumber[byNumber.length - 1];
  return byNumber.sort((a, b) => compareEntries(a, b, order))[0];
}
