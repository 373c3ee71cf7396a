import v8 from "node:v8";
import vm from "node:vm";

/**
 * The load generator's own full garbage collection, run before a measured phase: it holds
 * thousands of sockets, and after the log-ins a collection of its heap can pause it for a few
 * hundred milliseconds, which would show as the server's latency (the bench's p99 at a step).
 */
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

export function settleLoadGenerator(): void {
  collect();
}
