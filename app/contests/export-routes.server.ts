import { redirect } from "@remix-run/node";
import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { parseForm } from "~/utils/forms";
import { fullExport, fullExportSchema, xlsxResponse } from "./ranking-export.server";

/** The errors a refused full export can send back to the results page (checked before display). */
export const FULL_EXPORT_ERRORS = [
  "errors.results.purposeTooShort",
  "errors.results.purposeTooLong",
  "errors.results.confirmRequired",
] as const;

type ExportScopeOf<Round> = {
  user: Awaited<ReturnType<typeof requireRole>>;
  contest: { id: string; slug: string; orgNodeId: string; orgNode: { path: string } };
  round: Round;
};

/**
 * The organizer and the contest (and round) an export names. A contest outside the organizer's
 * subtree, or a round of another contest, is answered like a missing one.
 */
export async function requireExportScope(request: Request, contestId?: string): Promise<ExportScopeOf<null>>;
export async function requireExportScope(
  request: Request,
  contestId: string | undefined,
  roundId: string | undefined,
): Promise<ExportScopeOf<{ id: string; position: number }>>;
export async function requireExportScope(request: Request, contestId?: string, ...rest: Array<string | undefined>) {
  const roundId = rest.length > 0 ? (rest[0] ?? "") : undefined;
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const contest = await db.contest.findUnique({
    where: { id: contestId ?? "" },
    select: { id: true, slug: true, orgNodeId: true, orgNode: { select: { path: true } } },
  });
  if (!contest || !hasRole(user.grants, "ORGANIZER", contest.orgNode.path)) throw forbidden();
  if (roundId === undefined) return { user, contest, round: null };
  const round = await db.round.findFirst({
    where: { id: roundId, contestId: contest.id },
    select: { id: true, position: true },
  });
  if (!round) throw forbidden();
  return { user, contest, round };
}

/**
 * A full export posted from the results page. The browser checks the form first (required,
 * lengths), so a refusal here is rare; it goes back to the page with the reason and what was typed.
 */
export async function fullExportAction(
  request: Request,
  contestId: string | undefined,
  /** null for the whole contest. */
  roundId: string | null,
): Promise<Response> {
  const { user, contest, round } =
    roundId === null
      ? await requireExportScope(request, contestId)
      : await requireExportScope(request, contestId, roundId);
  const formData = await request.formData();
  const parsed = parseForm(fullExportSchema, formData);
  if (!parsed.ok) {
    const error = Object.values(parsed.fieldErrors)[0] ?? FULL_EXPORT_ERRORS[0];
    const back = new URLSearchParams({
      view: round?.id ?? "contest",
      exportError: error,
      purpose: (parsed.values.purpose ?? "").slice(0, 300),
    });
    return redirect(`/manage/contests/${contest.id}/results?${back.toString()}#full-export`);
  }
  const buffer = await fullExport(runtime().db, request, user, {
    scope: round ? { kind: "round", roundId: round.id } : { kind: "contest", contestId: contest.id },
    contestId: contest.id,
    orgNodeId: contest.orgNodeId,
    purpose: parsed.data.purpose,
  });
  const name = round ? `dot-${round.position}` : "toan-cuoc-thi";
  return xlsxResponse(buffer, `ket-qua-day-du-${contest.slug}-${name}.xlsx`);
}
