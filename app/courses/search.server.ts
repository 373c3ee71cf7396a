import { foldText } from "~/questions/text";

/** What the catalogue searches: title, summary, category and audience folded (no diacritics). */
export function courseSearchText(course: {
  title: string;
  summary: string | null;
  category: string;
  audience: string[];
}) {
  return foldText([course.title, course.summary ?? "", course.category, ...course.audience].join(" ")).slice(0, 10_000);
}
