import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileStore, isFileKey } from "~/storage/files.server";
import { parseRange } from "~/storage/range";

/**
 * Uploaded files: contest banners and lesson media, public like the pages that show them (a
 * content hash is not guessable, and a course page links its own files). Keys are content
 * hashes, so a file never changes: a year's caching saves phones the download. Byte ranges let
 * a player start a video anywhere without downloading what comes before.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  const file = isFileKey(key) ? await fileStore().open(key) : null;
  if (!file) throw new Response("Not Found", { status: 404 });
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  };
  const range = parseRange(request.headers.get("Range"), file.size);
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${file.size}` } });
  if (!range || file.size === 0) {
    return new Response(file.size === 0 ? null : file.range(0, file.size - 1), {
      headers: { ...headers, "Content-Length": String(file.size) },
    });
  }
  return new Response(file.range(range.start, range.end), {
    status: 206,
    headers: {
      ...headers,
      "Content-Range": `bytes ${range.start}-${range.end}/${file.size}`,
      "Content-Length": String(range.end - range.start + 1),
    },
  });
}
