import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { Env } from "~/env.server";
import { runtime } from "~/runtime.server";
import { CONTENT_TYPE_BY_EXTENSION, type ImageType } from "./images";
import { MEDIA_TYPES, type MediaType } from "./media";

/**
 * Uploaded files (contest banners, lesson media). A FileStore is all the app knows: the local
 * disk one keeps files under DATA_DIR/uploads; the S3 one keeps them in a bucket of an
 * S3-compatible object store (MinIO…), which several app processes on several hosts can share.
 * Keys are content-addressed ("banners/<sha256>.png"), so a stored file never changes and
 * browsers may cache it for a year.
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
  readonly kind: "local" | "s3";
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Stores the content of a local file (a large upload spooled to disk); the caller removes it. */
  putFile(key: string, file: string): Promise<void>;
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
  // Written aside then renamed, so a reader never sees half a file.
  const writeAside = async (key: string, write: (partial: string) => Promise<void>) => {
    const target = pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString("hex")}.part`;
    try {
      await write(partial);
      await rename(partial, target);
    } catch (error) {
      await unlink(partial).catch(() => {});
      throw error;
    }
  };
  return {
    kind: "local",
    put: (key, bytes) => writeAside(key, (partial) => writeFile(partial, bytes)),
    putFile: (key, file) => writeAside(key, (partial) => copyFile(file, partial)),
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

export interface S3Config {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}

/**
 * Files in a bucket of an S3-compatible store, addressed path-style (MinIO's default). Ranges
 * are GetObject requests with a Range header, made when the response starts to be read.
 */
export function s3FileStore(config: S3Config): FileStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region ?? "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums on every request are an AWS addition many S3-compatible stores do not accept.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;
  const checked = (key: string) => {
    if (!isFileKey(key)) throw new Error(`Not a file key: ${key}`);
    return key;
  };
  return {
    kind: "s3",
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: checked(key), Body: bytes, ContentType: contentTypeOf(key) }),
      );
    },
    async putFile(key, file) {
      const { size } = await stat(file);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checked(key),
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: contentTypeOf(key),
        }),
      );
    },
    async get(key) {
      if (!isFileKey(key)) return null;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        return { bytes: await object.Body.transformToByteArray(), contentType: contentTypeOf(key) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async open(key) {
      if (!isFileKey(key)) return null;
      let size: number;
      try {
        size = (await client.send(new HeadObjectCommand({ Bucket, Key: key }))).ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return {
        size,
        contentType: contentTypeOf(key),
        range(start, end) {
          let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
          // Bytes still to skip and to give: a store that ignores the Range header (answers 200
          // with the whole object) or overshoots it still yields exactly start..end.
          let skip = 0;
          let left = end - start + 1;
          return new ReadableStream<Uint8Array>({
            async pull(controller) {
              if (!reader) {
                const object = await client.send(
                  new GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${end}` }),
                );
                if (!object.Body) throw new Error(`No body for ${key}`);
                if (!object.ContentRange) skip = start;
                reader = (object.Body.transformToWebStream() as ReadableStream<Uint8Array>).getReader();
              }
              const chunk = await reader.read();
              if (chunk.done) return controller.close();
              let bytes = chunk.value;
              if (skip > 0) {
                const skipped = Math.min(skip, bytes.byteLength);
                skip -= skipped;
                bytes = bytes.subarray(skipped);
              }
              if (bytes.byteLength > left) bytes = bytes.subarray(0, left);
              left -= bytes.byteLength;
              if (bytes.byteLength > 0) controller.enqueue(bytes);
              if (left === 0) {
                await reader.cancel().catch(() => {});
                controller.close();
              }
            },
            async cancel(reason) {
              await reader?.cancel(reason);
            },
          });
        },
      };
    },
  };
}

/** The S3 settings when all four required variables are set, else null (files stay on local disk). */
export function s3ConfigFrom(env: Env): S3Config | null {
  if (!env.S3_ENDPOINT || !env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return null;
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    region: env.S3_REGION,
  };
}

const STORES = new WeakMap<Env, FileStore>();

/** The process's store: S3 when configured, else DATA_DIR/uploads. One client per runtime. */
export function fileStore(): FileStore {
  const { env } = runtime();
  let store = STORES.get(env);
  if (!store) {
    const s3 = s3ConfigFrom(env);
    store = s3 ? s3FileStore(s3) : localFileStore(path.join(env.dataDir, "uploads"));
    STORES.set(env, store);
  }
  return store;
}
