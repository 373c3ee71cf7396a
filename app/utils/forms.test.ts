import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms";

const formOf = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("parseForm", () => {
  it("keeps each schema's own message keys, whatever their namespace, and replaces zod's sentences", () => {
    const schema = z.object({
      title: z.string().min(5, "courses.errors.titleTooShort"),
      hours: z.string().min(1, "errors.invalidValue"),
      count: z.coerce.number().int(),
    });
    const parsed = parseForm(schema, formOf({ title: "abc", hours: "", count: "many", password: "secret" }));
    if (parsed.ok) throw new Error("should be refused");
    expect(parsed.fieldErrors).toEqual({
      title: "courses.errors.titleTooShort",
      hours: "errors.invalidValue",
      count: "errors.invalidValue",
    });
    // What was typed comes back, except passwords.
    expect(parsed.values).toEqual({ title: "abc", hours: "", count: "many" });
  });
});
