import { describe, expect, it } from "vitest";
import { foldDiacritics } from "~/utils/text";
import { createOrgNodeSchema, parentTypeAllowed, parseOrgNodeType } from "./schemas";

describe("parentTypeAllowed", () => {
  it("keeps provinces at the root and communes inside provinces", () => {
    expect(parentTypeAllowed("PROVINCE", null)).toBe(true);
    expect(parentTypeAllowed("PROVINCE", "PROVINCE")).toBe(false);
    expect(parentTypeAllowed("COMMUNE", "PROVINCE")).toBe(true);
    expect(parentTypeAllowed("COMMUNE", "COMMUNE")).toBe(false);
    expect(parentTypeAllowed("COMMUNE", null)).toBe(false);
    expect(parentTypeAllowed("UNIT", "COMMUNE")).toBe(true);
    expect(parentTypeAllowed("UNIT", "UNIT")).toBe(true);
    expect(parentTypeAllowed("UNIT", null)).toBe(false);
  });
});

describe("parseOrgNodeType", () => {
  it.each([
    ["Tỉnh/Thành phố", "PROVINCE"],
    ["Xã/Phường", "COMMUNE"],
    ["phường", "COMMUNE"],
    ["Đặc khu", "COMMUNE"],
    ["Đơn vị", "UNIT"],
    ["UNIT", "UNIT"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseOrgNodeType(input)).toBe(expected);
  });

  it("refuses unknown words", () => {
    expect(parseOrgNodeType("Huyện")).toBeNull();
  });
});

describe("createOrgNodeSchema", () => {
  it("upper-cases codes and rejects spaces and accents", () => {
    expect(createOrgNodeSchema.parse({ name: "Xã Thử", code: " hp-thu ", type: "COMMUNE", parentId: "p" }).code).toBe(
      "HP-THU",
    );
    expect(
      createOrgNodeSchema.safeParse({ name: "Xã Thử", code: "XÃ THỬ", type: "COMMUNE" }).error?.issues[0].message,
    ).toBe("errors.org.codeInvalid");
  });
});

it("foldDiacritics removes Vietnamese marks including đ", () => {
  expect(foldDiacritics("Luật Đất đai")).toBe("Luat Dat dai");
});
