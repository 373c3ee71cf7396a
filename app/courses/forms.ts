import type { FormValues } from "~/utils/forms";
import { formatVietnamDateTime } from "~/utils/vietnam-time";
import { formatDuration } from "./schemas";

export type { FormValues } from "~/utils/forms";

export function courseFormValues(course: {
  orgNodeId: string;
  title: string;
  summary: string | null;
  category: string;
  audience: string[];
  estimatedMinutes: number;
  opensAt: Date | string | null;
  closesAt: Date | string | null;
  sequential: boolean;
  coverUrl: string | null;
}): FormValues {
  const date = (value: Date | string | null) => (value ? formatVietnamDateTime(new Date(value)) : "");
  return {
    orgNodeId: course.orgNodeId,
    title: course.title,
    summary: course.summary ?? "",
    category: course.category,
    audience: course.audience.join(", "),
    estimatedHours: String(Math.round((course.estimatedMinutes / 60) * 100) / 100).replace(".", ","),
    opensAt: date(course.opensAt),
    closesAt: date(course.closesAt),
    sequential: course.sequential ? "on" : "",
    coverUrl: course.coverUrl ?? "",
  };
}

export function newCourseFormValues(orgNodeId: string): FormValues {
  return {
    orgNodeId,
    title: "",
    summary: "",
    category: "",
    audience: "",
    estimatedHours: "1",
    opensAt: "",
    closesAt: "",
    sequential: "",
    coverUrl: "",
  };
}

export function lessonFormValues(lesson: {
  title: string;
  type: string;
  required: boolean;
  completionRule: string;
  minWatchPercent: number;
  body: string | null;
  mediaUrl: string | null;
  durationSeconds: number | null;
  quizBlueprint: unknown;
  quizPassPercent: number;
  quizAttemptsAllowed: number;
  isFinalTest: boolean;
}): FormValues {
  const rule = (lesson.quizBlueprint as { rules?: Array<{ bankId: string; count: number }> } | null)?.rules?.[0];
  return {
    title: lesson.title,
    type: lesson.type,
    required: lesson.required ? "on" : "",
    completionRule: lesson.completionRule,
    minWatchPercent: String(lesson.minWatchPercent),
    body: lesson.body ?? "",
    mediaUrl: lesson.mediaUrl ?? "",
    durationSeconds: lesson.durationSeconds ? formatDuration(lesson.durationSeconds) : "",
    quizBankId: rule?.bankId ?? "",
    quizQuestionCount: String(rule?.count ?? 10),
    quizPassPercent: String(lesson.quizPassPercent),
    quizAttemptsAllowed: String(lesson.quizAttemptsAllowed),
    isFinalTest: lesson.isFinalTest ? "on" : "",
  };
}

export function newLessonFormValues(type = "TEXT"): FormValues {
  return {
    title: "",
    type,
    required: "on",
    completionRule: "OPENED",
    minWatchPercent: "90",
    body: "",
    mediaUrl: "",
    durationSeconds: "",
    quizBankId: "",
    quizQuestionCount: "10",
    quizPassPercent: "80",
    quizAttemptsAllowed: "0",
    isFinalTest: "",
  };
}
