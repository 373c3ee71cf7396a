import { readFileSync } from "node:fs";

/**
 * CPU time and memory of the server under test, from /proc: CPU as seconds used (user + system)
 * between two readings, memory as the kernel's resident high-water mark. Given several processes
 * (`--processes`), the figures are their sum; the summed peaks are an upper bound, since the
 * processes need not peak at the same moment.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Pids = number | readonly number[];
const each = (pids: Pids): readonly number[] => (typeof pids === "number" ? [pids] : pids);

export function cpuSeconds(pids: Pids): number {
  let ticks = 0;
  for (const pid of each(pids)) {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks / TICKS_PER_SECOND;
}

export function memoryMb(pids: Pids): { rssMb: number; peakRssMb: number } {
  let rssKb = 0;
  let peakKb = 0;
  for (const pid of each(pids)) {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
    rssKb += kb("VmRSS");
    peakKb += kb("VmHWM");
  }
  return { rssMb: Math.round(rssKb / 1024), peakRssMb: Math.round(peakKb / 1024) };
}

/** Samples the processes every `everyMs`: the busiest second's CPU and the CPU over a window. */
export function watchProcess(pid: Pids, everyMs = 1000) {
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
