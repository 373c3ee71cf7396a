import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { runtime } from "~/runtime.server";
import { CONTENT_TYPE_BY_EXTENSION, type ImageType } from "./images";
import { MEDIA_TYPES, type MediaType } from "./media";

/**
 * Uploaded files (contest banners for now). A FileStore is all the app knows: the local disk
 * one keeps files under DATA_DIR/uploads; an S3-compatible one would implement the same two
 * methods. Keys are content-addressed ("banners/<sha256>.png"), so a stored file never changes
 * and browsers may cache it for a year.
 */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** A stored file opened for reading part of it: media are served in byte ranges. */
export interface OpenedFile {
  size: number;
  contentType: string;
  /** Bytes start..end inclusive. */
  range(start: number, end: number): ReadableStream<Uint8Array>;
}

export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  open(key: string): Promise<OpenedFile | null>;
}

/** The only keys ever written or read: no path can climb out of the store. */
const FILE_KEY = /^(banners\/[0-9a-f]{64}\.(png|jpg|webp)|lessons\/[0-9a-f]{64}\.(mp4|webm|mp3|m4a|ogg|wav|pdf))$/;

export function isFileKey(key: string): boolean {
  return FILE_KEY.test(key);
}

export function contentTypeOf(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1);
  if (key.startsWith("lessons/")) return MEDIA_TYPES[extension as MediaType["extension"]].contentType;
  return CONTENT_TYPE_BY_EXTENSION[extension as ImageType["extension"]];
}

/** Where the app serves a stored file (app/routes/files.$.tsx). */
export function fileUrl(key: string): string {
  return `/files/${key}`;
}

export function keyFor(folder: "banners" | "lessons", bytes: Uint8Array, type: ImageType | MediaType): string {
  return `${folder}/${createHash("sha256").update(bytes).digest("hex")}.${type.extension}`;
}

export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!isFileKey(key)) throw new Error(`Not a file key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside then renamed, so a reader never sees half a file.
      const partial = `${target}.${randomBytes(6).toString("hex")}.part`;
      await writeFile(partial, bytes);
      await rename(partial, target);
    },
    async get(key) {
      if (!isFileKey(key)) return null;
      try {
        return { bytes: new Uint8Array(await readFile(pathOf(key))), contentType: contentTypeOf(key) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async open(key) {
      if (!isFileKey(key)) return null;
      const file = pathOf(key);
      try {
        const { size } = await stat(file);
        return {
          size,
          contentType: contentTypeOf(key),
          range: (start, end) => Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>,
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

export function fileStore(): FileStore {
  return localFileStore(path.join(runtime().env.dataDir, "uploads"));
}
