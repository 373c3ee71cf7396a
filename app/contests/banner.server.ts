import { type UploadHandlerPart, unstable_parseMultipartFormData } from "@remix-run/node";
import { fileStore, fileUrl, keyFor } from "~/storage/files.server";
import { detectImageType } from "~/storage/images";

/** A banner is a photo or poster for phones: 2 MB is plenty, and bounds what a post can hold. */
export const MAX_BANNER_BYTES = 2 * 1024 * 1024;
/** The longest text field (a contest's rules, 20,000 characters of Vietnamese) fits easily. */
const MAX_TEXT_PART_BYTES = 256 * 1024;

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

/**
 * Reads the contest form, plain or multipart. A banner upload is checked by its bytes (PNG,
 * JPEG or WebP, at most 2 MB), stored, and put in `bannerUrl`, so the form never loses it even
 * when another field is refused. A refused banner is an error for the `banner` field; the
 * other fields are all there to be shown again.
 */
export async function readContestFormData(request: Request): Promise<{ formData: FormData; bannerError?: string }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { formData: await request.formData() };
  const banner: { bytes?: Uint8Array; error?: string } = {};
  const formData = await unstable_parseMultipartFormData(request, async (part) => {
    if (part.filename === undefined) {
      const bytes = await readPart(part, MAX_TEXT_PART_BYTES);
      return bytes ? new TextDecoder().decode(bytes) : null;
    }
    const bytes = await readPart(part, part.name === "banner" ? MAX_BANNER_BYTES : 0);
    if (part.name !== "banner" || part.filename === "") return null;
    if (!bytes) banner.error = "errors.contest.bannerTooLarge";
    else if (bytes.byteLength > 0) banner.bytes = bytes;
    return null;
  });
  if (banner.bytes && !banner.error) {
    const type = detectImageType(banner.bytes);
    if (!type) banner.error = "errors.contest.bannerType";
    else {
      const key = keyFor("banners", banner.bytes, type);
      await fileStore().put(key, banner.bytes);
      formData.set("bannerUrl", fileUrl(key));
    }
  }
  return { formData, bannerError: banner.error };
}
