import http from "node:http";

/**
 * A small HTTP client for the load generator: node:http with keep-alive (cheaper than fetch
 * for thousands of requests on a machine whose two cores are shared with the server), cookies
 * passed explicitly, redirects not followed. Origin is sent like a browser's, so the server's
 * same-site check applies.
 */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function httpClient(baseUrl: string) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  return {
    agent,
    request(
      method: "GET" | "POST",
      path: string,
      options: { cookie?: string; form?: Record<string, string>; timeoutMs?: number } = {},
    ): Promise<HttpResponse> {
      const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
      const headers: http.OutgoingHttpHeaders = { origin: base.origin, accept: "*/*" };
      if (options.cookie) headers.cookie = options.cookie;
      if (body !== undefined) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        headers["content-length"] = Buffer.byteLength(body);
      }
      return new Promise((resolve, reject) => {
        const request = http.request(
          { host: base.hostname, port: base.port, method, path, headers, agent, timeout: options.timeoutMs ?? 60_000 },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks).toString(),
              }),
            );
            response.on("error", reject);
          },
        );
        request.on("timeout", () => request.destroy(new Error(`timeout: ${method} ${path}`)));
        request.on("error", reject);
        request.end(body);
      });
    },
  };
}

/** The `name=value` pair of a Set-Cookie header, for the next requests' Cookie header. */
export function cookieFrom(response: HttpResponse, name: string): string | null {
  const header = response.headers["set-cookie"] ?? [];
  const found = header.find((line) => line.startsWith(`${name}=`));
  return found ? found.split(";")[0] : null;
}

/** Remix's data requests: `?_data=<route id>` as the browser's router sends them. */
export const dataPath = (path: string, routeId: string) =>
  `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
