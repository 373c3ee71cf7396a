import type { ScoredMember, SharedStore, StoreWrite } from "./store.server";

/** A hash's fields, wrapped so that it is not mistaken for a sorted set (both are Maps). */
interface Hash {
  fields: Map<string, string>;
}

interface Entry {
  value: string | Map<string, number> | Hash;
  expiresAt: number | null;
}

/**
 * The in-process fallback used when REDIS_URL is unset. Correct for one process only:
 * several app processes must share a Redis.
 */
export class MemoryStore implements SharedStore {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, Entry>();
  /** Sorted sets in rank order, kept until the set changes: boards are read far more than written. */
  private readonly rankedCache = new WeakMap<Map<string, number>, ScoredMember[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Expired keys are also dropped on read; the sweep only bounds memory.
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  async get(key: string): Promise<string | null> {
    const value = this.live(key)?.value;
    return typeof value === "string" ? value : null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: ttlMs ? this.now() + ttlMs : null });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async incr(key: string, ttlMs: number): Promise<number> {
    const entry = this.live(key);
    if (!entry) {
      this.entries.set(key, { value: "1", expiresAt: this.now() + ttlMs });
      return 1;
    }
    const next = Number(entry.value) + 1;
    entry.value = String(next);
    return next;
  }

  async ttl(key: string): Promise<number | null> {
    const entry = this.live(key);
    if (!entry || entry.expiresAt === null) return null;
    return Math.max(0, entry.expiresAt - this.now());
  }

  async zAdd(key: string, score: number, member: string): Promise<void> {
    const set = this.sortedSet(key, true) as Map<string, number>;
    set.set(member, score);
    this.rankedCache.delete(set);
  }

  async zAddMany(key: string, members: readonly ScoredMember[]): Promise<void> {
    this.zAddSync(key, members);
  }

  async hGet(key: string, field: string): Promise<string | null> {
    return this.hash(key, false)?.get(field) ?? null;
  }

  async hSetMany(key: string, fields: Readonly<Record<string, string>>): Promise<void> {
    this.hSetSync(key, fields);
  }

  async hGetMany(key: string, fields: readonly string[]): Promise<Array<string | null>> {
    const hash = this.hash(key, false);
    return fields.map((field) => hash?.get(field) ?? null);
  }

  async hDel(key: string, field: string): Promise<void> {
    this.hDelMany(key, [field]);
  }

  async write(writes: readonly StoreWrite[]): Promise<void> {
    // Every key's type is checked first, so a failing batch leaves nothing half-written.
    for (const write of writes) {
      if (write.op === "zAdd" || write.op === "zRem") this.sortedSet(write.key, false);
      if (write.op === "hSet" || write.op === "hDel") this.hash(write.key, false);
    }
    // Synchronous from here on: nothing else in this process runs between two of the writes.
    for (const write of writes) {
      if (write.op === "set") this.entries.set(write.key, { value: write.value, expiresAt: null });
      else if (write.op === "zAdd") this.zAddSync(write.key, write.members);
      else if (write.op === "zRem") this.zRemSync(write.key, write.members);
      else if (write.op === "hSet") this.hSetSync(write.key, write.fields);
      else this.hDelMany(write.key, write.fields);
    }
  }

  async zRem(key: string, member: string): Promise<void> {
    this.zRemSync(key, [member]);
  }

  async zScore(key: string, member: string): Promise<number | null> {
    return this.sortedSet(key, false)?.get(member) ?? null;
  }

  async zRangeDesc(key: string, start: number, stop: number): Promise<ScoredMember[]> {
    const ranked = this.ranked(key);
    const end = stop < 0 ? ranked.length + stop + 1 : stop + 1;
    return ranked.slice(start, end).map((entry) => ({ ...entry }));
  }

  async zRankDesc(key: string, member: string): Promise<number | null> {
    const index = this.ranked(key).findIndex((entry) => entry.member === member);
    return index === -1 ? null : index;
  }

  async zCard(key: string): Promise<number> {
    return this.sortedSet(key, false)?.size ?? 0;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  private zAddSync(key: string, members: readonly ScoredMember[]): void {
    if (members.length === 0) return;
    const set = this.sortedSet(key, true) as Map<string, number>;
    for (const { member, score } of members) set.set(member, score);
    this.rankedCache.delete(set);
  }

  private zRemSync(key: string, members: readonly string[]): void {
    const set = this.sortedSet(key, false);
    if (!set) return;
    let removed = false;
    for (const member of members) removed = set.delete(member) || removed;
    if (removed) this.rankedCache.delete(set);
  }

  private hSetSync(key: string, fields: Readonly<Record<string, string>>): void {
    const entries = Object.entries(fields);
    if (entries.length === 0) return;
    const hash = this.hash(key, true) as Map<string, string>;
    for (const [field, value] of entries) hash.set(field, value);
  }

  private hDelMany(key: string, fields: readonly string[]): void {
    const hash = this.hash(key, false);
    if (!hash) return;
    for (const field of fields) hash.delete(field);
    if (hash.size === 0) this.entries.delete(key);
  }

  private ranked(key: string): ScoredMember[] {
    const set = this.sortedSet(key, false);
    if (!set) return [];
    let ranked = this.rankedCache.get(set);
    if (!ranked) {
      ranked = [...set]
        .map(([member, score]) => ({ member, score }))
        .sort((a, b) => b.score - a.score || (a.member < b.member ? 1 : a.member > b.member ? -1 : 0));
      this.rankedCache.set(set, ranked);
    }
    return ranked;
  }

  private hash(key: string, create: boolean): Map<string, string> | null {
    const entry = this.live(key);
    if (entry) {
      if (typeof entry.value === "string" || entry.value instanceof Map)
        throw new Error(`WRONGTYPE: ${key} is not a hash`);
      return entry.value.fields;
    }
    if (!create) return null;
    const fields = new Map<string, string>();
    this.entries.set(key, { value: { fields }, expiresAt: null });
    return fields;
  }

  private sortedSet(key: string, create: boolean): Map<string, number> | null {
    const entry = this.live(key);
    if (entry) {
      if (!(entry.value instanceof Map)) throw new Error(`WRONGTYPE: ${key} is not a sorted set`);
      return entry.value;
    }
    if (!create) return null;
    const set = new Map<string, number>();
    this.entries.set(key, { value: set, expiresAt: null });
    return set;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}
