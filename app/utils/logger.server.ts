import pino from "pino";

export type Logger = pino.Logger;

/** JSON lines to stdout; the CLI logs to stderr (fd 2), since its stdout is the command's output. */
export function createLogger(level: string, options: { fd?: 1 | 2; service?: string } = {}): Logger {
  return pino(
    {
      level,
      base: { service: options.service ?? "legal-arena" },
      // Never let a credential reach the log, whatever object is logged.
      redact: {
        paths: [
          "password",
          "*.password",
          "*.passwordHash",
          "req.headers.cookie",
          "req.headers.authorization",
          'res.headers["set-cookie"]',
        ],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: options.fd ?? 1, sync: true }),
  );
}
