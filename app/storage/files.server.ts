import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { runtime } from "~/runtime.server";
import { CONTENT_TYPE_BY_EXTENSION, type ImageType } from "./images";

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

export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
}

/** The only keys ever written or read: no path can climb out of the store. */
const FILE_KEY = /^(banners)\/[0-9a-f]{64}\.(png|jpg|webp)$/;

export function isFileKey(key: string): boolean {
  return FILE_KEY.test(key);
}

export function contentTypeOf(key: string): string {
  return CONTENT_TYPE_BY_EXTENSION[key.slice(key.lastIndexOf(".") + 1) as ImageType["extension"]];
}

/** Where the app serves a stored file (app/routes/files.$.tsx). */
export function fileUrl(key: string): string {
  return `/files/${key}`;
}

export function keyFor(folder: "banners", bytes: Uint8Array, type: ImageType): string {
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
  };
}

export function fileStore(): FileStore {
  return localFileStore(path.join(runtime().env.dataDir, "uploads"));
}
