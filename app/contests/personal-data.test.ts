import { describe, expect, it } from "vitest";
import { askedFields, formatDateOfBirth, maskCitizenId, maskPhone, registrationCell } from "./personal-data";

describe("personal data in exports", () => {
  const answers = {
    fullName: "Người thử",
    dateOfBirth: "2010-05-17",
    phone: "0900000123",
    citizenId: "000000000123",
    gender: "female",
    unit: "Lớp 9B",
  };

  it("masks phone, citizen-ID numbers and dates of birth unless told not to", () => {
    expect(registrationCell("phone", answers, true)).toBe("090****123");
    expect(registrationCell("citizenId", answers, true)).toBe("000******123");
    expect(registrationCell("dateOfBirth", answers, true)).toBe("**/**/2010");
    expect(registrationCell("phone", answers, false)).toBe("0900000123");
    expect(registrationCell("citizenId", answers, false)).toBe("000000000123");
    expect(registrationCell("dateOfBirth", answers, false)).toBe("17/05/2010");
  });

  it("writes the other answers as they are, gender in Vietnamese, a missing answer as empty", () => {
    expect(registrationCell("unit", answers, true)).toBe("Lớp 9B");
    expect(registrationCell("gender", answers, true)).toBe("Nữ");
    expect(registrationCell("address", answers, true)).toBe("");
  });

  it("never shows a short or odd value whole when masking", () => {
    expect(maskPhone("12345")).toBe("***");
    expect(maskCitizenId("123")).toBe("***");
    expect(formatDateOfBirth("garbage", true)).toBe("");
  });

  it("lists the fields a contest asks for, in the form's order", () => {
    expect(askedFields({ unit: "required", phone: "optional", citizenId: "off", fullName: "required" })).toEqual([
      "fullName",
      "phone",
      "unit",
    ]);
    expect(askedFields(null)).toEqual([]);
  });
});
