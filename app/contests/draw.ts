import type { Difficulty } from "~/generated/prisma/enums";

/**
 * Draws an attempt's questions from a round's blueprint. Pure and deterministic for a given
 * random source, so it is unit-tested; the result is frozen on the attempt (`Attempt.drawn`), which is
 * what makes an attempt reproducible (not re-drawing).
 */
export interface BlueprintRule {
  bankId: string;
  topicId?: string | null;
  difficulty?: Difficulty | null;
  count: number;
}

export type Blueprint = { rules: BlueprintRule[] } | { questionIds: string[] };

export interface Candidate {
  questionId: string;
  versionId: string;
  bankId: string;
  topicIds: string[];
  difficulty: Difficulty;
  optionCount: number;
}

export interface DrawnQuestion {
  questionId: string;
  versionId: string;
  /** Shown option i is the version's option optionOrder[i]. */
  optionOrder: number[];
}

export type DrawResult =
  | { ok: true; questions: DrawnQuestion[] }
  | { ok: false; code: "NOT_ENOUGH_QUESTIONS"; rule: number; available: number; wanted: number };

/** A small seeded generator (mulberry32): the same seed gives the same draw. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

function matches(rule: BlueprintRule, candidate: Candidate): boolean {
  return (
    candidate.bankId === rule.bankId &&
    (!rule.topicId || candidate.topicIds.includes(rule.topicId)) &&
    (!rule.difficulty || candidate.difficulty === rule.difficulty)
  );
}

export function drawQuestions(
  blueprint: Blueprint,
  candidates: readonly Candidate[],
  options: { shuffleQuestions: boolean; shuffleOptions: boolean; random: () => number },
): DrawResult {
  const { random } = options;
  let chosen: Candidate[];
  if ("questionIds" in blueprint) {
    const byId = new Map(candidates.map((candidate) => [candidate.questionId, candidate]));
    chosen = blueprint.questionIds.flatMap((id) => byId.get(id) ?? []);
    if (chosen.length !== blueprint.questionIds.length) {
      return {
        ok: false,
        code: "NOT_ENOUGH_QUESTIONS",
        rule: 0,
        available: chosen.length,
        wanted: blueprint.questionIds.length,
      };
    }
  } else {
    // Rules are filled in order and never pick the same question twice.
    const taken = new Set<string>();
    chosen = [];
    for (const [index, rule] of blueprint.rules.entries()) {
      const pool = candidates.filter((candidate) => !taken.has(candidate.questionId) && matches(rule, candidate));
      if (pool.length < rule.count)
        return { ok: false, code: "NOT_ENOUGH_QUESTIONS", rule: index, available: pool.length, wanted: rule.count };
      for (const candidate of shuffle(pool, random).slice(0, rule.count)) {
        taken.add(candidate.questionId);
        chosen.push(candidate);
      }
    }
  }
  const ordered = options.shuffleQuestions ? shuffle(chosen, random) : chosen;
  return {
    ok: true,
    questions: ordered.map((candidate) => {
      const natural = Array.from({ length: candidate.optionCount }, (_, index) => index);
      return {
        questionId: candidate.questionId,
        versionId: candidate.versionId,
        optionOrder: options.shuffleOptions ? shuffle(natural, random) : natural,
      };
    }),
  };
}
