import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { flashCookie } from "~/auth/session.server";
import { requireManagedCourse } from "~/courses/guards.server";
import { runtime } from "~/runtime.server";
import { courseStatements } from "~/xapi/outbox.server";

/** A calendar day (the date input's YYYY-MM-DD), taken in Vietnam time (UTC+7). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((value, context) => {
    const date = new Date(`${value}T00:00:00+07:00`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) > "9999") {
      context.addIssue({ code: "custom", message: "courses.learners.xapiBadRange" });
      return z.NEVER;
    }
    return date;
  })
  .optional();
const rangeSchema = z
  .object({
    from: z
      .literal("")
      .transform(() => undefined)
      .or(day),
    to: z
      .literal("")
      .transform(() => undefined)
      .or(day),
  })
  .refine((range) => !range.from || !range.to || range.from <= range.to, "courses.learners.xapiBadRange");

/**
 * The course's xAPI statements (issue 6, point 7) as an xAPI StatementResult, for organizers of
 * the course's node: what an LRS would have received, for when none is configured. From and to
 * are whole days, both included. Every download is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const search = new URL(request.url).searchParams;
  const parsed = rangeSchema.safeParse({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (!parsed.success)
    return redirect(`/manage/courses/${course.id}/learners`, {
      headers: {
        "Set-Cookie": await flashCookie(request, { kind: "error", message: "courses.learners.xapiBadRange" }),
      },
    });
  const { from, to } = parsed.data;
  const until = to ? new Date(to.getTime() + 24 * 3600_000) : undefined;
  const db = runtime().db;
  const result = await courseStatements(db, { courseId: course.id, from, to: until });
  await audit(db, request, {
    actorId: user.id,
    action: "course.xapi_exported",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: course.orgNodeId,
    details: {
      from: search.get("from") || null,
      to: search.get("to") || null,
      count: result.statements.length,
    },
  });
  const name = `xapi-${course.slug}${from ? `-tu-${search.get("from")}` : ""}${to ? `-den-${search.get("to")}` : ""}.json`;
  return new Response(JSON.stringify({ statements: result.statements, more: "" }, null, 1), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      ...(result.truncated ? { "X-Truncated": "true" } : {}),
    },
  });
}
