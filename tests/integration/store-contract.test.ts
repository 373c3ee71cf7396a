import { afterAll, describe, expect, it } from "vitest";
import { MemoryStore } from "~/store/memory-store.server";
import { RateLimiter } from "~/store/rate-limit.server";
import { RedisStore } from "~/store/redis-store.server";
import type { SharedStore } from "~/store/store.server";
import { testRedisPrefix } from "../support/runtime";

/**
 * One contract, two implementations: whatever the app relies on from Redis must hold for the
 * in-process fallback too. The Redis half runs when TEST_REDIS_URL is set (always in CI);
 * it uses a random key prefix and never flushes the database.
 */
const implementations: Array<[string, () => SharedStore]> = [["memory", () => new MemoryStore()]];
if (process.env.TEST_REDIS_URL) {
  implementations.push(["redis", () => RedisStore.connect(process.env.TEST_REDIS_URL as string, testRedisPrefix())]);
} else {
  it.skip("Redis implementation (set TEST_REDIS_URL to run it)", () => {});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(implementations)("SharedStore contract: %s", (_name, create) => {
  const store = create();
  afterAll(() => store.close());

  it("gets, sets with expiry and deletes", async () => {
    expect(await store.get("k1")).toBeNull();
    await store.set("k1", "một");
    expect(await store.get("k1")).toBe("một");
    await store.set("k2", "v", 50);
    expect(await store.ttl("k2")).toBeGreaterThan(0);
    await sleep(80);
    expect(await store.get("k2")).toBeNull();
    await store.del("k1");
    expect(await store.get("k1")).toBeNull();
    expect(await store.ttl("k1")).toBeNull();
  });

  it("setIfAbsent lets exactly one of many concurrent callers win", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent("lock", String(i), 1000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("increments atomically and keeps the first expiry", async () => {
    const values = await Promise.all(Array.from({ length: 50 }, () => store.incr("counter", 1000)));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const ttl = await store.ttl("counter");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
  });

  it("ranks sorted-set members by score, ties by member descending", async () => {
    await store.zAdd("board", 10, "an");
    await store.zAdd("board", 30, "binh");
    await store.zAdd("board", 20, "chi");
    await store.zAdd("board", 20, "dung");
    await store.zAdd("board", 5, "an"); // update, not duplicate
    expect(await store.zCard("board")).toBe(4);
    expect(await store.zRangeDesc("board", 0, -1)).toEqual([
      { member: "binh", score: 30 },
      { member: "dung", score: 20 },
      { member: "chi", score: 20 },
      { member: "an", score: 5 },
    ]);
    expect(await store.zRangeDesc("board", 1, 2)).toHaveLength(2);
    expect(await store.zRankDesc("board", "chi")).toBe(2);
    expect(await store.zRankDesc("board", "nobody")).toBeNull();
    expect(await store.zScore("board", "an")).toBe(5);
    await store.zRem("board", "an");
    expect(await store.zScore("board", "an")).toBeNull();
    expect(await store.zRangeDesc("missing", 0, 10)).toEqual([]);
  });

  it("adds many sorted-set members at once, updating existing ones", async () => {
    await store.zAdd("many", 1, "old");
    await store.zAddMany("many", [
      { member: "old", score: 7 },
      { member: "b", score: 3 },
      { member: "a", score: 3 },
    ]);
    await store.zAddMany("many", []);
    expect(await store.zRangeDesc("many", 0, -1)).toEqual([
      { member: "old", score: 7 },
      { member: "b", score: 3 },
      { member: "a", score: 3 },
    ]);
    await store.zRem("many", "b");
    expect(await store.zRankDesc("many", "a")).toBe(1);
    await store.del("many");
    expect(await store.zCard("many")).toBe(0);
  });

  it("keeps hash fields, set many at once and deleted one by one", async () => {
    expect(await store.hGet("hash", "an")).toBeNull();
    await store.hSetMany("hash", { an: "1", binh: "hai" });
    await store.hSetMany("hash", { an: "một" });
    await store.hSetMany("hash", {});
    expect(await store.hGet("hash", "an")).toBe("một");
    expect(await store.hGet("hash", "binh")).toBe("hai");
    await store.hDel("hash", "an");
    expect(await store.hGet("hash", "an")).toBeNull();
    await store.del("hash");
    expect(await store.hGet("hash", "binh")).toBeNull();
  });

  it("reads many hash fields at once, in the order asked", async () => {
    await store.hSetMany("fields", { an: "1", binh: "2" });
    expect(await store.hGetMany("fields", ["binh", "nobody", "an"])).toEqual(["2", null, "1"]);
    expect(await store.hGetMany("fields", [])).toEqual([]);
    expect(await store.hGetMany("no-such-hash", ["an"])).toEqual([null]);
    await store.del("fields");
  });

  it("applies a batch of writes in order, skipping empty ones", async () => {
    await store.zAddMany("batch:rank", [
      { member: "an:old", score: 1 },
      { member: "binh", score: 2 },
    ]);
    await store.hSetMany("batch:entries", { an: "old", binh: "2", chi: "3" });
    await store.write([
      { op: "zRem", key: "batch:rank", members: ["an:old", "nobody"] },
      { op: "zAdd", key: "batch:rank", members: [{ member: "an:new", score: 5 }] },
      { op: "zAdd", key: "batch:rank", members: [] },
      { op: "zRem", key: "batch:rank", members: [] },
      // Removed then added again in one batch: listed afterwards.
      { op: "zRem", key: "batch:rank", members: ["binh"] },
      { op: "zAdd", key: "batch:rank", members: [{ member: "binh", score: 3 }] },
      { op: "hSet", key: "batch:entries", fields: { an: "new" } },
      { op: "hSet", key: "batch:entries", fields: {} },
      { op: "hDel", key: "batch:entries", fields: ["chi", "nobody"] },
      { op: "hDel", key: "batch:entries", fields: [] },
      { op: "set", key: "batch:meta", value: "v2" },
    ]);
    await store.write([]);
    expect(await store.zRangeDesc("batch:rank", 0, -1)).toEqual([
      { member: "an:new", score: 5 },
      { member: "binh", score: 3 },
    ]);
    expect(await store.hGetMany("batch:entries", ["an", "binh", "chi"])).toEqual(["new", "2", null]);
    expect(await store.get("batch:meta")).toBe("v2");
    // A write to a key of another type fails the batch, and says so.
    await expect(
      store.write([{ op: "zAdd", key: "batch:entries", members: [{ member: "x", score: 1 }] }]),
    ).rejects.toThrow(/WRONGTYPE/);
    for (const key of ["batch:rank", "batch:entries", "batch:meta"]) await store.del(key);
  });

  it("answers ping", async () => {
    expect(await store.ping()).toBe(true);
  });

  it("rate-limits with the same decisions", async () => {
    const limiter = new RateLimiter(store, { name: `contract-${Date.now()}`, points: 3, durationSeconds: 60 });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.consume("ip-1"));
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    const blocked = decisions[3];
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.check("ip-1")).allowed).toBe(false);
    expect((await limiter.consume("ip-2")).allowed).toBe(true);
    await limiter.reset("ip-1");
    expect((await limiter.consume("ip-1")).allowed).toBe(true);
  });
});
