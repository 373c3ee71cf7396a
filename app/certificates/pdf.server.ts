import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { qrMatrix } from "~/utils/qr.server";
import { issueDateLine, NATIONAL_MOTTO, NATIONAL_NAME } from "./wording";

/**
 * One A4 landscape certificate in the Vietnamese administrative layout: the issuing body top
 * left and the national name and motto top right, the title, the recipient, what is certified,
 * then the place-and-date line with the signing body, and the certificate number (with a QR code
 * to a verification page when there is one). Contest certificates of participation use it now,
 * course certificates (issue 6) next; the caller supplies the words, this module the layout.
 */
export interface CertificateContent {
  /** The issuing body as it heads the page, e.g. ["XÃ KIM THÀNH", "BAN TỔ CHỨC CUỘC THI"]; the last line is bold. */
  issuerLines: string[];
  /** e.g. "GIẤY CHỨNG NHẬN". */
  title: string;
  /** The line before the name, e.g. "Chứng nhận". */
  recipientLabel: string;
  recipient: string;
  /** Short facts under the name, e.g. "Đơn vị: Lớp 9A". */
  recipientDetails: string[];
  /** What is certified, one paragraph each. */
  body: string[];
  /** The place in the date line, e.g. "Kim Thành". */
  place: string;
  issuedAt: Date;
  /** Who signs under the date line, e.g. "BAN TỔ CHỨC CUỘC THI". */
  signer: string;
  code: string;
  /** An address that confirms the certificate: printed, and drawn as a QR code. */
  verifyUrl?: string;
}

// Noto Serif: a complete font (Latin and every Vietnamese letter in one file), shipped in an
// npm package so a fresh `npm ci` has it; system fonts are never assumed.
const require = createRequire(import.meta.url);
export const CERTIFICATE_FONTS = {
  regular: require.resolve("@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf"),
  italic: require.resolve("@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf"),
} as const;
export type CertificateFont = keyof typeof CERTIFICATE_FONTS;

let fontBytes: Record<CertificateFont, Buffer> | null = null;
/** The three Noto Serif faces, read once. */
function loadFonts(): Record<CertificateFont, Buffer> {
  fontBytes ??= {
    regular: readFileSync(CERTIFICATE_FONTS.regular),
    italic: readFileSync(CERTIFICATE_FONTS.italic),
    bold: readFileSync(CERTIFICATE_FONTS.bold),
  };
  return fontBytes;
}

const PAGE = { width: 841.89, height: 595.28 };
const COLOR = { text: "#1a1a1a", frame: "#8a1c1c", title: "#b3261e", name: "#0b3a6e", muted: "#555555" };
const HEADER_TOP = 48;
const BODY_BOTTOM = 420;
const FOOTER_TOP = 432;

/** Receives every string drawn and its font, so tests can check the font has each letter. */
export type TextRecorder = (text: string, font: CertificateFont) => void;

export function renderCertificatePdf(content: CertificateContent, record?: TextRecorder): Promise<Buffer> {
  return renderPdf(
    {
      size: "A4",
      layout: "landscape",
      margin: 0,
      font: CERTIFICATE_FONTS.regular,
      lang: "vi-VN",
      displayTitle: true,
      info: {
        Title: `${content.title} — ${content.recipient}`,
        Author: content.issuerLines.join(" "),
        Subject: content.code,
        CreationDate: content.issuedAt,
      },
    },
    (doc) => drawCertificate(doc, content, record ?? (() => {})),
  );
}

