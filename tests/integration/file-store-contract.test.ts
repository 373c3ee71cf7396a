import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLessonFormData } from "~/courses/uploads.server";
import { parseEnv } from "~/env.server";
import { loader as fileLoader } from "~/routes/files.$";
import { type FileStore, fileStore, localFileStore, s3ConfigFrom, s3FileStore } from "~/storage/files.server";
import { startTestRuntime } from "../support/runtime";

/**
 * The FileStore contract, run against both stores: the local disk one and the S3 one talking to
 * a real (fake) S3 server, s3rver, on a free port with a temporary directory. Whatever the app
 * does with one store it can do with the other: store bytes or a spooled file, read them back,
 * serve any byte range, and answer null for a key it does not hold. Last, the app itself on the S3
 * store: a lesson upload lands in the bucket and /files/ serves a byte range of it from there.
 */
const temp = mkdtempSync(path.join(tmpdir(), "la-files-"));
let s3rver: S3rver;
let s3Endpoint = "";
const stores: Record<"local" | "s3", FileStore | null> = { local: null, s3: null };

beforeAll(async () => {
  stores.local = localFileStore(path.join(temp, "local"));
  s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(temp, "s3"),
    configureBuckets: [{ name: "legal-arena-test" }],
  });
  const { port } = await s3rver.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  stores.s3 = s3FileStore({
    endpoint: s3Endpoint,
    bucket: "legal-arena-test",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
});
afterAll(async () => {
  await s3rver?.close();
  rmSync(temp, { recursive: true, force: true });
});

const keyOf = (bytes: Uint8Array, extension: "mp4" | "pdf" = "mp4") =>
  `lessons/${createHash("sha256").update(bytes).digest("hex")}.${extension}`;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.each(["local", "s3"] as const)("the %s file store", (kind) => {
  const store = () => {
    const current = stores[kind];
    if (!current) throw new Error("store not started");
    return current;
  };

  it("says what it is", () => {
    expect(store().kind).toBe(kind);
  });

  it("gives back the bytes it stored, with the key's content type", async () => {
    const bytes = new Uint8Array(randomBytes(10_000));
    const key = keyOf(bytes, "pdf");
    await store().put(key, bytes);
    const file = await store().get(key);
    expect(file?.contentType).toBe("application/pdf");
    expect(Buffer.from(file?.bytes ?? []).equals(bytes)).toBe(true);
    // Content-addressed: storing the same file again changes nothing.
    await store().put(key, bytes);
    expect((await store().open(key))?.size).toBe(bytes.byteLength);
  });

  it("answers null for a key it does not hold, and for what is not a file key", async () => {
    const missing = keyOf(new Uint8Array(randomBytes(16)));
    expect(await store().get(missing)).toBeNull();
    expect(await store().open(missing)).toBeNull();
    expect(await store().get("../secret.mp4")).toBeNull();
    expect(await store().open("lessons/abc.mp4")).toBeNull();
    await expect(store().put("lessons/../../x.mp4", new Uint8Array([1]))).rejects.toThrow();
  });

  it("serves whole files and any byte range", async () => {
    const bytes = new Uint8Array(randomBytes(300_000));
    const key = keyOf(bytes);
    await store().put(key, bytes);
    const file = await store().open(key);
    expect(file).not.toBeNull();
    if (!file) return;
    expect(file.size).toBe(300_000);
    expect(file.contentType).toBe("video/mp4");
    expect((await readAll(file.range(0, file.size - 1))).equals(Buffer.from(bytes))).toBe(true);
    expect((await readAll(file.range(1000, 1999))).equals(Buffer.from(bytes.subarray(1000, 2000)))).toBe(true);
    expect((await readAll(file.range(299_999, 299_999))).equals(Buffer.from(bytes.subarray(299_999)))).toBe(true);
    expect((await readAll(file.range(0, 0))).equals(Buffer.from(bytes.subarray(0, 1)))).toBe(true);
  });

  it("lets a reader stop part way (a player seeking elsewhere)", async () => {
    const bytes = new Uint8Array(randomBytes(2_000_000));
    const key = keyOf(bytes);
    await store().put(key, bytes);
    const file = await store().open(key);
    if (!file) throw new Error("stored file not found");
    const reader = file.range(0, file.size - 1).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    // The store still serves the file afterwards.
    expect((await readAll(file.range(500_000, 500_009))).equals(Buffer.from(bytes.subarray(500_000, 500_010)))).toBe(
      true,
    );
  });

  it("stores a file spooled to disk, as a large upload is", async () => {
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
    const spooled = path.join(temp, `upload-${kind}.part`);
    writeFileSync(spooled, bytes);
    const key = keyOf(bytes);
    await store().putFile(key, spooled);
    const file = await store().open(key);
    expect(file?.size).toBe(bytes.byteLength);
    if (!file) return;
    expect(
      (await readAll(file.range(2_000_000, 2_100_000))).equals(Buffer.from(bytes.subarray(2_000_000, 2_100_001))),
    ).toBe(true);
    expect(
      createHash("sha256")
        .update(await readAll(file.range(0, file.size - 1)))
        .digest("hex"),
    ).toBe(key.slice("lessons/".length, -".mp4".length));
  });
});

