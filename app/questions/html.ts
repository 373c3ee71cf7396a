/**
 * Plain-text helpers for question stems, safe to use in the browser. Stems are stored as a
 * small sanitised HTML subset: sanitizeStem lives in ./sanitize.server.ts (server only, as
 * sanitize-html must not reach the browser bundle).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Plain text → stem HTML: escaped, line breaks kept. */
export function textToStem(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, "<br>");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Stem HTML → plain text, for search, duplicate detection, previews and plain-text formats. */
export function stemToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|li|div)>\s*/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (match, entity: string) => {
      if (entity.startsWith("#x") || entity.startsWith("#X"))
        return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
      if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES[entity.toLowerCase()] ?? match;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
