import { randomUUID } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import type { SharedStore } from "~/store/store.server";
import { MAX_IMPORT_BYTES } from "./spreadsheet.server";

export type UploadedFile = { name: string; bytes: Uint8Array };

/** Reads a multipart form with one file field; a file over the limit is reported, not buffered. */
export async function readUploadForm(
  request: Request,
  field: string,
): Promise<{ ok: true; formData: FormData; file: UploadedFile | null } | { ok: false; code: "TOO_LARGE" }> {
  const handler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, code: "TOO_LARGE" };
    throw error;
  }
  const value = formData.get(field);
  if (!value || typeof value === "string" || value.size === 0) return { ok: true, formData, file: null };
  return { ok: true, formData, file: { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } };
}

const PENDING_TTL_MS = 30 * 60 * 1000;

/** Keeps a checked file for half an hour so "import" does not make the organizer upload it again. */
export async function keepPendingImport(store: SharedStore, ownerId: string, file: UploadedFile): Promise<string> {
  const token = randomUUID();
  await store.set(
    `import:${ownerId}:${token}`,
    JSON.stringify({ name: file.name, base64: Buffer.from(file.bytes).toString("base64") }),
    PENDING_TTL_MS,
  );
  return token;
}

export async function takePendingImport(
  store: SharedStore,
  ownerId: string,
  token: string,
): Promise<UploadedFile | null> {
  if (!/^[0-9a-f-]{36}$/.test(token)) return null;
  const raw = await store.get(`import:${ownerId}:${token}`);
  if (!raw) return null;
  await store.del(`import:${ownerId}:${token}`);
  const parsed = JSON.parse(raw) as { name: string; base64: string };
  return { name: parsed.name, bytes: new Uint8Array(Buffer.from(parsed.base64, "base64")) };
}
