/**
 * An attempt's drawn questions, stored on the attempt (`Attempt.drawn`) in position order:
 * position i is the i-th entry. Written once at the start and never changed.
 */
export interface DrawnQuestion {
  versionId: string;
  /** Shown option i is the version's option optionOrder[i]. */
  optionOrder: number[];
  points: number;
}

/** The stored JSON as drawn questions (written only by the attempt engine, so trusted in shape). */
export function drawnQuestions(stored: unknown): DrawnQuestion[] {
  return Array.isArray(stored) ? (stored as DrawnQuestion[]) : [];
}
