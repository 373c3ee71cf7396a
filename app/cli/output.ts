import { createI18n } from "~/i18n/i18n";

/**
 * How every CLI command reports, so cron jobs and scripts can rely on it:
 *
 * - `--json`: exactly one JSON value on stdout, nothing else (logs go to stderr, and only
 *   with `--verbose`);
 * - otherwise: lines for a person, data errors in Vietnamese as in the web UI;
 * - the exit code says what happened (EXIT below).
 */
export const EXIT = {
  /** Done (also: nothing to do, e.g. `seed` on a database that already has data). */
  OK: 0,
  /** Bad input: a file or option failed validation, an account already exists, … Nothing was written. */
  INVALID: 1,
  /** Usage error: unknown command or option, missing argument (reported by commander). */
  USAGE: 2,
  /** Unexpected failure: database unreachable, migration failed, a bug. */
  FAILED: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandResult {
  exitCode: ExitCode;
  /** Printed with --json. */
  json: unknown;
  /** Printed otherwise, one line each. */
  lines: string[];
}

export interface OutputOptions {
  json?: boolean;
}

/** Vietnamese text of an i18n key, the same text the web UI shows. */
const vi = createI18n("vi");
export function translate(key: string, params?: Record<string, unknown>): string {
  return vi.t(key, params ?? {});
}

export function print(result: CommandResult, options: OutputOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
  } else if (result.lines.length > 0) {
    const stream = result.exitCode === EXIT.OK ? process.stdout : process.stderr;
    stream.write(`${result.lines.join("\n")}\n`);
  }
}

/** An unexpected error, reported in the same shape as the command's own output. */
export function failure(error: unknown): CommandResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.FAILED,
    json: { ok: false, error: { code: "FAILED", message } },
    lines: [`Lỗi: ${message}`],
  };
}
