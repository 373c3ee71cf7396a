/**
 * Completion and sequencing rules of courses (issue 6), pure so they are unit-tested apart from
 * the database. Watching is measured from the intervals of media the player actually played,
 * merged: seeking to the end adds only the seconds played there, never the ones skipped.
 */

/** [from, to] in seconds of the media, from < to. */
export type Interval = readonly [number, number];

/** Sorted, non-overlapping, with touching intervals joined; invalid ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const valid = intervals
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from)
    .map(([from, to]) => [Math.max(0, from), to] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of valid) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Seconds covered by the intervals, each second counted once. */
export function coveredSeconds(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** Share of the media played, 0–100, rounded down (89.9% does not pass a 90% rule). */
export function watchedPercent(intervals: readonly Interval[], durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  const clipped = intervals.map(([from, to]) => [from, Math.min(to, durationSeconds)] as const);
  return Math.min(100, Math.floor((coveredSeconds(clipped) / durationSeconds) * 100));
}

export type CompletionRuleName = "OPENED" | "WATCHED" | "QUIZ_PASSED";

export interface LessonRule {
  id: string;
  completionRule: CompletionRuleName;
  minWatchPercent: number;
  required: boolean;
  isFinalTest: boolean;
}

export interface LessonState {
  opened: boolean;
  watchedIntervals: readonly Interval[];
  durationSeconds: number | null;
  quizPassed: boolean;
}

export function lessonComplete(rule: LessonRule, state: LessonState): boolean {
  switch (rule.completionRule) {
    case "OPENED":
      return state.opened;
    case "WATCHED":
      return (
        state.opened &&
        state.durationSeconds !== null &&
        watchedPercent(state.watchedIntervals, state.durationSeconds) >= rule.minWatchPercent
      );
    case "QUIZ_PASSED":
      return state.quizPassed;
  }
}

export interface CourseCompletion {
  complete: boolean;
  requiredTotal: number;
  requiredDone: number;
  /** null when the course has no final test. */
  finalTestPassed: boolean | null;
  /** 0–100, for progress bars: required lessons done (the final test counts as one). */
  percent: number;
}

/**
 * A course is complete when every required lesson is complete and its final test (if any) is
 * passed. The final test counts as required whatever its flag says.
 */
export function courseCompletion(lessons: readonly LessonRule[], completed: ReadonlySet<string>): CourseCompletion {
  const required = lessons.filter((lesson) => lesson.required || lesson.isFinalTest);
  const requiredDone = required.filter((lesson) => completed.has(lesson.id)).length;
  const finalTests = lessons.filter((lesson) => lesson.isFinalTest);
  const finalTestPassed = finalTests.length === 0 ? null : finalTests.every((lesson) => completed.has(lesson.id));
  return {
    complete: required.length > 0 && requiredDone === required.length && finalTestPassed !== false,
    requiredTotal: required.length,
    requiredDone,
    finalTestPassed,
    percent: required.length === 0 ? 0 : Math.floor((requiredDone / required.length) * 100),
  };
}

/**
 * Which lessons a learner may open. Without sequencing, all. With it, a lesson opens once every
 * earlier required lesson (in course order) is complete; optional lessons never block, and a
 * lesson already completed stays open (a reorder never locks what was done). The final test
 * waits for every other required lesson wherever it stands.
 */
export function unlockedLessons(
  ordered: readonly LessonRule[],
  completed: ReadonlySet<string>,
  sequential: boolean,
): Set<string> {
  const open = new Set<string>();
  const otherRequiredDone = ordered
    .filter((lesson) => lesson.required && !lesson.isFinalTest)
    .every((lesson) => completed.has(lesson.id));
  let blocked = false;
  for (const lesson of ordered) {
    const finalWaits = sequential && lesson.isFinalTest && !otherRequiredDone;
    if (completed.has(lesson.id) || (!blocked && !finalWaits)) open.add(lesson.id);
    // The final test waits for the others; it never blocks them.
    if (sequential && lesson.required && !lesson.isFinalTest && !completed.has(lesson.id)) blocked = true;
  }
  return open;
}

/** The lesson to continue with: the first unlocked, incomplete one in course order, or null when all are done. */
export function nextLesson(
  ordered: readonly LessonRule[],
  completed: ReadonlySet<string>,
  unlocked: ReadonlySet<string>,
): string | null {
  return ordered.find((lesson) => unlocked.has(lesson.id) && !completed.has(lesson.id))?.id ?? null;
}

// --- Progress reports from the player --------------------------------------------------------

/** The fastest playback the player offers; more seconds played than this allows are forged. */
export const MAX_PLAYBACK_RATE = 2;
/** Slack for network delay and timer jitter between the player and the server. */
export const REPORT_TOLERANCE_SECONDS = 3;
/** Reports name at most this many intervals (a player reports every few seconds). */
export const MAX_INTERVALS_PER_REPORT = 50;

export interface ProgressReport {
  viewId: string;
  seq: number;
  /** Intervals played since the previous report of this view. */
  intervals: Interval[];
  positionSeconds: number;
  durationSeconds: number;
}

export interface ViewState {
  viewId: string | null;
  lastSeq: number;
  /** When the view started or its last report was accepted. */
  lastAcceptedAt: Date;
  /** Known media length, if any. */
  durationSeconds: number | null;
}

export const REJECTION_REASONS = [
  "STALE_VIEW",
  "REPLAYED_OR_OUT_OF_ORDER",
  "DURATION_MISMATCH",
  "OUTSIDE_MEDIA",
  "FASTER_THAN_REAL_TIME",
  "TOO_MANY_INTERVALS",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type ReportVerdict =
  | { accepted: true; playedSeconds: number }
  | { accepted: false; reason: RejectionReason; details: Record<string, number | string | null> };

/**
 * Whether a player report can be believed. A report belongs to the latest opening of the lesson
 * (older tabs are stale), comes in sequence (a replay or a late packet is refused), stays inside
 * the media, and claims no more playing than the wall-clock time since the view's last accepted
 * report allows at the fastest playback rate — "100% watched one second after opening" fails.
 */
export function judgeReport(view: ViewState, report: ProgressReport, now: Date): ReportVerdict {
  if (view.viewId === null || report.viewId !== view.viewId)
    return { accepted: false, reason: "STALE_VIEW", details: { expected: view.viewId, got: report.viewId } };
  if (report.seq <= view.lastSeq)
    return { accepted: false, reason: "REPLAYED_OR_OUT_OF_ORDER", details: { lastSeq: view.lastSeq, seq: report.seq } };
  if (report.intervals.length > MAX_INTERVALS_PER_REPORT)
    return { accepted: false, reason: "TOO_MANY_INTERVALS", details: { count: report.intervals.length } };
  const duration = view.durationSeconds ?? report.durationSeconds;
  if (view.durationSeconds !== null && Math.abs(view.durationSeconds - report.durationSeconds) > 2)
    return {
      accepted: false,
      reason: "DURATION_MISMATCH",
      details: { known: view.durationSeconds, reported: report.durationSeconds },
    };
  const outside = report.intervals.some(([from, to]) => from < 0 || to > duration + 1 || to < from);
  if (outside || report.positionSeconds < 0 || report.positionSeconds > duration + 1)
    return { accepted: false, reason: "OUTSIDE_MEDIA", details: { duration } };
  const playedSeconds = coveredSeconds(report.intervals);
  const elapsedSeconds = Math.max(0, (now.getTime() - view.lastAcceptedAt.getTime()) / 1000);
  const allowed = elapsedSeconds * MAX_PLAYBACK_RATE + REPORT_TOLERANCE_SECONDS;
  if (playedSeconds > allowed)
    return {
      accepted: false,
      reason: "FASTER_THAN_REAL_TIME",
      details: { playedSeconds: Math.round(playedSeconds), elapsedSeconds: Math.round(elapsedSeconds) },
    };
  return { accepted: true, playedSeconds };
}
