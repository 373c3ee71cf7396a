/** A count option (--runs, --processes, …): a whole number of at least 1, else a clear error. */
export function countOption(name: string, value: string | boolean | undefined): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--${name} takes a whole number of at least 1, not "${String(value)}"`);
  return count;
}
