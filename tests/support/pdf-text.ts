import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of every page of a PDF as PDF.js (Firefox's reader) extracts it, one line per text run. */
export async function extractPdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) lines.push(item.str);
  }
  const pages = document.numPages;
  await document.destroy();
  return { pages, text: lines.join("\n") };
}
