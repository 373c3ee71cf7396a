/** Why an attempt action was refused; each has a Vietnamese message at errors.attempt.<code>. */
export const ATTEMPT_ERRORS = [
  "ROUND_NOT_FOUND",
  "NOT_REGISTERED",
  "ROUND_NOT_OPEN",
  "ROUND_CLOSED",
  "ATTEMPT_LIMIT",
  "ANOTHER_ATTEMPT_RUNNING",
  "NOT_ENOUGH_QUESTIONS",
  "ATTEMPT_NOT_FOUND",
  "ATTEMPT_CLOSED",
  "DEADLINE_PASSED",
  "INVALID_ANSWER",
] as const;
export type AttemptError = (typeof ATTEMPT_ERRORS)[number];
