import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("writes requests that arrive together in one batch, and each gets its own result", async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>({
      maxBatch: 100,
      run: async (items) => {
        batches.push(items);
        return items.map((item) => item * 2);
      },
    });
    expect(await Promise.all([1, 2, 3].map((item) => commit.submit(item)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("collects what arrives while a batch runs into the next one, up to the batch size", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    const commit = new GroupCommit<number, number>({
      maxBatch: 2,
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await firstHeld;
        return items;
      },
    });
    const first = commit.submit(0);
    await tick();
    const later = [1, 2, 3].map((item) => commit.submit(item));
    await tick();
    expect(commit.backlog).toBe(3);
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3]);
    expect(batches).toEqual([[0], [1, 2], [3]]);
  });

  it("rejects every request of a failed batch and carries on with the next", async () => {
    let calls = 0;
    const commit = new GroupCommit<string, string>({
      maxBatch: 10,
      run: async (items) => {
        calls++;
        if (calls === 1) throw new Error("connection lost");
        return items;
      },
    });
    const failed = await Promise.allSettled([commit.submit("a"), commit.submit("b")]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await commit.submit("c")).toBe("c");
  });

  it("refuses a run that returns the wrong number of results rather than answer anyone wrongly", async () => {
    const commit = new GroupCommit<number, number>({ maxBatch: 10, run: async () => [1] });
    const results = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
    expect(results.every((result) => result.status === "rejected")).toBe(true);
  });

  it("runs up to its concurrency of batches at once", async () => {
    let inFlight = 0;
    let most = 0;
    const commit = new GroupCommit<number, number>({
      maxBatch: 1,
      concurrency: 2,
      run: async (items) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return items;
      },
    });
    await Promise.all([1, 2, 3, 4, 5].map((item) => commit.submit(item)));
    expect(most).toBe(2);
  });
});
