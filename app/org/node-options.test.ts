import { describe, expect, it } from "vitest";
import { nodeIndent, nodeOptions } from "./node-options";

const district = { id: "d", name: "Quận Demo", depth: 1, code: "Q-DEMO" };
const commune = { id: "c", name: "Phường Demo", depth: 2, code: "P-DEMO" };

describe("org node pickers", () => {
  it("indent below the shallowest node shown, not the tree's root", () => {
    expect(nodeOptions([district, commune])).toEqual([
      { value: "d", label: "Quận Demo" },
      { value: "c", label: "— Phường Demo" },
    ]);
    expect(nodeOptions([commune])).toEqual([{ value: "c", label: "Phường Demo" }]);
  });

  it("add the code when asked, and give the same indentation to checkbox lists", () => {
    expect(nodeOptions([district, commune], { withCode: true })[1].label).toBe("— Phường Demo (P-DEMO)");
    expect(nodeIndent([district, commune])(commune)).toBe("— ");
  });
});
