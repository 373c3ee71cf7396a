import sanitizeHtml from "sanitize-html";

/**
 * Question stems are a small, safe subset of HTML (Moodle writes HTML; our forms write plain
 * text that is escaped). Anything else — scripts, styles, event handlers, remote frames — is
 * removed on the way in, so a stem can be rendered as HTML everywhere.
 */
const STEM_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "ul", "ol", "li", "img", "span"],
  allowedAttributes: { img: ["src", "alt", "width", "height"] },
  allowedSchemes: ["https", "data"],
  allowedSchemesByTag: { img: ["https", "data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

export function sanitizeStem(html: string): string {
  return sanitizeHtml(html, STEM_POLICY).trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Plain text → stem HTML: escaped, line breaks kept. */
export function textToStem(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, "<br>");
}

/** Stem HTML → plain text, for search, duplicate detection and plain-text formats. */
export function stemToText(html: string): string {
  return sanitizeHtml(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p>/gi, "\n"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .trim();
}
