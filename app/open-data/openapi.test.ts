import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { routePattern } from "../../tests/support/route-files";

/**
 * docs/openapi.yaml (served at /api/v1/openapi.yaml) must parse as OpenAPI 3.1, describe exactly
 * the API routes in app/routes/, and hold no dangling $ref — so the file the portals read cannot
 * drift from what the server answers.
 */
const root = path.resolve(__dirname, "../..");
const spec = parse(readFileSync(path.join(root, "docs/openapi.yaml"), "utf8"));

/** "api.v1.nodes.$code.indicators" → "/nodes/{code}/indicators" (relative to the server URL /api/v1). */
const apiPaths = readdirSync(path.join(root, "app/routes"))
  .filter((file) => file.startsWith("api.v1.") && !file.includes(".test."))
  .map((file) => routePattern(file.replace(/\.tsx?$/, "")).pattern)
  .map((pattern) => pattern.replace(/^\/api\/v1/, "").replace(/:(\w+)/g, "{$1}"))
  .sort();

describe("the OpenAPI description of the open-data API", () => {
  it("is OpenAPI 3.1 with the server at /api/v1", () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    expect(spec.servers).toEqual([{ url: "/api/v1" }]);
    expect(spec.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every implemented path, and only those", () => {
    expect(apiPaths).toEqual(["/nodes", "/nodes/{code}/indicators", "/nodes/{code}/statistics", "/openapi.yaml"]);
    expect(Object.keys(spec.paths).sort()).toEqual(apiPaths);
    for (const [name, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(spec.paths)) {
      expect(Object.keys(item), name).toEqual(["get"]);
      expect(Object.keys(item.get.responses), name).toContain("200");
      // Every endpoint with data answers 401 without a token.
      if (name !== "/openapi.yaml") expect(Object.keys(item.get.responses), name).toContain("401");
    }
  });

  it("has no dangling $ref", () => {
    const refs: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object")
        for (const [key, inner] of Object.entries(value)) key === "$ref" ? refs.push(String(inner)) : walk(inner);
    };
    walk(spec);
    expect(refs.length).toBeGreaterThan(10);
    const missing = refs.filter((ref) => {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
      return target === undefined;
    });
    expect(missing).toEqual([]);
  });
});
