/** Percentiles and a readable table: what every scenario prints. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index] * 10) / 10;
}

export function summary(values: number[]) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

export function printTable(title: string, rows: Array<[string, string | number | null]>): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${title}`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value ?? "—"}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items` with at most `limit` at once. */
export async function inBatches<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  });
  await Promise.all(workers);
}

/**
 * How late a 10 ms timer fires in this process, sampled until stop(until): the p99 and the
 * maximum of the samples taken up to `until`.
 */
export function sampleEventLoopLag() {
  const samples: Array<{ at: number; lag: number }> = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push({ at: now, lag: Math.max(0, now - expected) });
    expected = now + 10;
  }, 10);
  return {
    stop(until: number): { p99: number | null; max: number | null } {
      clearInterval(timer);
      const lags = samples.filter((sample) => sample.at <= until).map((sample) => sample.lag);
      const max = lags.length > 0 ? Math.round(Math.max(...lags)) : null;
      const p99 = percentile(lags, 99);
      return { p99: p99 === null ? null : Math.round(p99), max };
    },
  };
}
