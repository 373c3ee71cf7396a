import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { foldDiacritics } from "~/utils/text";

/**
 * Reads the first sheet of an .xlsx or a .csv into rows keyed by column, matching headers
 * loosely (case, accents and spacing ignored) so organizers' own Excel files work.
 * Shared by every import (org tree now; question banks and rosters later).
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface TableRow<K extends string> {
  /** The row's number as Excel shows it (the header is row 1). */
  line: number;
  values: Record<K, string>;
}

export type ReadTableResult<K extends string> =
  | { ok: true; rows: TableRow<K>[] }
  | {
      ok: false;
      code: "TOO_LARGE" | "UNSUPPORTED_TYPE" | "UNREADABLE" | "EMPTY" | "MISSING_COLUMNS";
      message: string;
      params?: Record<string, string>;
    };

export type ColumnAliases<K extends string> = Record<K, { required: boolean; headers: string[] }>;

function normalizeHeader(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export async function readTable<K extends string>(
  file: { name: string; bytes: Uint8Array },
  columns: ColumnAliases<K>,
): Promise<ReadTableResult<K>> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, code: "TOO_LARGE", message: "errors.import.tooLarge", params: { limit: "5 MB" } };
  }
  const extension = file.name.toLowerCase().split(".").pop();
  let grid: string[][];
  try {
    if (extension === "xlsx") grid = await readXlsx(file.bytes);
    else if (extension === "csv") grid = readCsv(file.bytes);
    else return { ok: false, code: "UNSUPPORTED_TYPE", message: "errors.import.unsupportedType" };
  } catch {
    return { ok: false, code: "UNREADABLE", message: "errors.import.unreadable" };
  }

  const headerIndex = grid.findIndex((row) => row.some((cell) => cell.trim() !== ""));
  if (headerIndex === -1) return { ok: false, code: "EMPTY", message: "errors.import.empty" };
  const headers = grid[headerIndex].map(normalizeHeader);

  const positions = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const wanted = columns[key].headers.map(normalizeHeader);
    const position = headers.findIndex((header) => wanted.includes(header));
    if (position === -1 && columns[key].required) missing.push(columns[key].headers[0]);
    positions[key] = position;
  }
  if (missing.length > 0) {
    return {
      ok: false,
      code: "MISSING_COLUMNS",
      message: "errors.import.missingColumns",
      params: { columns: missing.join(", ") },
    };
  }

  const rows: TableRow<K>[] = [];
  for (let index = headerIndex + 1; index < grid.length; index++) {
    const cells = grid[index];
    if (cells.every((cell) => cell.trim() === "")) continue;
    const values = {} as Record<K, string>;
    for (const key of Object.keys(columns) as K[]) {
      values[key] = positions[key] === -1 ? "" : (cells[positions[key]] ?? "").trim();
    }
    rows.push({ line: index + 1, values });
  }
  if (rows.length === 0) return { ok: false, code: "EMPTY", message: "errors.import.empty" };
  return { ok: true, rows };
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (cell) => cell ?? "");
  });
  return Array.from(grid, (row) => row ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined ? "" : String(value.result);
    return "";
  }
  return String(value);
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  // Excel in Vietnamese locales saves CSV with ";" as often as ",".
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** Builds a one-sheet workbook: bold header row, column widths, example rows. */
export async function buildTemplate(headers: string[], examples: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const example of examples) sheet.addRow(example);
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(14, headers[index].length + 4);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
