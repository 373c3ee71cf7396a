/**
 * Classical item analysis of a round's questions. Attempts are ordered by score; the upper group
 * is the best 27% and the lower group the worst 27% (Kelley's groups). A question's
 * discrimination index is the share of the upper group who answered it right minus the share of
 * the lower group. Questions are drawn at random, so each share counts only the attempts of that
 * group which drew the question.
 */
export const GROUP_SHARE = 0.27;
/** Fewer draws than this in either group and the index says more about chance than the question. */
export const MIN_GROUP_DRAWS = 5;
/** Below this a question separates strong from weak contestants poorly (Ebel's usual cut-off). */
export const LOW_DISCRIMINATION = 0.2;

/** How many attempts each of the upper and lower groups holds out of `attempts`. */
export function groupSize(attempts: number): number {
  return attempts < 2 ? 0 : Math.min(Math.ceil(attempts * GROUP_SHARE), Math.floor(attempts / 2));
}

export interface GroupCounts {
  upperDrawn: number;
  upperCorrect: number;
  lowerDrawn: number;
  lowerCorrect: number;
}

/** The discrimination index in [−1, 1], or null when either group drew the question too rarely. */
export function discriminationIndex(counts: GroupCounts, minDraws = MIN_GROUP_DRAWS): number | null {
  if (counts.upperDrawn < minDraws || counts.lowerDrawn < minDraws) return null;
  return counts.upperCorrect / counts.upperDrawn - counts.lowerCorrect / counts.lowerDrawn;
}

export type DiscriminationFlag = "negative" | "low" | null;

/** Negative: weaker contestants do better than stronger ones (a wrong key, a trick wording). */
export function discriminationFlag(index: number | null): DiscriminationFlag {
  if (index === null) return null;
  if (index < 0) return "negative";
  return index < LOW_DISCRIMINATION ? "low" : null;
}
