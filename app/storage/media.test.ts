import { describe, expect, it } from "vitest";
import { detectMediaType } from "./media";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe("lesson file types by their first bytes", () => {
  it("recognises each accepted kind", () => {
    expect(detectMediaType(bytes("%PDF-1.7\n"))?.extension).toBe("pdf");
    expect(detectMediaType(bytes([0, 0, 0, 0x20], "ftypisom"))?.extension).toBe("mp4");
    expect(detectMediaType(bytes([0, 0, 0, 0x20], "ftypM4A "))?.kind).toBe("audio");
    expect(detectMediaType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))?.extension).toBe("webm");
    expect(detectMediaType(bytes("OggS", [0, 2]))?.extension).toBe("ogg");
    expect(detectMediaType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))?.extension).toBe("wav");
    expect(detectMediaType(bytes("ID3", [4, 0]))?.extension).toBe("mp3");
    expect(detectMediaType(bytes([0xff, 0xfb, 0x90, 0x64]))?.extension).toBe("mp3");
  });

  it("refuses anything else, whatever its name would say", () => {
    expect(detectMediaType(bytes("<script>alert(1)</script>"))).toBeNull();
    expect(detectMediaType(bytes("MZ", [0x90, 0]))).toBeNull();
    expect(detectMediaType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBeNull();
    expect(detectMediaType(new Uint8Array())).toBeNull();
  });
});
