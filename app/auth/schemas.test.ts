import { describe, expect, it } from "vitest";
import {
  changePasswordSchema,
  normalizePhone,
  parseIdentifier,
  passwordSchema,
  registerSchema,
  safeRedirect,
} from "./schemas";

describe("normalizePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["091.234.5678", "0912345678"],
  ])("accepts %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["12345", "0212345678", "09123456789", "abc", ""])("refuses %s", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("parseIdentifier", () => {
  it("lower-cases e-mails and recognises phones", () => {
    expect(parseIdentifier(" An@Example.VN ")).toEqual({ kind: "email", value: "an@example.vn" });
    expect(parseIdentifier("0987654321")).toEqual({ kind: "phone", value: "0987654321" });
    expect(parseIdentifier("not-an-email@")).toBeNull();
  });
});

describe("password rule", () => {
  const messageOf = (value: string) => passwordSchema.safeParse(value).error?.issues[0].message;
  it("requires 8 characters with a letter and a digit, and refuses common ones", () => {
    expect(messageOf("abc1")).toBe("errors.password.tooShort");
    expect(messageOf("abcdefgh")).toBe("errors.password.weak");
    expect(messageOf("12345678")).toBe("errors.password.weak");
    expect(messageOf("Password123")).toBe("errors.password.common");
    expect(passwordSchema.safeParse("Luật2025hay").success).toBe(true);
  });
});

describe("form schemas", () => {
  it("reports mismatched confirmation on the confirmation field", () => {
    const result = registerSchema.safeParse({
      fullName: "Nguyễn Văn Thử",
      identifier: "0912345678",
      password: "Matkhau-2025",
      confirmPassword: "Matkhau-2026",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["confirmPassword"], message: "errors.password.mismatch" }),
    ]);
  });

  it("refuses a new password equal to the current one", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "Abc12345x",
      newPassword: "Abc12345x",
      confirmPassword: "Abc12345x",
    });
    expect(result.error?.issues[0].message).toBe("errors.password.sameAsOld");
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeRedirect("/manage/org?x=1")).toBe("/manage/org?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
  });
});
