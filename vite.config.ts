import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { i18nParts } from "./scripts/i18n-parts-plugin";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: false;
  }
}

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  plugins: [
    i18nParts(fileURLToPath(new URL("./app/i18n/locales", import.meta.url))),
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/*.css"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  // Pre-bundled so the first dev load does not reload mid-hydration (see STACK.md).
  optimizeDeps: { include: ["zod", "socket.io-client"] },
  server: { hmr: { port: 24678 } },
});
