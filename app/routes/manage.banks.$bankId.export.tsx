import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { slugify } from "~/contests/schemas";
import { bankDrafts, EXPORT_FORMATS, exportQuestions } from "~/questions/export.server";
import { requireBank } from "~/questions/guards.server";
import { runtime } from "~/runtime.server";

const querySchema = z.object({ format: z.enum(EXPORT_FORMATS).catch("xlsx") });

/** Downloads the bank in one of the import formats (readers of an upper level's bank too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank } = await requireBank(request, params.bankId ?? "", "read");
  const { format } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const drafts = await bankDrafts(runtime().db, bank.id);
  const baseName = slugify(bank.name) || "ngan-hang";
  const file = await exportQuestions(drafts, format, baseName);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
