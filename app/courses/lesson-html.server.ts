import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "~/questions/html";

/**
 * The text of a lesson: organizers paste HTML (from a word processor or another site) or type
 * plain text. Plain text becomes paragraphs; HTML keeps a safe subset — headings, lists, links
 * to https sites, emphasis, images, quotes — and loses scripts, styles, frames and handlers.
 */
const LESSON_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
  ],
  allowedAttributes: { a: ["href"], img: ["src", "alt", "width", "height"] },
  allowedSchemes: ["https"],
  allowedSchemesByTag: { img: ["https", "data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Links leave the site in a new tab without handing it this page.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
};

export function lessonHtml(input: string): string {
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (!/<[a-z][\s\S]*>/i.test(text)) {
    return text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
      .join("");
  }
  return sanitizeHtml(text, {
    ...LESSON_POLICY,
    allowedAttributes: { ...LESSON_POLICY.allowedAttributes, a: ["href", "rel", "target"] },
  }).trim();
}
