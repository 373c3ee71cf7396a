import { describe, expect, it } from "vitest";
import { detectImageType } from "./images";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe("recognising banner images by their first bytes", () => {
  it("knows PNG, JPEG and WebP", () => {
    expect(detectImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))?.contentType).toBe(
      "image/png",
    );
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"))?.extension).toBe("jpg");
    expect(detectImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))?.contentType).toBe("image/webp");
  });

  it("refuses anything else, whatever its name would claim", () => {
    for (const sample of [
      bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      bytes("GIF89a"),
      bytes("%PDF-1.7"),
      bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "),
      bytes([0x89], "PN"),
      bytes([0xff, 0xd8]),
      new Uint8Array(),
    ])
      expect(detectImageType(sample)).toBeNull();
  });
});
