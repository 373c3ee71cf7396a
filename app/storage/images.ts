/**
 * Recognises the image formats a banner may be by their first bytes, never by the file name or
 * the type the browser claims: a renamed script stays a script.
 */
export interface ImageType {
  extension: "png" | "jpg" | "webp";
  contentType: "image/png" | "image/jpeg" | "image/webp";
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return { extension: "png", contentType: "image/png" };
  // JPEG: start-of-image marker followed by another marker.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { extension: "jpg", contentType: "image/jpeg" };
  // WebP: a RIFF container whose form type is "WEBP".
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return { extension: "webp", contentType: "image/webp" };
  return null;
}

export const CONTENT_TYPE_BY_EXTENSION: Record<ImageType["extension"], ImageType["contentType"]> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
};
