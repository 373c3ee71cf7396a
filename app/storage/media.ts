/**
 * Recognises lesson files by their first bytes, never by name or claimed type (as banners are,
 * app/storage/images.ts): video (MP4, WebM), audio (MP3, M4A, Ogg, WAV) and PDF.
 */
export type MediaKind = "video" | "audio" | "pdf";

export interface MediaType {
  extension: "mp4" | "webm" | "mp3" | "m4a" | "ogg" | "wav" | "pdf";
  contentType: string;
  kind: MediaKind;
}

export const MEDIA_TYPES: Record<MediaType["extension"], MediaType> = {
  mp4: { extension: "mp4", contentType: "video/mp4", kind: "video" },
  webm: { extension: "webm", contentType: "video/webm", kind: "video" },
  mp3: { extension: "mp3", contentType: "audio/mpeg", kind: "audio" },
  m4a: { extension: "m4a", contentType: "audio/mp4", kind: "audio" },
  ogg: { extension: "ogg", contentType: "audio/ogg", kind: "audio" },
  wav: { extension: "wav", contentType: "audio/wav", kind: "audio" },
  pdf: { extension: "pdf", contentType: "application/pdf", kind: "pdf" },
};

/** The largest file of each kind: a lecture video for phones, a read lesson, a handout. */
export const MAX_MEDIA_BYTES: Record<MediaKind, number> = {
  video: 200 * 1024 * 1024,
  audio: 50 * 1024 * 1024,
  pdf: 20 * 1024 * 1024,
};

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

export function detectMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return MEDIA_TYPES.pdf;
  // ISO base media (MP4 family): a box whose type is "ftyp"; the brand tells audio-only M4A.
  if (startsWith(bytes, ascii("ftyp"), 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    return brand === "M4A " || brand === "M4B " ? MEDIA_TYPES.m4a : MEDIA_TYPES.mp4;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return MEDIA_TYPES.webm;
  if (startsWith(bytes, ascii("OggS"))) return MEDIA_TYPES.ogg;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WAVE"), 8)) return MEDIA_TYPES.wav;
  // MP3: an ID3 tag, or an MPEG audio frame sync (11 set bits) with layer III.
  if (startsWith(bytes, ascii("ID3"))) return MEDIA_TYPES.mp3;
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe6) === 0xe2) return MEDIA_TYPES.mp3;
  return null;
}

/** The lesson type a file may serve. */
export function lessonTypeFor(kind: MediaKind): "VIDEO" | "AUDIO" | "PDF" {
  return kind === "video" ? "VIDEO" : kind === "audio" ? "AUDIO" : "PDF";
}
