import { createHash } from "node:crypto";
import { foldDiacritics } from "~/utils/text";
import type { QuestionDraft } from "./draft";
import { stemToText } from "./html";

/** Lower case, no diacritics, single spaces: how search and duplicate checks see text. */
export function foldText(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** What the search index holds for a question: stem, options and citation, folded. */
export function searchTextOf(draft: QuestionDraft): string {
  const parts = [
    stemToText(draft.stem),
    ...draft.options.map((option) => option.text),
    draft.citation?.document ?? "",
    draft.citation?.number ?? "",
    draft.citation?.article ?? "",
    draft.externalId ?? "",
  ];
  return foldText(parts.join(" ")).slice(0, 20_000);
}

/** Identifies a stem regardless of case, accents, spacing and punctuation. */
export function stemKeyOf(stem: string): string {
  return createHash("sha256")
    .update(foldText(stemToText(stem)))
    .digest("hex")
    .slice(0, 32);
}

/** Words for a prefix full-text query: "luat dat" → "luat:* & dat:*". Null when nothing searchable. */
export function toPrefixTsQuery(query: string): string | null {
  const words = foldText(query)
    .split(" ")
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(" & ") : null;
}

/** Dice similarity of word bigrams, 0..1: how alike two stems read. */
export function stemSimilarity(a: string, b: string): number {
  const bigrams = (text: string) => {
    const words = foldText(stemToText(text)).split(" ");
    const result = new Map<string, number>();
    for (let i = 0; i < words.length - 1; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      result.set(key, (result.get(key) ?? 0) + 1);
    }
    if (words.length === 1) result.set(words[0], 1);
    return result;
  };
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [key, count] of left) {
    shared += Math.min(count, right.get(key) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}
