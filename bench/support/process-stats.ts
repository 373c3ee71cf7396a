import { readFileSync } from "node:fs";

/**
 * CPU time and memory of a process (the server under test), from /proc: CPU as seconds used
 * (user + system) between two readings, memory as the kernel's resident high-water mark.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
}

export function memoryMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
}

/** Samples a process every `everyMs`: the busiest second's CPU and the CPU over a window. */
export function watchProcess(pid: number, everyMs = 1000) {
  let last = { at: performance.now(), cpu: cpuSeconds(pid) };
  let busiest = 0;
  const timer = setInterval(() => {
    try {
      const now = { at: performance.now(), cpu: cpuSeconds(pid) };
      busiest = Math.max(busiest, (now.cpu - last.cpu) / ((now.at - last.at) / 1000));
      last = now;
    } catch {
      // the process ended
    }
  }, everyMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    busiestCorePercent: () => Math.round(busiest * 100),
  };
}
