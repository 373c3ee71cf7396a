import type { CurrentUser } from "~/auth/guards.server";
import type { FieldError } from "~/components/Field";
import { readableBanksFilter } from "~/questions/banks.server";
import { runtime } from "~/runtime.server";
import { type FormFailure, formValues } from "~/utils/forms";
import { lessonSchema } from "./schemas";
import { readLessonFormData } from "./uploads.server";

/** Banks the organizer may draw a quiz from, with how many approved questions each has. */
export async function readableBanks(user: CurrentUser) {
  const banks = await runtime().db.questionBank.findMany({
    where: readableBanksFilter(user),
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { questions: { where: { status: "APPROVED" } } } } },
  });
  return banks.map((bank) => ({ id: bank.id, name: bank.name, approved: bank._count.questions }));
}

export type LessonFormFailure = Omit<FormFailure, "fieldErrors"> & { fieldErrors: Record<string, FieldError> };

/** Reads and validates the lesson form (with its upload); a refused upload is an error of the media field. */
export async function readLessonForm(request: Request) {
  const { formData, mediaError } = await readLessonFormData(request);
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const parsed = lessonSchema.safeParse(raw);
  const fieldErrors: Record<string, FieldError> = {};
  if (mediaError) fieldErrors.media = mediaError;
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "form";
      fieldErrors[field] ??= issue.message.startsWith("courses.") ? issue.message : "errors.invalidValue";
    }
  if (!parsed.success || mediaError) {
    const failure: LessonFormFailure = { ok: false, fieldErrors, values: formValues(formData) };
    return { ok: false as const, failure };
  }
  return { ok: true as const, lesson: parsed.data, formData };
}
