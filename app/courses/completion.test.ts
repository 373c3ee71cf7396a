import { describe, expect, it } from "vitest";
import {
  courseCompletion,
  judgeReport,
  type LessonRule,
  lessonComplete,
  mergeIntervals,
  nextLesson,
  type ProgressReport,
  unlockedLessons,
  type ViewState,
  watchedPercent,
} from "./completion";

const lesson = (id: string, overrides: Partial<LessonRule> = {}): LessonRule => ({
  id,
  completionRule: "OPENED",
  minWatchPercent: 90,
  required: true,
  isFinalTest: false,
  ...overrides,
});

describe("watched intervals", () => {
  it("merges overlapping and touching intervals and drops invalid ones", () => {
    expect(
      mergeIntervals([
        [10, 20],
        [0, 5],
        [5, 8],
        [15, 30],
        [40, 40],
        [50, 45],
        [Number.NaN, 3],
      ]),
    ).toEqual([
      [0, 8],
      [10, 30],
    ]);
  });

  it("counts a second watched twice only once", () => {
    expect(
      watchedPercent(
        [
          [0, 50],
          [0, 50],
          [25, 50],
        ],
        100,
      ),
    ).toBe(50);
  });

  it("skipping to the end counts only the seconds played there", () => {
    // Opened, played 5 s, jumped to 95 s and played to the end.
    expect(
      watchedPercent(
        [
          [0, 5],
          [95, 100],
        ],
        100,
      ),
    ).toBe(10);
  });

  it("rounds down and ignores seconds past the end", () => {
    expect(watchedPercent([[0, 89.9]], 100)).toBe(89);
    expect(watchedPercent([[0, 500]], 100)).toBe(100);
    expect(watchedPercent([[0, 10]], 0)).toBe(0);
  });
});

describe("lesson completion", () => {
  const state = { opened: true, watchedIntervals: [] as [number, number][], durationSeconds: 100, quizPassed: false };

  it("OPENED needs the lesson opened", () => {
    expect(lessonComplete(lesson("a"), state)).toBe(true);
    expect(lessonComplete(lesson("a"), { ...state, opened: false })).toBe(false);
  });

  it("WATCHED needs N% of the media played", () => {
    const rule = lesson("v", { completionRule: "WATCHED", minWatchPercent: 80 });
    expect(lessonComplete(rule, { ...state, watchedIntervals: [[0, 79]] })).toBe(false);
    expect(lessonComplete(rule, { ...state, watchedIntervals: [[0, 80]] })).toBe(true);
    expect(lessonComplete(rule, { ...state, watchedIntervals: [[0, 80]], durationSeconds: null })).toBe(false);
  });

  it("QUIZ_PASSED needs a passed attempt", () => {
    const rule = lesson("q", { completionRule: "QUIZ_PASSED" });
    expect(lessonComplete(rule, state)).toBe(false);
    expect(lessonComplete(rule, { ...state, quizPassed: true })).toBe(true);
  });
});

describe("course completion", () => {
  const lessons = [
    lesson("a"),
    lesson("b", { required: false }),
    lesson("c"),
    lesson("final", { completionRule: "QUIZ_PASSED", isFinalTest: true, required: false }),
  ];

  it("needs every required lesson and the final test, not optional ones", () => {
    expect(courseCompletion(lessons, new Set(["a", "c"]))).toMatchObject({
      complete: false,
      requiredTotal: 3,
      requiredDone: 2,
      finalTestPassed: false,
      percent: 66,
    });
    expect(courseCompletion(lessons, new Set(["a", "c", "final"]))).toMatchObject({
      complete: true,
      finalTestPassed: true,
      percent: 100,
    });
  });

  it("a course without a final test completes on its required lessons; an empty one never does", () => {
    expect(courseCompletion([lesson("a"), lesson("b")], new Set(["a", "b"])).complete).toBe(true);
    expect(courseCompletion([lesson("a"), lesson("b")], new Set(["a", "b"])).finalTestPassed).toBeNull();
    expect(courseCompletion([], new Set()).complete).toBe(false);
  });
});

