import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLessonFormData, type UploadLimits } from "~/courses/uploads.server";
import { MAX_MEDIA_BYTES } from "~/storage/media";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Lesson media uploads are spooled to a temporary file while hashed (not held in memory), then
 * checked by type and size: a refused file leaves nothing behind, neither in the store nor in
 * the temporary folder, and the form's other fields come back to be shown again.
 */
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime?.stop());

const tmpFolder = () => path.join(runtime.env.dataDir, "tmp");
const lessonsFolder = () => path.join(runtime.env.dataDir, "uploads", "lessons");
const leftovers = () => (existsSync(tmpFolder()) ? readdirSync(tmpFolder()) : []);
const stored = () => (existsSync(lessonsFolder()) ? readdirSync(lessonsFolder()) : []);

const mp4 = (size: number) => {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0, 0, 0, 0x18, ...Buffer.from("ftypisom")], 0);
  return bytes;
};
const pdf = (size: number) => {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set(Buffer.from("%PDF-1.7\n"), 0);
  return bytes;
};

function lessonRequest(type: string, file: Uint8Array | null, name = "bai-giang.mp4"): Request {
  const form = new FormData();
  form.set("title", "Bài giảng có tệp (thử)");
  form.set("type", type);
  if (file) form.set("media", new Blob([new Uint8Array(file)]), name);
  return new Request("http://localhost/manage/courses/x/lessons/new", { method: "POST", body: form });
}

describe("lesson media uploads", () => {
  it("stores an accepted file under its SHA-256 and leaves no temporary file", async () => {
    const bytes = mp4(3 * 1024 * 1024 + 5);
    const { formData, mediaError } = await readLessonFormData(lessonRequest("VIDEO", bytes));
    expect(mediaError).toBeUndefined();
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(formData.get("mediaUrl")).toBe(`/files/lessons/${sha}.mp4`);
    expect(formData.get("title")).toBe("Bài giảng có tệp (thử)");
    expect(readFileSync(path.join(lessonsFolder(), `${sha}.mp4`)).equals(bytes)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a file that is no video, audio or PDF, and one that does not fit the lesson type", async () => {
    const before = stored();
    const notMedia = await readLessonFormData(lessonRequest("VIDEO", new Uint8Array(randomBytes(50_000)), "x.exe"));
    expect(notMedia.mediaError).toEqual({ key: "courses.errors.uploadType" });
    expect(notMedia.formData.get("mediaUrl")).toBeNull();
    const mismatch = await readLessonFormData(lessonRequest("AUDIO", mp4(50_000)));
    expect(mismatch.mediaError).toEqual({ key: "courses.errors.uploadMismatch" });
    expect(mismatch.formData.get("title")).toBe("Bài giảng có tệp (thử)");
    expect(stored()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a file over the upload limit or over its kind's limit, with the limit in the message", async () => {
    const before = stored();
    const limits: UploadLimits = {
      maxUploadBytes: 1024 * 1024,
      maxMediaBytes: { ...MAX_MEDIA_BYTES, pdf: 100 * 1024 },
    };
    const huge = await readLessonFormData(lessonRequest("VIDEO", mp4(2 * 1024 * 1024)), limits);
    expect(huge.mediaError).toEqual({ key: "courses.errors.uploadTooLarge", params: { limit: "1 MB" } });
    expect(huge.formData.get("title")).toBe("Bài giảng có tệp (thử)");
    const bigPdf = await readLessonFormData(lessonRequest("PDF", pdf(200 * 1024), "tai-lieu.pdf"), limits);
    expect(bigPdf.mediaError).toMatchObject({ key: "courses.errors.uploadTooLarge" });
    expect(stored()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it("keeps the form as it was when no file is chosen", async () => {
    const { formData, mediaError } = await readLessonFormData(lessonRequest("TEXT", null));
    expect(mediaError).toBeUndefined();
    expect(formData.get("mediaUrl")).toBeNull();
    expect(formData.get("type")).toBe("TEXT");
  });
});
