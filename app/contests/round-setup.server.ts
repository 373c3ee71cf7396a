import { json, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import type { Db } from "~/db/client.server";
import { bankAccess, readableBanksFilter } from "~/questions/banks.server";
import { stemToText } from "~/questions/html";
import { runtime } from "~/runtime.server";
import type { BankAvailability, DifficultyCounts, FixedQuestionChoice } from "./availability";
import { saveRound } from "./contests.server";
import { editRuleRows, readRoundForm, setupFailure } from "./setup-forms";

/**
 * What the round form offers to draw from: the banks the organizer may use, how many approved
 * questions each bank × topic × difficulty holds (so a rule shows what it can draw before the
 * round is saved), and the approved questions for a fixed list.
 */
/** Enough for any real fixed list; a bank larger than this is drawn from by rules. */
const FIXED_CHOICES_LIMIT = 1500;

const zeroCounts = (): DifficultyCounts => ({ EASY: 0, MEDIUM: 0, HARD: 0 });

export async function roundDrawOptions(db: Db, user: CurrentUser) {
  const banks = await db.questionBank.findMany({
    where: readableBanksFilter(user),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      orgNode: { select: { name: true, path: true } },
      topics: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  const questions = await db.question.findMany({
    // The same questions a draw would use: approved, through their approved version.
    where: { bankId: { in: banks.map((bank) => bank.id) }, status: "APPROVED", approvedVersionId: { not: null } },
    orderBy: [{ bankId: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      bankId: true,
      topics: { select: { topicId: true } },
      approvedVersion: { select: { stem: true, difficulty: true } },
    },
  });
  const availability: BankAvailability[] = banks.map((bank) => ({
    id: bank.id,
    name: bank.name,
    nodeName: bank.orgNode.name,
    readOnly: bankAccess(user, bank.orgNode.path) !== "write",
    total: 0,
    byDifficulty: zeroCounts(),
    topics: bank.topics.map((topic) => ({ ...topic, total: 0, byDifficulty: zeroCounts() })),
  }));
  const banksById = new Map(availability.map((bank) => [bank.id, bank]));
  const fixedChoices: FixedQuestionChoice[] = [];
  for (const question of questions) {
    const bank = banksById.get(question.bankId);
    const version = question.approvedVersion;
    if (!bank || !version) continue;
    bank.total += 1;
    bank.byDifficulty[version.difficulty] += 1;
    const topicIds = new Set(question.topics.map((topic) => topic.topicId));
    for (const topic of bank.topics) {
      if (!topicIds.has(topic.id)) continue;
      topic.total += 1;
      topic.byDifficulty[version.difficulty] += 1;
    }
    if (fixedChoices.length < FIXED_CHOICES_LIMIT)
      fixedChoices.push({
        id: question.id,
        bankId: question.bankId,
        text: stemToText(version.stem).replace(/\s+/g, " ").slice(0, 160),
        difficulty: version.difficulty,
      });
  }
  // Topics with nothing approved cannot feed a rule; keep the list short.
  for (const bank of availability) bank.topics = bank.topics.filter((topic) => topic.total > 0);
  return { banks: availability, fixedChoices };
}

/**
 * The round form's post, shared by "new round" and "edit round": add/remove a rule row (the
 * no-JavaScript path), or validate and save. A refused form comes back with what was typed.
 */
export async function submitRoundForm(
  request: Request,
  user: CurrentUser,
  input: { contestId: string; roundId?: string; formData: FormData },
) {
  const { formData } = input;
  const intent = String(formData.get("intent") ?? "save");
  if (intent === "addRule" || intent.startsWith("removeRule.")) {
    const echo = setupFailure(formData, {});
    return json({ ...echo, values: editRuleRows(echo.values, intent) });
  }
  const read = readRoundForm(formData);
  if (!read.ok) return json(read, { status: 400 });
  const result = await saveRound(runtime().db, request, user, {
    contestId: input.contestId,
    roundId: input.roundId,
    round: read.round,
  });
  if (!result.ok)
    return json(
      setupFailure(
        formData,
        result.field ? { [result.field]: result.message } : {},
        result.field ? undefined : result.message,
        result.params,
      ),
      { status: result.code === "FORBIDDEN" ? 403 : result.code === "ROUND_LOCKED" ? 409 : 400 },
    );
  return redirect(`/manage/contests/${input.contestId}`, {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: input.roundId ? "contestSetup.roundSaved" : "contestSetup.roundCreated",
      }),
    },
  });
}