describe("sequencing", () => {
  const ordered = [
    lesson("a"),
    lesson("opt", { required: false }),
    lesson("b"),
    lesson("c"),
    lesson("final", { isFinalTest: true }),
  ];

  it("without sequencing every lesson is open", () => {
    expect(unlockedLessons(ordered, new Set(), false)).toEqual(new Set(["a", "opt", "b", "c", "final"]));
  });

  it("opens a lesson once every earlier required lesson is complete; optional ones never block", () => {
    expect(unlockedLessons(ordered, new Set(), true)).toEqual(new Set(["a"]));
    expect(unlockedLessons(ordered, new Set(["a"]), true)).toEqual(new Set(["a", "opt", "b"]));
    expect(unlockedLessons(ordered, new Set(["a", "b"]), true)).toEqual(new Set(["a", "opt", "b", "c"]));
    expect(unlockedLessons(ordered, new Set(["a", "b", "c"]), true)).toEqual(new Set(["a", "opt", "b", "c", "final"]));
  });

  it("keeps completed lessons open after a reorder put them behind an incomplete one", () => {
    const reordered = [lesson("c"), lesson("a"), lesson("b")];
    expect(unlockedLessons(reordered, new Set(["a", "b"]), true)).toEqual(new Set(["c", "a", "b"]));
  });

  it("the final test waits for the other required lessons even when placed first", () => {
    const finalFirst = [lesson("final", { isFinalTest: true }), lesson("a")];
    expect(unlockedLessons(finalFirst, new Set(), true)).toEqual(new Set(["a"]));
    expect(unlockedLessons(finalFirst, new Set(["a"]), true)).toEqual(new Set(["final", "a"]));
  });

  it("continues with the first open lesson not yet complete", () => {
    const done = new Set(["a"]);
    expect(nextLesson(ordered, done, unlockedLessons(ordered, done, true))).toBe("opt");
    const all = new Set(ordered.map((l) => l.id));
    expect(nextLesson(ordered, all, unlockedLessons(ordered, all, true))).toBeNull();
  });
});

describe("judging player reports", () => {
  const openedAt = new Date("2026-12-01T08:00:00Z");
  const view: ViewState = { viewId: "v1", lastSeq: 0, lastAcceptedAt: openedAt, durationSeconds: 300 };
  const report = (overrides: Partial<ProgressReport> = {}): ProgressReport => ({
    viewId: "v1",
    seq: 1,
    intervals: [[0, 10]],
    positionSeconds: 10,
    durationSeconds: 300,
    ...overrides,
  });
  const secondsLater = (seconds: number) => new Date(openedAt.getTime() + seconds * 1000);

  it("accepts seconds played within real time", () => {
    expect(judgeReport(view, report(), secondsLater(10))).toEqual({ accepted: true, playedSeconds: 10 });
    // Double speed is allowed.
    expect(judgeReport(view, report({ intervals: [[0, 20]] }), secondsLater(10)).accepted).toBe(true);
  });

  it("refuses 100% watched one second after opening", () => {
    const verdict = judgeReport(view, report({ intervals: [[0, 300]], positionSeconds: 300 }), secondsLater(1));
    expect(verdict).toMatchObject({ accepted: false, reason: "FASTER_THAN_REAL_TIME" });
  });

  it("refuses many small intervals that add up to more than real time", () => {
    const intervals = Array.from({ length: 30 }, (_, i) => [i * 10, i * 10 + 9] as [number, number]);
    expect(judgeReport(view, report({ intervals }), secondsLater(20))).toMatchObject({
      reason: "FASTER_THAN_REAL_TIME",
    });
  });

  it("refuses a replayed or out-of-order report", () => {
    const seen = { ...view, lastSeq: 4 };
    expect(judgeReport(seen, report({ seq: 4 }), secondsLater(60))).toMatchObject({
      reason: "REPLAYED_OR_OUT_OF_ORDER",
    });
    expect(judgeReport(seen, report({ seq: 3 }), secondsLater(60))).toMatchObject({
      reason: "REPLAYED_OR_OUT_OF_ORDER",
    });
    expect(judgeReport(seen, report({ seq: 5 }), secondsLater(60)).accepted).toBe(true);
  });

  it("refuses a report from an older opening of the lesson", () => {
    expect(judgeReport(view, report({ viewId: "v0" }), secondsLater(60))).toMatchObject({ reason: "STALE_VIEW" });
    expect(judgeReport({ ...view, viewId: null }, report(), secondsLater(60))).toMatchObject({ reason: "STALE_VIEW" });
  });

  it("refuses intervals outside the media and a different media length", () => {
    expect(judgeReport(view, report({ intervals: [[290, 320]] }), secondsLater(60))).toMatchObject({
      reason: "OUTSIDE_MEDIA",
    });
    expect(judgeReport(view, report({ intervals: [[-5, 3]] }), secondsLater(60))).toMatchObject({
      reason: "OUTSIDE_MEDIA",
    });
    expect(judgeReport(view, report({ durationSeconds: 30 }), secondsLater(60))).toMatchObject({
      reason: "DURATION_MISMATCH",
    });
  });

  it("takes the reported length when none is known yet", () => {
    const unknown = { ...view, durationSeconds: null };
    expect(judgeReport(unknown, report({ durationSeconds: 42, intervals: [[0, 10]] }), secondsLater(10)).accepted).toBe(
      true,
    );
    expect(judgeReport(unknown, report({ durationSeconds: 42, intervals: [[0, 50]] }), secondsLater(60))).toMatchObject(
      {
        reason: "OUTSIDE_MEDIA",
      },
    );
  });
});
