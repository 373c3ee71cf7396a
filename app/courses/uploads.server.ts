import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import path from "node:path";
import { type UploadHandlerPart, unstable_parseMultipartFormData } from "@remix-run/node";
import { runtime } from "~/runtime.server";
import { fileStore, fileUrl } from "~/storage/files.server";
import { detectMediaType, lessonTypeFor, MAX_MEDIA_BYTES, type MediaKind } from "~/storage/media";

const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_MEDIA_BYTES));
/** A lesson's text is the longest field (100,000 characters of Vietnamese HTML). */
const MAX_TEXT_PART_BYTES = 512 * 1024;
/** Enough of a file's start to tell its type (app/storage/media.ts). */
const HEAD_BYTES = 64;

async function readPart(part: UploadHandlerPart, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.data) {
    size += chunk.byteLength;
    // Past the limit the rest is read and dropped: the form's other fields still arrive.
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : new Uint8Array(Buffer.concat(chunks));
}

interface SpooledUpload {
  /** The temporary file, removed once the upload is stored or refused. */
  file: string;
  size: number;
  sha256: string;
  head: Uint8Array;
}

/**
 * Writes an uploaded file to a temporary file as it arrives, hashing it on the way, so a
 * 200 MB video never sits in memory. Past the limit nothing more is written (the rest of the
 * request is read and dropped, so the form's other fields still arrive) and null is returned.
 */
async function spoolPart(part: UploadHandlerPart, limit: number, folder: string): Promise<SpooledUpload | null> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `upload-${randomBytes(8).toString("hex")}.part`);
  const out = createWriteStream(file, { flags: "wx" });
  const hash = createHash("sha256");
  const head: Uint8Array[] = [];
  let headSize = 0;
  let size = 0;
  try {
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size > limit) continue;
      hash.update(chunk);
      if (headSize < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headSize));
        headSize += Math.min(chunk.byteLength, HEAD_BYTES - headSize);
      }
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "close");
  } catch (error) {
    out.destroy();
    await unlink(file).catch(() => {});
    throw error;
  }
  if (size > limit) {
    await unlink(file).catch(() => {});
    return null;
  }
  return { file, size, sha256: hash.digest("hex"), head: new Uint8Array(Buffer.concat(head)) };
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export interface UploadLimits {
  /** The largest upload read at all. */
  maxUploadBytes: number;
  /** The largest file of each kind. */
  maxMediaBytes: Record<MediaKind, number>;
}

const DEFAULT_LIMITS: UploadLimits = { maxUploadBytes: MAX_UPLOAD_BYTES, maxMediaBytes: MAX_MEDIA_BYTES };

/**
 * Reads the lesson form, plain or multipart. A `media` upload is spooled to a temporary file
 * under DATA_DIR/tmp, then checked by its first bytes (video, audio or PDF, app/storage/media.ts),
 * by the size allowed for its kind and against the lesson type chosen; only then is it stored
 * (under its SHA-256) and its address put in `mediaUrl`. A refused file is an error for the
 * `media` field, every other field is there to be shown again, and no temporary file is left.
 */
export async function readLessonFormData(
  request: Request,
  limits: UploadLimits = DEFAULT_LIMITS,
): Promise<{ formData: FormData; mediaError?: { key: string; params?: Record<string, string> } }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { formData: await request.formData() };
  const folder = path.join(runtime().env.dataDir, "tmp");
  const upload: { spooled?: SpooledUpload; tooLarge?: boolean } = {};
  try {
    const formData = await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        const bytes = await readPart(part, MAX_TEXT_PART_BYTES);
        return bytes ? new TextDecoder().decode(bytes) : null;
      }
      // Only one media file: any other file part (or a second one) is read and dropped.
      if (part.name !== "media" || part.filename === "" || upload.spooled || upload.tooLarge) {
        await readPart(part, 0);
        return null;
      }
      const spooled = await spoolPart(part, limits.maxUploadBytes, folder);
      if (!spooled) upload.tooLarge = true;
      else if (spooled.size > 0) upload.spooled = spooled;
      else await unlink(spooled.file).catch(() => {});
      return null;
    });
    if (upload.tooLarge)
      return {
        formData,
        mediaError: { key: "courses.errors.uploadTooLarge", params: { limit: megabytes(limits.maxUploadBytes) } },
      };
    const spooled = upload.spooled;
    if (!spooled) return { formData };
    const type = detectMediaType(spooled.head);
    if (!type) return { formData, mediaError: { key: "courses.errors.uploadType" } };
    if (spooled.size > limits.maxMediaBytes[type.kind])
      return {
        formData,
        mediaError: {
          key: "courses.errors.uploadTooLarge",
          params: { limit: megabytes(limits.maxMediaBytes[type.kind]) },
        },
      };
    if (formData.get("type") !== lessonTypeFor(type.kind))
      return { formData, mediaError: { key: "courses.errors.uploadMismatch" } };
    const key = `lessons/${spooled.sha256}.${type.extension}`;
    await fileStore().putFile(key, spooled.file);
    formData.set("mediaUrl", fileUrl(key));
    return { formData };
  } finally {
    if (upload.spooled) await unlink(upload.spooled.file).catch(() => {});
  }
}
