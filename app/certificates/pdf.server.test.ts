import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { extractPdfText } from "../../tests/support/pdf-text";
import { certificateCode } from "./codes.server";
import { CERTIFICATE_FONTS, type CertificateContent, type CertificateFont, renderCertificatePdf } from "./pdf.server";
import { issueDateLine, NATIONAL_MOTTO, NATIONAL_NAME, placeName, shortDate } from "./wording";

// Every letter of Vietnamese, lower and upper case, with each of the five tone marks.
const VIETNAMESE_LETTERS = [
  "aàáảãạ ăằắẳẵặ âầấẩẫậ bcdđ eèéẻẽẹ êềếểễệ ghiìíỉĩị klmnoòóỏõọ ôồốổỗộ ơờớởỡợ pqrstuùúủũụ ưừứửữự vxyỳýỷỹỵ",
  "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ BCDĐ EÈÉẺẼẸ ÊỀẾỂỄỆ GHIÌÍỈĨỊ KLMNOÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ PQRSTUÙÚỦŨỤ ƯỪỨỬỮỰ VXYỲÝỶỸỴ",
  "0123456789 .,:;—-–…/()«»“”'\"",
].join(" ");

const SAMPLE: CertificateContent = {
  issuerLines: ["XÃ KIM THÀNH", "BAN TỔ CHỨC CUỘC THI"],
  title: "GIẤY CHỨNG NHẬN",
  recipientLabel: "Chứng nhận",
  recipient: "Thí Sinh Thử Nghiệm Ứng Dụng (demo)",
  recipientDetails: ["Đơn vị: Lớp 9A – Trường THCS (demo)"],
  body: [
    "Đã tham gia Cuộc thi trực tuyến tìm hiểu pháp luật về trật tự, an toàn giao thông đường bộ năm 2026 (demo)",
    "Đợt 1 — bài thi ngày 23/11/2026",
  ],
  place: "Kim Thành",
  issuedAt: new Date("2026-11-23T09:00:00+07:00"),
  signer: "BAN TỔ CHỨC CUỘC THI",
  code: "CT-7K3M-Q9XD-2HFA-WB4E",
  verifyUrl: "https://thi.example.vn/chung-nhan/CT-7K3M-Q9XD-2HFA-WB4E",
};

const fonts = Object.fromEntries(
  (Object.keys(CERTIFICATE_FONTS) as CertificateFont[]).map((name) => [
    name,
    fontkit.openSync(CERTIFICATE_FONTS[name]),
  ]),
) as Record<CertificateFont, fontkit.Font>;

function missingGlyphs(font: fontkit.Font, text: string): string[] {
  return [...new Set(text)].filter((char) => char.trim() && !font.hasGlyphForCodePoint(char.codePointAt(0) as number));
}

describe("certificate fonts", () => {
  it("have a glyph for every Vietnamese letter in each face used", () => {
    for (const name of Object.keys(fonts) as CertificateFont[])
      expect(missingGlyphs(fonts[name], VIETNAMESE_LETTERS), name).toEqual([]);
  });

  it("have a glyph for every character the certificate draws, in the face it is drawn in", async () => {
    const drawn: { text: string; font: CertificateFont }[] = [];
    await renderCertificatePdf(SAMPLE, (text, font) => drawn.push({ text, font }));
    const texts = drawn.map((item) => item.text);
    // The recorder sees everything: the fixed heading and date line as well as the content.
    expect(texts).toEqual(
      expect.arrayContaining([NATIONAL_NAME, NATIONAL_MOTTO, SAMPLE.recipient, SAMPLE.title, ...SAMPLE.body]),
    );
    expect(texts).toContain("Kim Thành, ngày 23 tháng 11 năm 2026");
    const missing = drawn.flatMap(({ text, font }) => missingGlyphs(fonts[font], text).map((c) => `${font}:${c}`));
    expect(missing).toEqual([]);
  });
});

describe("certificate PDF", () => {
  it("is one A4 landscape page whose text reads back exactly, diacritics and all", async () => {
    const pdf = await renderCertificatePdf(SAMPLE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    // Subset fonts: a certificate stays small enough for a phone on 3G.
    expect(pdf.length).toBeLessThan(120_000);
    const { pages, text } = await extractPdfText(pdf);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, " ");
    for (const expected of [
      NATIONAL_NAME,
      NATIONAL_MOTTO,
      "XÃ KIM THÀNH",
      "GIẤY CHỨNG NHẬN",
      SAMPLE.recipient,
      "Đơn vị: Lớp 9A – Trường THCS (demo)",
      "Kim Thành, ngày 23 tháng 11 năm 2026",
      `Số hiệu: ${SAMPLE.code}`,
    ])
      expect(flat).toContain(expected);
    expect(flat).toContain("an toàn giao thông đường bộ");
  });

  it("prints the verification address only when there is one", async () => {
    const withQr = (await extractPdfText(await renderCertificatePdf(SAMPLE))).text.replace(/\s+/g, "");
    expect(withQr).toContain(`Tracứu:${SAMPLE.verifyUrl}`);
    const without = await extractPdfText(await renderCertificatePdf({ ...SAMPLE, verifyUrl: undefined }));
    expect(without.text).not.toContain("Tra cứu");
  });
});

describe("certificate wording", () => {
  it("writes the date line as the decree does: leading zeros on days below 10 and months 1 and 2", () => {
    expect(issueDateLine("Kim Thành", new Date("2026-02-05T10:00:00+07:00"))).toBe(
      "Kim Thành, ngày 05 tháng 02 năm 2026",
    );
    expect(issueDateLine("Hải An", new Date("2026-11-23T10:00:00+07:00"))).toBe("Hải An, ngày 23 tháng 11 năm 2026");
    // 23:30 UTC on 31 March is already 1 April in Vietnam.
    expect(issueDateLine("Huế", new Date("2026-03-31T23:30:00Z"))).toBe("Huế, ngày 01 tháng 4 năm 2026");
    expect(shortDate(new Date("2026-03-31T23:30:00Z"))).toBe("01/04/2026");
  });

  it("names the place without its administrative level", () => {
    expect(placeName("Xã Kim Thành")).toBe("Kim Thành");
    expect(placeName("Phường Hải An")).toBe("Hải An");
    expect(placeName("Thành phố Hải Phòng")).toBe("Hải Phòng");
    expect(placeName("Tỉnh Gia Lai")).toBe("Gia Lai");
    expect(placeName("Đặc khu Côn Đảo")).toBe("Côn Đảo");
  });
});

describe("certificate numbers", () => {
  it("are stable for one attempt, differ between attempts and secrets, and read unambiguously", () => {
    const secret = "a".repeat(64);
    const first = certificateCode(secret, "contest", "attempt-1");
    expect(certificateCode(secret, "contest", "attempt-1")).toBe(first);
    expect(first).toMatch(/^CT-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificateCode(secret, "contest", "attempt-2")).not.toBe(first);
    expect(certificateCode("b".repeat(64), "contest", "attempt-1")).not.toBe(first);
    expect(certificateCode(secret, "course", "attempt-1")).toMatch(/^KH-/);
  });
});
