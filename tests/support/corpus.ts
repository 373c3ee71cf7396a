import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Moodle's own question-format test files live in the read-only shared folder beside the
 * repository (../shared/corpus), as they do in CI. They are not copied into the repository.
 */
export function corpusFile(name: string): string {
  const candidates = [
    path.resolve(process.cwd(), "../shared/corpus/moodle", name),
    path.resolve("/work/shared/corpus/moodle", name),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(
      `Moodle corpus file ${name} not found; expected it in ../shared/corpus/moodle beside the repository`,
    );
  return found;
}
