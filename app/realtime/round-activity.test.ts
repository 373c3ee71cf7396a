import type { Server } from "socket.io";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "~/runtime.server";
import { DomainEvents } from "./bus.server";
import { startActivityPublisher } from "./round-activity.server";

/** The part of Socket.IO's server the publisher uses, recording what it tells other processes. */
function recordingServer() {
  const toOthers: unknown[][] = [];
  const server = {
    serverSideEmit: (...args: unknown[]) => toOthers.push(args),
    on: () => {},
    of: () => ({ adapter: { rooms: new Map<string, Set<string>>() } }),
    local: { to: () => ({ emit: () => {} }) },
  };
  return { io: server as unknown as Server, toOthers };
}

describe("the round activity publisher", () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it("tells the other processes about a round once per second, not once per attempt", async () => {
    vi.useFakeTimers();
    const { io, toOthers } = recordingServer();
    const events = new DomainEvents();
    const runtime = { store: { kind: "redis" }, events, logger: console } as unknown as Runtime;
    stop = startActivityPublisher(io, runtime).stop;

    // A round's opening: thousands of starts within a second, in two rounds.
    for (let i = 0; i < 2_000; i++) {
      events.emit("attemptStarted", {
        attemptId: `a${i}`,
        roundId: i % 2 ? "round-1" : "round-2",
        userId: `u${i}`,
        at: new Date(),
      });
    }
    expect(toOthers).toEqual([
      ["activity:dirty", "round-2"],
      ["activity:dirty", "round-1"],
    ]);

    // After the next flush, the next second's attempts are told again.
    await vi.advanceTimersByTimeAsync(1_000);
    events.emit("attemptClosed", { attemptId: "a0", roundId: "round-2", userId: "u0", at: new Date() });
    events.emit("attemptClosed", { attemptId: "a2", roundId: "round-2", userId: "u2", at: new Date() });
    expect(toOthers).toHaveLength(3);
    expect(toOthers[2]).toEqual(["activity:dirty", "round-2"]);
  });

  it("tells nobody with the in-process store (one process)", () => {
    const { io, toOthers } = recordingServer();
    const events = new DomainEvents();
    stop = startActivityPublisher(io, { store: { kind: "memory" }, events } as unknown as Runtime).stop;
    events.emit("attemptStarted", { attemptId: "a", roundId: "round-1", userId: "u", at: new Date() });
    expect(toOthers).toHaveLength(0);
  });
});
