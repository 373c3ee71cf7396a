import pg from "pg";

/**
 * Where the database is: a PostgreSQL URL, optionally with `?schema=name` (tests use a fresh
 * schema per run). node-postgres does not understand `schema`, so it becomes the connection's
 * search_path and the Prisma adapter's schema.
 */
export interface DatabaseTarget {
  connectionString: string;
  schema: string;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new Error(`DATABASE_URL: invalid schema name "${schema}"`);
  }
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

export function createPool(target: DatabaseTarget, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: target.connectionString,
    max,
    options: target.schema === "public" ? undefined : `-c search_path="${target.schema}"`,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
}
