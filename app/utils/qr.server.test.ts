import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { qrMatrix, qrPng, qrSvg, qrSvgDataUri } from "./qr.server";
import { absoluteUrl } from "./url.server";

const CONTEST_URL = "https://thi.example.vn/contests/tim-hieu-phap-luat-kim-thanh-2026";

function decodePng(png: Buffer): { text: string | null; width: number } {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { text: found?.data ?? null, width: image.width };
}

describe("QR codes", () => {
  it("makes a printable PNG that a reader decodes back to the address", async () => {
    const decoded = decodePng(await qrPng(CONTEST_URL));
    expect(decoded.text).toBe(CONTEST_URL);
    expect(decoded.width).toBeGreaterThanOrEqual(1000);
  });

  it("keeps Vietnamese text intact (byte mode, UTF-8)", async () => {
    const text = "https://thi.example.vn/xác-minh?mã=ĐỢT-1";
    expect(decodePng(await qrPng(text, 400)).text).toBe(text);
  });

  it("draws the same symbol in SVG as the matrix a PDF uses", async () => {
    const matrix = qrMatrix(CONTEST_URL);
    const svg = await qrSvg(CONTEST_URL);
    const side = matrix.size + 4; // two modules of quiet zone on each side
    expect(svg).toMatch(new RegExp(`^<svg[^>]+viewBox="0 0 ${side} ${side}"`));
    // The top-left finder pattern: a dark 7×7 ring with a light ring inside.
    expect([0, 1, 2, 3, 4, 5, 6].map((column) => matrix.isDark(0, column))).toEqual(Array(7).fill(true));
    expect(matrix.isDark(1, 1)).toBe(false);
    expect(matrix.isDark(3, 3)).toBe(true);
    const uri = await qrSvgDataUri(CONTEST_URL);
    expect(uri.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(uri.slice(uri.indexOf(",") + 1))).toBe(svg);
  });

  it("draws each address's data URI once, and still answers every address when more than it keeps", async () => {
    const first = qrSvgDataUri(`${CONTEST_URL}?cached`);
    expect(qrSvgDataUri(`${CONTEST_URL}?cached`)).toBe(first);
    const many = await Promise.all(
      Array.from({ length: 520 }, (_, index) => qrSvgDataUri(`${CONTEST_URL}?n=${index}`)),
    );
    expect(new Set(many).size).toBe(520);
    // The oldest fell out and is drawn again, the same.
    expect(await qrSvgDataUri(`${CONTEST_URL}?cached`)).toBe(await first);
  });
});

describe("absolute addresses", () => {
  it("take the scheme and host the request was built with, not the request's own path", () => {
    const request = new Request("https://thi.example.vn/contests/abc?_data=routes%2Fcontests");
    expect(absoluteUrl(request, "/contests/abc")).toBe("https://thi.example.vn/contests/abc");
    expect(absoluteUrl(new Request("http://localhost:3000/x"), "/contests/abc")).toBe(
      "http://localhost:3000/contests/abc",
    );
  });
});
