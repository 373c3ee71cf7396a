import spec from "../../docs/openapi.yaml?raw";

/** The open-data API's OpenAPI 3.1 description (docs/openapi.yaml), public: it holds no data. */
export function loader() {
  return new Response(spec, {
    headers: { "Content-Type": "application/yaml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
