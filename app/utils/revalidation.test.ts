import { describe, expect, it } from "vitest";
import { onlyQueryChanged } from "./revalidation";

const url = (path: string) => new URL(path, "http://localhost");

describe("onlyQueryChanged", () => {
  it("is true for a move within a page, and false for anything that should reload", () => {
    expect(onlyQueryChanged(url("/attempts/a?q=1"), url("/attempts/a?q=2"), undefined)).toBe(true);
    expect(onlyQueryChanged(url("/attempts/a"), url("/attempts/a?q=2"), undefined)).toBe(true);
    // An explicit revalidation (same URL), another page, or a form submission reload.
    expect(onlyQueryChanged(url("/attempts/a?q=1"), url("/attempts/a?q=1"), undefined)).toBe(false);
    expect(onlyQueryChanged(url("/attempts/a?q=1"), url("/attempts/b?q=1"), undefined)).toBe(false);
    expect(onlyQueryChanged(url("/attempts/a?q=1"), url("/attempts/a?q=2"), "POST")).toBe(false);
  });
});
