import type { CurrentUser } from "~/auth/guards.server";
import { type StartedRuntime, type StartOptions, startRuntime } from "~/boot.server";
import { type Env, parseEnv } from "~/env.server";
import { createLogger } from "~/utils/logger.server";
import { type CommandResult, failure, type OutputOptions, print } from "./output";

export interface GlobalOptions extends OutputOptions {
  verbose?: boolean;
}

/**
 * The actor of CLI commands: the province's operator acting as the system, with rights over
 * the whole tree. Its id is never written anywhere — domain functions called for it audit
 * with `actorId: null` (shown as "Hệ thống" in the audit log).
 */
export const SYSTEM_ACTOR: CurrentUser = {
  id: "system",
  fullName: "Hệ thống (CLI)",
  email: null,
  phone: null,
  locale: "vi",
  mustChangePassword: false,
  sessionId: "cli",
  grants: [{ role: "ADMIN", orgNodeId: "", orgNodePath: "/" }],
};

/**
 * Environment as the server reads it, except that logs are silenced unless --verbose: stdout
 * belongs to the command's output.
 */
export function cliEnv(options: GlobalOptions): Env {
  const level = process.env.LOG_LEVEL && process.env.LOG_LEVEL !== "silent" ? process.env.LOG_LEVEL : "info";
  return parseEnv({ ...process.env, LOG_LEVEL: options.verbose ? level : "silent" });
}

/**
 * Starts the runtime (PostgreSQL from DATABASE_URL, or the embedded database — attached to the
 * running server if it holds it), runs the command, prints its result and closes everything.
 * Sets process.exitCode; main.ts ends the process.
 */
export async function runWithRuntime(
  options: GlobalOptions,
  command: (runtime: StartedRuntime) => Promise<CommandResult>,
  startOptions: Pick<StartOptions, "migrate"> = {},
): Promise<void> {
  let result: CommandResult;
  let runtime: StartedRuntime | null = null;
  try {
    const env = cliEnv(options);
    runtime = await startRuntime(env, {
      ...startOptions,
      logger: createLogger(env.LOG_LEVEL, { fd: 2, service: "legal-arena-cli" }),
      poolSize: 2,
    });
    result = await command(runtime);
  } catch (error) {
    if (options.verbose) console.error(error);
    result = failure(error);
  } finally {
    await runtime?.close();
  }
  print(result, options);
  process.exitCode = result.exitCode;
}
