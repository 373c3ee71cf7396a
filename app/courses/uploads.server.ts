import { type UploadHandlerPart, unstable_parseMultipartFormData } from "@remix-run/node";
import { fileStore, fileUrl, keyFor } from "~/storage/files.server";
import { detectMediaType, lessonTypeFor, MAX_MEDIA_BYTES } from "~/storage/media";

const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_MEDIA_BYTES));
/** A lesson's text is the longest field (100,000 characters of Vietnamese HTML). */
const MAX_TEXT_PART_BYTES = 512 * 1024;

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

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads the lesson form, plain or multipart. A `media` upload is checked by its first bytes
 * (video, audio or PDF, app/storage/media.ts), by the size allowed for its kind and against the
 * lesson type chosen; only then is it stored and its address put in `mediaUrl`. A refused file is
 * an error for the `media` field, and every other field is there to be shown again.
 */
export async function readLessonFormData(
  request: Request,
): Promise<{ formData: FormData; mediaError?: { key: string; params?: Record<string, string> } }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { formData: await request.formData() };
  const upload: { bytes?: Uint8Array; tooLarge?: boolean } = {};
  const formData = await unstable_parseMultipartFormData(request, async (part) => {
    if (part.filename === undefined) {
      const bytes = await readPart(part, MAX_TEXT_PART_BYTES);
      return bytes ? new TextDecoder().decode(bytes) : null;
    }
    const bytes = await readPart(part, part.name === "media" ? MAX_UPLOAD_BYTES : 0);
    if (part.name !== "media" || part.filename === "") return null;
    if (!bytes) upload.tooLarge = true;
    else if (bytes.byteLength > 0) upload.bytes = bytes;
    return null;
  });
  if (upload.tooLarge)
    return {
      formData,
      mediaError: { key: "courses.errors.uploadTooLarge", params: { limit: megabytes(MAX_UPLOAD_BYTES) } },
    };
  if (!upload.bytes) return { formData };
  const type = detectMediaType(upload.bytes);
  if (!type) return { formData, mediaError: { key: "courses.errors.uploadType" } };
  if (upload.bytes.byteLength > MAX_MEDIA_BYTES[type.kind])
    return {
      formData,
      mediaError: { key: "courses.errors.uploadTooLarge", params: { limit: megabytes(MAX_MEDIA_BYTES[type.kind]) } },
    };
  if (formData.get("type") !== lessonTypeFor(type.kind))
    return { formData, mediaError: { key: "courses.errors.uploadMismatch" } };
  const key = keyFor("lessons", upload.bytes, type);
  await fileStore().put(key, upload.bytes);
  formData.set("mediaUrl", fileUrl(key));
  return { formData };
}
