import path from "node:path";
import { z } from "zod";

// Every setting the server reads, parsed once at start-up. README.md lists them for operators.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL URL; unset means the embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis URL; unset means in-process fallbacks (one process only). */
  REDIS_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  /** Signs the session cookie; generated once and kept in DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Number of proxy hops to trust for the client IP (nginx in front: 1). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Seed demo data into an empty database at start-up. */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Key prefix in Redis, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/)
    .default("la:"),
  /** Log-in attempts per client address per 15 minutes (a school behind one NAT needs room). */
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(100),
  /** Failed log-ins per account per 15 minutes before it is paused. */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Registrations per client address per hour. */
  REGISTER_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Lesson-player progress reports per learner per minute (the player sends one every 10 s, more on pause and seek). */
  PROGRESS_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Open-data API requests per token per minute (docs/api.md); more get 429 with Retry-After. */
  API_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Queries slower than this are logged as warnings. */
  SLOW_QUERY_MS: z.coerce.number().int().min(1).default(200),
  /** The site's public address (e.g. https://phapluat.example.gov.vn): names xAPI activities and accounts. */
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .optional(),
  /** An xAPI LRS's endpoint (statements are POSTed to <endpoint>/statements); unset: stored for download only. */
  XAPI_ENDPOINT: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .optional(),
  /** The Authorization header sent to the LRS, e.g. "Basic dXNlcjpwYXNz". */
  XAPI_AUTH: z.string().optional(),
  /** An S3-compatible object store for uploaded files (all four set), else files go to DATA_DIR/uploads. */
  S3_ENDPOINT: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
