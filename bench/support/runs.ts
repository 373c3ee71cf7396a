import os from "node:os";

/**
 * Repeats a scenario and reports the medians of its figures (issue 8: medians of at least 3
 * runs, with the machine's noise): the first run's fields, each of `fields` replaced by the
 * median over the runs, errors and lost answers summed, the spread (max − min) of each median
 * field, every run in full, and the load average before each.
 */
export async function repeated<T extends Record<string, unknown>>(
  runs: number,
  once: (index: number) => Promise<T>,
  fields: ReadonlyArray<keyof T & string>,
): Promise<T | (T & Record<string, unknown>)> {
  const results: T[] = [];
  const loads: number[] = [];
  for (let index = 0; index < runs; index++) {
    loads.push(Math.round(os.loadavg()[0] * 10) / 10);
    if (runs > 1) console.log(`\nrun ${index + 1}/${runs}`);
    results.push(await once(index));
  }
  if (results.length === 1) return results[0];
  const known = (field: string) =>
    results
      .map((result) => result[field])
      .filter((value): value is number => typeof value === "number")
      .sort((a, b) => a - b);
  const median = (field: string) => {
    const values = known(field);
    return values.length === 0 ? null : values[Math.floor((values.length - 1) / 2)];
  };
  const spread = (field: string) => {
    const values = known(field);
    return values.length === 0 ? null : Math.round((values[values.length - 1] - values[0]) * 1000) / 1000;
  };
  const sum = (field: string) => (known(field).length === 0 ? null : known(field).reduce((a, b) => a + b, 0));
  return {
    ...results[0],
    ...Object.fromEntries(fields.map((field) => [field, median(field)])),
    errors: sum("errors"),
    lost_answers: sum("lost_answers"),
    medians_of: results.length,
    spread: Object.fromEntries(fields.map((field) => [field, spread(field)])),
    load_average_before_each: loads,
    runs: results,
  };
}
