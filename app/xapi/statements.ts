import { createHash } from "node:crypto";

/**
 * xAPI 1.0.3 statements about course progress (issue 6, point 7). The actor is an account on
 * this site named by the user's id — never a name, phone or e-mail. Activities are IRIs under
 * the app's public address. Each statement's id is a UUID derived from what it records (the
 * enrolment and lesson, or the quiz attempt), so the same event always has the same id: stored
 * once in the outbox, and an LRS that receives it twice keeps one.
 */
export const XAPI_VERSION = "1.0.3";

export const XAPI_VERBS = {
  experienced: { id: "http://adlnet.gov/expapi/verbs/experienced", en: "experienced", vi: "đã xem" },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", en: "completed", vi: "đã hoàn thành" },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", en: "passed", vi: "đã đạt" },
  failed: { id: "http://adlnet.gov/expapi/verbs/failed", en: "failed", vi: "chưa đạt" },
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

const ACTIVITY_TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
} as const;

export interface XapiActivityRef {
  kind: "course" | "lesson";
  id: string;
  title: string;
  /** A quiz lesson is an assessment. */
  quiz?: boolean;
}

export interface XapiEvent {
  verb: XapiVerb;
  userId: string;
  course: { id: string; title: string };
  /** The lesson the statement is about; absent for the course itself. */
  lesson?: { id: string; title: string; quiz: boolean };
  /** What makes the event unique (e.g. the enrolment id, or the quiz attempt id). */
  key: string;
  timestamp: Date;
  result?: { success?: boolean; completion?: boolean; score?: { raw: number; min: number; max: number } };
}

/** A name-based UUID (version 5 layout, SHA-256 digest) of the text. */
export function uuidFrom(text: string): string {
  const bytes = createHash("sha256").update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function activityIri(baseUrl: string, kind: "course" | "lesson", id: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/xapi/activities/${kind}/${encodeURIComponent(id)}`;
}

function activity(baseUrl: string, ref: XapiActivityRef) {
  return {
    objectType: "Activity" as const,
    id: activityIri(baseUrl, ref.kind, ref.id),
    definition: {
      type: ref.quiz ? ACTIVITY_TYPES.assessment : ACTIVITY_TYPES[ref.kind],
      name: { "vi-VN": ref.title },
    },
  };
}

export type XapiStatementJson = ReturnType<typeof buildStatement>;

export function buildStatement(baseUrl: string, event: XapiEvent) {
  const verb = XAPI_VERBS[event.verb];
  const home = baseUrl.replace(/\/+$/, "");
  const courseRef: XapiActivityRef = { kind: "course", id: event.course.id, title: event.course.title };
  const object = event.lesson
    ? activity(baseUrl, { kind: "lesson", id: event.lesson.id, title: event.lesson.title, quiz: event.lesson.quiz })
    : activity(baseUrl, courseRef);
  const result = event.result
    ? {
        ...(event.result.score
          ? {
              score: {
                scaled:
                  event.result.score.max > event.result.score.min
                    ? Math.round(
                        ((event.result.score.raw - event.result.score.min) /
                          (event.result.score.max - event.result.score.min)) *
                          10_000,
                      ) / 10_000
                    : 0,
                raw: event.result.score.raw,
                min: event.result.score.min,
                max: event.result.score.max,
              },
            }
          : {}),
        ...(event.result.success === undefined ? {} : { success: event.result.success }),
        ...(event.result.completion === undefined ? {} : { completion: event.result.completion }),
      }
    : undefined;
  return {
    id: uuidFrom(`${event.verb}:${event.key}`),
    actor: { objectType: "Agent" as const, account: { homePage: home, name: event.userId } },
    verb: { id: verb.id, display: { "en-US": verb.en, "vi-VN": verb.vi } },
    object,
    ...(result ? { result } : {}),
    context: {
      platform: "Legal Arena",
      language: "vi-VN",
      ...(event.lesson ? { contextActivities: { parent: [activity(baseUrl, courseRef)] } } : {}),
    },
    timestamp: event.timestamp.toISOString(),
    version: XAPI_VERSION,
  };
}
