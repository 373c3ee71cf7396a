import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Our migrations are hand-written SQL (Prisma's migrate engine cannot run here), so this test
 * is what keeps them honest: the migrated database must have exactly the tables, columns,
 * types, nullability, defaults-presence, indexes, unique constraints and foreign keys that
 * prisma/schema.prisma describes.
 */
type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

const SCALAR_TO_PG: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Decimal: "numeric",
  Bytes: "bytea",
};

const SCALAR_TO_UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  Float: "float8",
};

/** Indexes schema.prisma cannot express (partial or expression indexes); each has a comment in its migration. */
const SQL_ONLY_INDEXES = ["Attempt_one_running_per_user", "Question_searchText_fts_idx"];

let runtime: TestRuntime;
let dmmf: Dmmf;

beforeAll(async () => {
  runtime = await startTestRuntime();
  dmmf = await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
});
afterAll(() => runtime?.stop());

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await runtime.pool.query(sql, params)).rows as T[];
}

const schemaName = () => runtime.schema ?? "public";
const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName) as Field;
  return field.dbName ?? field.name;
};

describe("the migrated database matches schema.prisma", () => {
  it("has exactly the model tables (plus _prisma_migrations)", async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [schemaName()],
    );
    const expected = [...dmmf.datamodel.models.map(tableOf), "_prisma_migrations"].sort();
    expect(rows.map((row) => row.table_name).sort()).toEqual(expected);
  });

  it("has the enums with the same values", async () => {
    const rows = await query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 GROUP BY t.typname`,
      [schemaName()],
    );
    const actual = Object.fromEntries(rows.map((row) => [row.typname, row.labels]));
    const expected = Object.fromEntries(
      dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  it("has every column with its type, nullability and default", async () => {
    for (const model of dmmf.datamodel.models) {
      const rows = await query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: string;
        column_default: string | null;
        datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
           FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
        [schemaName(), tableOf(model)],
      );
      const actual = Object.fromEntries(
        rows.map((row) => [
          row.column_name,
          {
            type:
              row.data_type === "USER-DEFINED"
                ? row.udt_name
                : row.data_type === "ARRAY"
                  ? `${row.udt_name.slice(1)}[]`
                  : row.data_type,
            nullable: row.is_nullable === "YES",
            // Prisma-side defaults (cuid(), @updatedAt) have no database default.
            hasDefault: row.column_default !== null,
            precision: row.data_type.startsWith("timestamp") ? row.datetime_precision : null,
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((field) => field.kind === "scalar" || field.kind === "enum")
          .map((field) => [
            field.dbName ?? field.name,
            {
              type: field.isList
                ? `${field.kind === "enum" ? field.type : SCALAR_TO_UDT[field.type]}[]`
                : field.kind === "enum"
                  ? field.type
                  : SCALAR_TO_PG[field.type],
              // Prisma's own migrations leave scalar lists nullable.
              nullable: field.isList || !field.isRequired,
              hasDefault:
                field.hasDefaultValue &&
                !(
                  typeof field.default === "object" &&
                  field.default &&
                  "name" in field.default &&
                  ["cuid", "uuid"].includes((field.default as { name: string }).name)
                ),
              precision: field.type === "DateTime" ? 3 : null,
            },
          ]),
      );
      expect({ table: tableOf(model), columns: actual }).toEqual({ table: tableOf(model), columns: expected });
    }
  });

  it("has the primary keys, unique constraints and indexes", async () => {
    const rows = await query<{ table: string; columns: string[]; unique: boolean; primary: boolean; name: string }>(
      `SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, i.relname AS name,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
      [schemaName()],
    );
    const describeIndex = (table: string, kind: string, columns: string[]) => `${table}:${kind}(${columns.join(",")})`;
    const actual = rows
      .filter((row) => !SQL_ONLY_INDEXES.includes(row.name))
      .map((row) => describeIndex(row.table, row.primary ? "id" : row.unique ? "unique" : "normal", row.columns))
      .sort();
    const modelByName = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = modelByName.get(index.model) as Model;
        return describeIndex(
          tableOf(model),
          index.type,
          index.fields.map((field) => columnOf(model, field.name)),
        );
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has the foreign keys with their delete rules", async () => {
    const rows = await query<{ table: string; columns: string[]; referenced: string; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS referenced,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns,
              CASE c.confdeltype WHEN 'a' THEN 'NoAction' WHEN 'r' THEN 'Restrict' WHEN 'c' THEN 'Cascade' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' END AS on_delete
         FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace
         JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND n.nspname = $1
        GROUP BY c.oid, c.conrelid, c.confrelid, c.confdeltype`,
      [schemaName()],
    );
    const unquote = (name: string) => name.replace(/^.*\./, "").replace(/"/g, "");
    const actual = rows
      .map((row) => `${unquote(row.table)}(${row.columns.join(",")})->${unquote(row.referenced)}:${row.on_delete}`)
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === "object" && field.relationFromFields && field.relationFromFields.length > 0)
          .map((field) => {
            const target = dmmf.datamodel.models.find((m) => m.name === field.type) as Model;
            const columns = (field.relationFromFields ?? []).map((name) => columnOf(model, name));
            const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
            return `${tableOf(model)}(${columns.join(",")})->${tableOf(target)}:${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
