import { z } from "zod";
import { parseVietnamDateTime } from "~/utils/vietnam-time";

/** Assigning a course to a roster group: the same schema for the form and the action. */
export const assignSchema = z.object({
  courseId: z.string().min(1, "rosters.errors.courseRequired").max(64),
  /** "<orgNodeId>|<groupKey>" as the group select posts it. */
  group: z
    .string()
    .min(1, "rosters.errors.groupRequired")
    .max(300)
    .regex(/^[^|]+\|[^|]+$/, "rosters.errors.groupRequired"),
  dueAt: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      // A date alone means the end of that day in Vietnam.
      const date = parseVietnamDateTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59` : value);
      if (!date) context.addIssue({ code: "custom", message: "rosters.errors.dueAt" });
      return date;
    }),
});
