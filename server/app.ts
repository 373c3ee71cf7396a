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
              // The socket of this site only (older Safari does not count ws: as 'self').
              connectSrc: ["'self'", (req) => sameHostSocket(req, "wss"), (req) => sameHostSocket(req, "ws")],
              formAction: ["'self'"],
              frameAncestors: ["'none'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              upgradeInsecureRequests: null,
            },
          },
      // Sent below, only on requests that came over HTTPS (directly or via a trusted proxy).
      strictTransportSecurity: false,
      // Not helmet's "no-referrer": under it a browser sends `Origin: null` with a form posted
      // without JavaScript, which rejectCrossOriginWrites must refuse. "same-origin" still tells
      // other sites nothing, and lets our own no-JS forms (e.g. a rating) through.
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req, res, next) => {
    // req.secure honours X-Forwarded-Proto only from the proxies TRUST_PROXY trusts.
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=15552000");
    next();
  });
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
      build:
        typeof build === "function" ? async () => unreadableBodiesAre400(await build()) : unreadableBodiesAre400(build),
      mode: runtime.env.NODE_ENV,
      getLoadContext: (_req, res) => ({ requestId: res.locals.requestId, cspNonce: res.locals.cspNonce }),
    }),
  );
  return app;
}

/**
 * Input PostgreSQL cannot store or Remix cannot read is the sender's mistake, answered with a
 * 400 by every route instead of a 500: a body that is not a form (JSON, multipart without a
 * boundary, garbage) makes `request.formData()` throw a TypeError, and a NUL character (a URL
 * or form field with %00) is refused by PostgreSQL in any text column.
 */
const unreadable = /FormData|Content-Type was not one of/;
const badRequest = () => new Response("Bad Request: the request could not be read", { status: 400 });
const hasNul = (text: string) => text.includes("\u0000") || /%00/i.test(text);
const wrappedBuilds = new WeakMap<ServerBuild, ServerBuild>();
export function unreadableBodiesAre400(build: ServerBuild): ServerBuild {
  const cached = wrappedBuilds.get(build);
  if (cached) return cached;
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { action, loader } = route.module;
      const guardedLoader: typeof loader = loader
        ? (args) => {
            if (hasNul(args.request.url)) throw badRequest();
            return loader(args);
          }
        : undefined;
      const guardedAction: typeof action = action
        ? async (args) => {
            let request = args.request;
            if (hasNul(request.url)) throw badRequest();
            if ((request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded")) {
              const text = await request.text();
              if (hasNul(text)) throw badRequest();
              request = new Request(request.url, { method: request.method, headers: request.headers, body: text });
            }
            try {
              return await action({ ...args, request });
            } catch (error) {
              if (error instanceof TypeError && unreadable.test(error.message)) throw badRequest();
              throw error;
            }
          }
        : undefined;
      return [id, { ...route, module: { ...route.module, loader: guardedLoader, action: guardedAction } }];
    }),
  );
  const wrapped = { ...build, routes };
  wrappedBuilds.set(build, wrapped);
  return wrapped;
}

/** `wss://host` of the request's own host, or 'none' when the Host header is not a plain host. */
function sameHostSocket(req: { headers: { host?: string } }, scheme: "ws" | "wss"): string {
  const host = req.headers.host ?? "";
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? `${scheme}://${host}` : "'self'";
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