describe("choosing the store", () => {
  it("uses S3 only when endpoint, bucket and both keys are set", () => {
    const s3 = {
      NODE_ENV: "test" as const,
      S3_ENDPOINT: "http://minio:9000",
      S3_BUCKET: "legal-arena",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(s3ConfigFrom(parseEnv({ ...s3 }))).toEqual({
      endpoint: "http://minio:9000",
      bucket: "legal-arena",
      accessKeyId: "key",
      secretAccessKey: "secret",
      region: "us-east-1",
    });
    expect(s3ConfigFrom(parseEnv({ ...s3, S3_BUCKET: "" }))).toBeNull();
    expect(s3ConfigFrom(parseEnv({ NODE_ENV: "test" }))).toBeNull();
    expect(() => parseEnv({ ...s3, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT/);
  });
});

describe("the app on the S3 store", () => {
  it("stores a lesson upload in the bucket and serves byte ranges of it from there", async () => {
    const runtime = await startTestRuntime({
      S3_ENDPOINT: s3Endpoint,
      S3_BUCKET: "legal-arena-test",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    try {
      expect(fileStore().kind).toBe("s3");
      const bytes = new Uint8Array(randomBytes(1024 * 1024));
      bytes.set([0, 0, 0, 0x18, ...Buffer.from("ftypisom")], 0);
      const form = new FormData();
      form.set("title", "Video (thử)");
      form.set("type", "VIDEO");
      form.set("media", new Blob([new Uint8Array(bytes)]), "video.mp4");
      const { formData, mediaError } = await readLessonFormData(
        new Request("http://localhost/manage/courses/x/lessons/new", { method: "POST", body: form }),
      );
      expect(mediaError).toBeUndefined();
      const url = String(formData.get("mediaUrl"));
      expect(url).toBe(`/files/${keyOf(bytes)}`);
      // Not on local disk: in the bucket.
      expect(existsSync(path.join(runtime.env.dataDir, "uploads", "lessons"))).toBe(false);
      expect((await stores.s3?.open(keyOf(bytes)))?.size).toBe(bytes.byteLength);

      const response = (await fileLoader({
        request: new Request(`http://localhost${url}`, { headers: { Range: "bytes=1000-1999" } }),
        params: { "*": url.slice("/files/".length) },
        context: {},
      })) as Response;
      expect(response.status).toBe(206);
      expect(response.headers.get("Content-Range")).toBe(`bytes 1000-1999/${bytes.byteLength}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes.subarray(1000, 2000)))).toBe(true);
    } finally {
      await runtime.stop();
    }
  });
});
