import { DIFFICULTIES, type Difficulty } from "~/questions/draft";

/** What a round's draw rules can draw from, shared by the round form and its loader. */
export type DifficultyCounts = Record<Difficulty, number>;

export interface TopicAvailability {
  id: string;
  name: string;
  total: number;
  byDifficulty: DifficultyCounts;
}

export interface BankAvailability {
  id: string;
  name: string;
  nodeName: string;
  readOnly: boolean;
  total: number;
  byDifficulty: DifficultyCounts;
  topics: TopicAvailability[];
}

export interface FixedQuestionChoice {
  id: string;
  bankId: string;
  text: string;
  difficulty: Difficulty;
}

/** How many approved questions a rule can draw from (before other rules take their share). */
export function availableFor(
  banks: readonly BankAvailability[],
  rule: { bankId: string; topicId?: string | null; difficulty?: string | null },
): number {
  const bank = banks.find((candidate) => candidate.id === rule.bankId);
  if (!bank) return 0;
  const scope = rule.topicId ? bank.topics.find((topic) => topic.id === rule.topicId) : bank;
  if (!scope) return 0;
  return rule.difficulty && (DIFFICULTIES as readonly string[]).includes(rule.difficulty)
    ? scope.byDifficulty[rule.difficulty as Difficulty]
    : scope.total;
}
