/**
 * Short-lived shared state: what Redis holds in production (rate-limit counters, later live
 * leaderboards and presence) and an in-process map holds on the embedded default. Everything
 * here can be rebuilt from PostgreSQL or may be lost; nothing here is the source of truth.
 *
 * Both implementations pass tests/integration/store-contract.test.ts.
 */
export interface ScoredMember {
  member: string;
  score: number;
}

/** One write of a batch given to `SharedStore.write`. */
export type StoreWrite =
  | { op: "set"; key: string; value: string }
  | { op: "zAdd"; key: string; members: readonly ScoredMember[] }
  | { op: "zRem"; key: string; members: readonly string[] }
  | { op: "hSet"; key: string; fields: Readonly<Record<string, string>> }
  | { op: "hDel"; key: string; fields: readonly string[] };

export interface SharedStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Atomically sets the key only if it does not exist; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Atomically increments; the TTL is set when the counter is created and not extended. */
  incr(key: string, ttlMs: number): Promise<number>;
  /** Remaining time to live in ms, or null when the key does not exist or never expires. */
  ttl(key: string): Promise<number | null>;
  zAdd(key: string, score: number, member: string): Promise<void>;
  zRem(key: string, member: string): Promise<void>;
  zScore(key: string, member: string): Promise<number | null>;
  /** Members ranked from the highest score, ties by member descending (as Redis ZREVRANGE). */
  zRangeDesc(key: string, start: number, stop: number): Promise<ScoredMember[]>;
  /** 0-based rank from the highest score, or null when absent. */
  zRankDesc(key: string, member: string): Promise<number | null>;
  zCard(key: string): Promise<number>;
  /** Adds or updates many members in one round trip (a board rebuild writes in batches). */
  zAddMany(key: string, members: readonly ScoredMember[]): Promise<void>;
  /** A field of a hash, or null when the hash or the field does not exist. */
  hGet(key: string, field: string): Promise<string | null>;
  /** Sets several fields of a hash in one round trip. */
  hSetMany(key: string, fields: Readonly<Record<string, string>>): Promise<void>;
  /** Several fields of a hash in one round trip, in the order asked (null where absent). */
  hGetMany(key: string, fields: readonly string[]): Promise<Array<string | null>>;
  hDel(key: string, field: string): Promise<void>;
  /**
   * Applies the writes in order, in one round trip and atomically: readers see all of them or
   * none (a board update never shows a contestant removed but not yet re-added). Writes with
   * nothing to write (no members, no fields) are skipped.
   */
  write(writes: readonly StoreWrite[]): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
