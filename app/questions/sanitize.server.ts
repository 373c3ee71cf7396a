import sanitizeHtml from "sanitize-html";

/**
 * Question stems are a small, safe subset of HTML (Moodle writes HTML; our forms write plain
 * text that is escaped). Anything else — scripts, styles, event handlers, frames, remote
 * protocols — is removed on the way in, so a stored stem can be rendered as HTML anywhere.
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
