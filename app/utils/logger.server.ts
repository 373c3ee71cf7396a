import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "legal-arena" },
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
  });
}
