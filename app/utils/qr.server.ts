import QRCode from "qrcode";

/**
 * QR codes for shareable links (contest pages, certificate verification). One encoding for
 * every output, so the code on screen, the printable PNG and the one drawn in a PDF agree.
 * Level M survives a smudged print or a cracked phone screen and keeps the symbol small.
 */
const ERROR_CORRECTION = "M" as const;
/** The blank border (in modules) a phone camera needs to find the code. */
const QUIET_ZONE = 2;

/** The dark and light modules of the symbol, for drawing it on another surface (a PDF page). */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/** An SVG document that scales to any size (for inline use in a page). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    color: { dark: "#000000", light: "#ffffff" },
  });
}

/**
 * The SVG as a data: address for an <img>, which also gives it an accessible name through alt.
 * Remembered per text (a few hundred addresses at most): every view of a contest page shows the
 * same code, and drawing it was about 7 % of the page's server time (`npm run bench -- pages`).
 */
const dataUris = new Map<string, Promise<string>>();
const DATA_URI_CACHE_SIZE = 500;

export function qrSvgDataUri(text: string): Promise<string> {
  let uri = dataUris.get(text);
  if (!uri) {
    uri = qrSvg(text).then((svg) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    uri.catch(() => dataUris.delete(text));
    // Oldest first out: a Map iterates in insertion order.
    if (dataUris.size >= DATA_URI_CACHE_SIZE) dataUris.delete(dataUris.keys().next().value as string);
    dataUris.set(text, uri);
  }
  return uri;
}

/** A PNG of about `width` pixels square, large enough to print on a poster. */
export function qrPng(text: string, width = 1024): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, width });
}
