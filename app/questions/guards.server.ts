import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { type BankAccess, loadBankFor } from "./banks.server";
import { loadQuestionFor } from "./questions.server";

/** The signed-in organizer and the bank, or a 403 when the bank is not theirs to `need`. */
export async function requireBank(request: Request, bankId: string, need: Exclude<BankAccess, "none">) {
  const user = await requireRole(request, "ORGANIZER");
  const loaded = await loadBankFor(runtime().db, user, bankId);
  if (!loaded || (need === "write" && loaded.access !== "write")) throw forbidden();
  return { user, ...loaded };
}

export async function requireQuestion(request: Request, questionId: string, need: Exclude<BankAccess, "none">) {
  const user = await requireRole(request, "ORGANIZER");
  const loaded = await loadQuestionFor(runtime().db, user, questionId);
  if (!loaded || (need === "write" && loaded.access !== "write")) throw forbidden();
  return { user, ...loaded };
}
