import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Runtime } from "../app/runtime.server";

export interface AppOptions {
  runtime: Runtime;
  /** Production: the built Remix server. Development: a loader that asks Vite each time. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Development only: Vite's middlewares (HMR, on-demand modules). */
  viteMiddlewares?: RequestHandler;
  clientDir?: string;
}

/** The Express app: security headers, logging, CSRF origin check, static files, Remix. */
export function createApp({ runtime, build, viteMiddlewares, clientDir }: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", runtime.env.TRUST_PROXY);
  const development = runtime.env.NODE_ENV === "development";

  app.use((req, res, next) => {
    res.locals.requestId = randomUUID();
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });
  app.use(
    pinoHttp({
      logger: runtime.logger,
      genReqId: (_req, res) => (res as express.Response).locals.requestId,
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/assets/") === true },
      // One short line per request: no headers (cookies stay out of the log).
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: development
        ? false // Vite's dev client injects inline scripts and a WebSocket on another port.
        : {
            directives: {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
              styleSrc: ["'self'", "'unsafe-inline'"],
              // Question illustrations may be linked from https sites chosen by organizers.
              imgSrc: ["'self'", "data:", "blob:", "https:"],
              // Lesson videos and audio may be hosted on https sites the organizer links to.
              mediaSrc: ["'self'", "blob:", "https:"],
              connectSrc: ["'self'", "ws:", "wss:"],
              formAction: ["'self'"],
              frameAncestors: ["'none'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              upgradeInsecureRequests: null,
            },
          },
      // HSTS only matters over HTTPS; helmet sends it always, browsers ignore it over HTTP.
      strictTransportSecurity: { maxAge: 15552000, includeSubDomains: false },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compression());
  app.use(rejectCrossOriginWrites);
  // Loaders and actions learn the client address from this header, set here only.
  app.use((req, _res, next) => {
    req.headers["x-client-ip"] = req.ip ?? "";
    next();
  });

  app.get("/healthz", async (_req, res) => {
    const [database, store] = await Promise.all([
      runtime.db.$queryRaw`SELECT 1`.then(() => true).catch(() => false),
      runtime.store.ping(),
    ]);
    res
      .status(database && store ? 200 : 503)
      .json({ ok: database && store, database, store: store ? runtime.store.kind : false });
  });

  if (viteMiddlewares) {
    app.use(viteMiddlewares);
  } else {
    const client = clientDir ?? path.resolve("build/client");
    // Fingerprinted assets never change; everything else is revalidated.
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: runtime.env.NODE_ENV,
      getLoadContext: (_req, res) => ({ requestId: res.locals.requestId, cspNonce: res.locals.cspNonce }),
    }),
  );
  return app;
}

/**
 * CSRF defence besides SameSite=Lax cookies: a state-changing request whose Origin (or Referer)
 * names another site is refused. Requests without either header (curl, the CLI) carry no
 * browser cookies of a victim and pass.
 */
const rejectCrossOriginWrites: RequestHandler = (req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const source = req.get("origin") ?? req.get("referer");
  if (!source || source === "null")
    return source === "null" ? res.status(403).send("Cross-site request refused") : next();
  try {
    if (new URL(source).host === req.get("host")) return next();
  } catch {
    // fall through: an unparsable Origin is refused
  }
  res.status(403).send("Cross-site request refused");
};
