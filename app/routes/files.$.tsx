import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileStore, isFileKey } from "~/storage/files.server";

/**
 * Uploaded files (contest banners), public like the contest pages that show them. Keys are
 * content hashes, so a file never changes: a year's caching saves phones the download.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  const file = isFileKey(key) ? await fileStore().get(key) : null;
  if (!file) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
