import { describe, expect, it } from "vitest";
import { HANDOVER_TTL_MS, type HandedOverPage, handOver, takeHandover } from "./attempt-handover";

const page = (remainingMs: number): HandedOverPage => ({
  id: "attempt-1",
  roundId: "round-1",
  status: "IN_PROGRESS",
  serverNow: "2026-01-01T00:00:00.000Z",
  remainingMs,
  questions: [{ position: 0, type: "SINGLE_CHOICE", stem: "<p>Câu hỏi</p>", options: ["A", "B"], selected: [] }],
  predictionEnabled: false,
  roundName: "Đợt 1",
});

describe("the attempt page's data handed over by a socket start", () => {
  it("is taken once, by its attempt only", () => {
    handOver("attempt-1", page(600_000), 1_000);
    expect(takeHandover("attempt-2", 1_000)).toBeNull();
    expect(takeHandover("attempt-1", 1_000)).toEqual(page(600_000));
    expect(takeHandover("attempt-1", 1_000)).toBeNull();
  });

  it("counts the wait for the page against the time left", () => {
    handOver("attempt-1", page(600_000), 1_000);
    expect(takeHandover("attempt-1", 3_500)?.remainingMs).toBe(597_500);
    handOver("attempt-1", page(1_000), 1_000);
    expect(takeHandover("attempt-1", 3_000)?.remainingMs).toBe(0);
  });

  it("is dropped when stale (the page then asks the server)", () => {
    handOver("attempt-1", page(600_000), 1_000);
    expect(takeHandover("attempt-1", 1_001 + HANDOVER_TTL_MS)).toBeNull();
    // Gone, not kept for a later try.
    expect(takeHandover("attempt-1", 1_000)).toBeNull();
  });

  it("a newer start replaces an older one", () => {
    handOver("attempt-1", page(600_000), 1_000);
    handOver("attempt-2", page(500_000), 1_000);
    expect(takeHandover("attempt-1", 1_000)).toBeNull();
    expect(takeHandover("attempt-2", 1_000)?.remainingMs).toBe(500_000);
  });
});