/** A PDF in memory: a document with the Noto Serif faces registered, drawn by `draw`. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const fonts = loadFonts();
  for (const name of Object.keys(fonts) as CertificateFont[]) doc.registerFont(name, fonts[name]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export type Doc = InstanceType<typeof PDFDocument>;

interface TextStyle {
  font: CertificateFont;
  size: number;
  color?: string;
}

function drawCertificate(doc: Doc, content: CertificateContent, record: TextRecorder): void {
  /** Centred text in a column; returns the y below it. */
  const write = (text: string, style: TextStyle, x: number, y: number, width: number): number => {
    record(text, style.font);
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? COLOR.text);
    doc.text(text, x, y, { width, align: "center" });
    return doc.y;
  };
  const rule = (centerX: number, y: number, width: number) => {
    doc
      .moveTo(centerX - width / 2, y)
      .lineTo(centerX + width / 2, y)
      .lineWidth(0.8)
      .strokeColor(COLOR.text)
      .stroke();
  };

  // A double frame, as printed certificates have.
  doc
    .lineWidth(2.5)
    .strokeColor(COLOR.frame)
    .rect(18, 18, PAGE.width - 36, PAGE.height - 36)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(25, 25, PAGE.width - 50, PAGE.height - 50)
    .stroke();

  // Issuing body (left) and national name and motto (right), each underlined as the decree asks.
  const left = { x: 50, width: 310 };
  let y = HEADER_TOP;
  content.issuerLines.forEach((line, index) => {
    const last = index === content.issuerLines.length - 1;
    y = write(line, { font: last ? "bold" : "regular", size: 12 }, left.x, y, left.width);
  });
  rule(left.x + left.width / 2, y + 5, 70);

  const right = { x: 370, width: 430 };
  y = write(NATIONAL_NAME, { font: "bold", size: 12.5 }, right.x, HEADER_TOP, right.width);
  y = write(NATIONAL_MOTTO, { font: "bold", size: 13.5 }, right.x, y, right.width);
  rule(right.x + right.width / 2, y + 3, doc.font("bold").fontSize(13.5).widthOfString(NATIONAL_MOTTO));

  // Title, recipient and what is certified, across the page.
  const full = { x: 60, width: PAGE.width - 120 };
  y = write(content.title, { font: "bold", size: 36, color: COLOR.title }, full.x, 124, full.width);
  y = write(content.recipientLabel, { font: "italic", size: 15 }, full.x, y + 12, full.width);
  y = write(content.recipient, { font: "bold", size: 28, color: COLOR.name }, full.x, y + 4, full.width);
  for (const detail of content.recipientDetails)
    y = write(detail, { font: "regular", size: 13 }, full.x, y + 2, full.width);
  const body = { x: 110, width: PAGE.width - 220 };
  y += 14;
  const bodySize = fittingSize(doc, content.body, body.width, BODY_BOTTOM - y);
  for (const paragraph of content.body)
    y = write(paragraph, { font: "regular", size: bodySize }, body.x, y + 4, body.width);

  // Place and date with the signing body (right); number and verification (left).
  const sign = { x: 450, width: 350 };
  y = write(
    issueDateLine(content.place, content.issuedAt),
    { font: "italic", size: 13 },
    sign.x,
    FOOTER_TOP,
    sign.width,
  );
  write(content.signer, { font: "bold", size: 13 }, sign.x, y + 2, sign.width);

  let textX = 60;
  if (content.verifyUrl) {
    drawQr(doc, content.verifyUrl, 60, FOOTER_TOP, 92);
    textX = 164;
  }
  const numberLine = `Số hiệu: ${content.code}`;
  record(numberLine, "bold");
  doc
    .font("bold")
    .fontSize(11)
    .fillColor(COLOR.text)
    .text(numberLine, textX, FOOTER_TOP + 4, { width: 280 });
  if (content.verifyUrl) {
    const verifyLine = `Tra cứu: ${content.verifyUrl}`;
    record(verifyLine, "regular");
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(verifyLine, textX, doc.y + 4, { width: 270 });
  }
}

/** The largest size (16 pt down to 11 pt) at which the paragraphs fit the height left. */
function fittingSize(doc: Doc, paragraphs: string[], width: number, available: number): number {
  for (let size = 16; size > 11; size -= 0.5) {
    doc.font("regular").fontSize(size);
    const height = paragraphs.reduce((sum, text) => sum + 4 + doc.heightOfString(text, { width, align: "center" }), 0);
    if (height <= available) return size;
  }
  return 11;
}

/** The QR code as vector squares: sharp at any print size, and no image to decode. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const quiet = 2;
  const module = size / (matrix.size + quiet * 2);
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (matrix.isDark(row, column))
        doc.rect(x + (column + quiet) * module, y + (row + quiet) * module, module, module);
    }
  }
  doc.fill("#000000");
}
