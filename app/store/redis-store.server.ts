import { Redis } from "ioredis";
import type { ScoredMember, SharedStore, StoreWrite } from "./store.server";

// INCR and set the TTL only when the counter is new, in one atomic step.
const INCR_WITH_TTL = `
local value = redis.call('INCR', KEYS[1])
if value == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return value`;

/** Redis refuses ZADD, ZREM, HSET and HDEL without members or fields. */
function writesSomething(write: StoreWrite): boolean {
  switch (write.op) {
    case "set":
      return true;
    case "zAdd":
    case "zRem":
      return write.members.length > 0;
    case "hSet":
      return Object.keys(write.fields).length > 0;
    case "hDel":
      return write.fields.length > 0;
  }
}

export class RedisStore implements SharedStore {
  readonly kind = "redis" as const;

  /** `prefix` namespaces every key (e.g. "la:" in production, a random one per test run). */
  constructor(readonly client: Redis) {}

  /**
   * `onError` hears connection errors (Redis down, restarting): ioredis reconnects by itself,
   * commands meanwhile fail after two retries and callers fall back; without a listener each
   * reconnect attempt would print an "Unhandled error event".
   */
  static connect(url: string, prefix = "la:", onError: (error: Error) => void = () => {}): RedisStore {
    const client = new Redis(url, {
      keyPrefix: prefix,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    client.on("error", onError);
    return new RedisStore(client);
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.client.set(key, value, "PX", ttlMs);
    else await this.client.set(key, value);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(key, value, "PX", ttlMs, "NX")) === "OK";
  }

  async del(key: string): Promise<void> {
    await this.client.del(key);
  }

  async incr(key: string, ttlMs: number): Promise<number> {
    return Number(await this.client.eval(INCR_WITH_TTL, 1, key, ttlMs));
  }

  async ttl(key: string): Promise<number | null> {
    const remaining = await this.client.pttl(key);
    return remaining < 0 ? null : remaining;
  }

  async zAdd(key: string, score: number, member: string): Promise<void> {
    await this.client.zadd(key, score, member);
  }

  async zRem(key: string, member: string): Promise<void> {
    await this.client.zrem(key, member);
  }

  async zScore(key: string, member: string): Promise<number | null> {
    const score = await this.client.zscore(key, member);
    return score === null ? null : Number(score);
  }

  async zRangeDesc(key: string, start: number, stop: number): Promise<ScoredMember[]> {
    const flat = await this.client.zrevrange(key, start, stop, "WITHSCORES");
    const result: ScoredMember[] = [];
    for (let i = 0; i < flat.length; i += 2) result.push({ member: flat[i], score: Number(flat[i + 1]) });
    return result;
  }

  async zRankDesc(key: string, member: string): Promise<number | null> {
    return this.client.zrevrank(key, member);
  }

  async zCard(key: string): Promise<number> {
    return this.client.zcard(key);
  }

  async zAddMany(key: string, members: readonly ScoredMember[]): Promise<void> {
    if (members.length === 0) return;
    await this.client.zadd(key, ...members.flatMap(({ member, score }) => [score, member]));
  }

  async hGet(key: string, field: string): Promise<string | null> {
    return this.client.hget(key, field);
  }

  async hSetMany(key: string, fields: Readonly<Record<string, string>>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await this.client.hset(key, fields);
  }

  async hGetMany(key: string, fields: readonly string[]): Promise<Array<string | null>> {
    if (fields.length === 0) return [];
    return this.client.hmget(key, ...fields);
  }

  async hDel(key: string, field: string): Promise<void> {
    await this.client.hdel(key, field);
  }

  async write(writes: readonly StoreWrite[]): Promise<void> {
    const nonEmpty = writes.filter(writesSomething);
    if (nonEmpty.length === 0) return;
    // MULTI…EXEC: sent together, run by Redis with nothing in between.
    const transaction = this.client.multi();
    for (const write of nonEmpty) {
      if (write.op === "set") transaction.set(write.key, write.value);
      else if (write.op === "zAdd")
        transaction.zadd(write.key, ...write.members.flatMap(({ member, score }) => [score, member]));
      else if (write.op === "zRem") transaction.zrem(write.key, ...write.members);
      else if (write.op === "hSet") transaction.hset(write.key, write.fields);
      else transaction.hdel(write.key, ...write.fields);
    }
    const results = await transaction.exec();
    if (!results) throw new Error("Redis discarded the transaction");
    // EXEC runs the other commands even when one fails (a key of the wrong type): that one is thrown.
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
