import type { Candidate } from "./draw";

/**
 * In-process caches for the round-start storm (issue 8, docs/performance.md): what every
 * contestant of a round would otherwise read again from PostgreSQL.
 *
 * - A blueprint's candidate questions, for CANDIDATES_TTL_MS: thousands of starts within a
 *   second draw from the same approved questions. A question approved or retired meanwhile is
 *   seen at most that much later, by attempts started in that window only.
 * - An attempt's questions (version, points, option order and type, fixed when the attempt is
 *   created and never changed) and owner, so saving an answer is one statement. Status and
 *   deadline are not cached: the saving statement itself checks them.
 * Each process keeps its own; nothing here needs invalidating across processes.
 */
export const CANDIDATES_TTL_MS = 30_000;
const candidates = new Map<string, { at: number; value: Promise<Candidate[]> }>();

export function cachedCandidates(
  key: string,
  load: () => Promise<Candidate[]>,
  now = Date.now(),
): Promise<Candidate[]> {
  const hit = candidates.get(key);
  if (hit && now - hit.at < CANDIDATES_TTL_MS) return hit.value;
  const value = load();
  candidates.set(key, { at: now, value });
  // A failed read is not kept: the next start reads again.
  value.catch(() => candidates.get(key)?.value === value && candidates.delete(key));
  if (candidates.size > 1_000) candidates.delete(candidates.keys().next().value as string);
  return value;
}

export interface AttemptShape {
  userId: string;
  questions: Map<number, { optionOrder: number[]; type: string; versionId: string; points: number }>;
}

const ATTEMPTS_KEPT = 50_000;
const attempts = new Map<string, AttemptShape>();

export function cachedAttemptShape(attemptId: string): AttemptShape | undefined {
  return attempts.get(attemptId);
}

export function rememberAttemptShape(attemptId: string, shape: AttemptShape): void {
  attempts.delete(attemptId);
  attempts.set(attemptId, shape);
  if (attempts.size > ATTEMPTS_KEPT) attempts.delete(attempts.keys().next().value as string);
}

/**
 * Question versions as drawn into attempts: never changed once written (an edit makes a new
 * version), so kept without expiry, the least recently stored dropped first. A round's start
 * builds every contestant's page from these instead of reading each attempt's questions back.
 */
export interface VersionContent {
  type: string;
  stem: string;
  options: Array<{ text: string; correct: boolean }>;
}
const VERSIONS_KEPT = 20_000;
const versions = new Map<string, VersionContent>();

export function cachedVersion(versionId: string): VersionContent | undefined {
  return versions.get(versionId);
}

export function rememberVersion(versionId: string, content: VersionContent): void {
  versions.set(versionId, content);
  if (versions.size > VERSIONS_KEPT) versions.delete(versions.keys().next().value as string);
}

/** For tests: forget everything. */
export function clearHotCaches(): void {
  candidates.clear();
  attempts.clear();
  versions.clear();
}
