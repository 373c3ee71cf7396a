import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server } from "socket.io";
import { z } from "zod";
import { getCurrentUser } from "~/auth/guards.server";
import type { Runtime } from "~/runtime.server";
import { RedisStore } from "~/store/redis-store.server";
import { attemptEvents } from "./attempt-events.server";
import { boardEvents, startBoardPublisher } from "./board-events.server";
import { bindEvents, defineEvent, type EventDefinition, type SocketContext } from "./events.server";
import { liveQuizEvents, startQuizPublisher } from "./live-quiz-events.server";
import { activityEvents, startActivityPublisher } from "./round-activity.server";

/**
 * Socket.IO on the same HTTP server and port as Remix. With Redis, rooms span processes
 * through the Redis adapter; without it (embedded default) there is one process.
 *
 * The handshake authenticates with the same session cookie as pages (anonymous sockets may
 * watch public boards only) and, like forms, refuses another site's pages: a cross-site
 * WebSocket would otherwise carry the victim's cookie.
 */
const clockEvent = defineEvent({
  name: "clock",
  schema: z.undefined(),
  access: "anyone",
  // A liveness check clients (and tests) use: the server's clock, for the offset to it.
  handle: async () => ({ ok: true, serverTime: Date.now() }),
});

/** Every socket event; the hostile-input suite (tests/e2e/hostile-input.test.ts) fuzzes each one listed here. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds events of every payload type.
export const SOCKET_EVENTS: EventDefinition<any>[] = [
  clockEvent,
  ...attemptEvents,
  ...boardEvents,
  ...activityEvents,
  ...liveQuizEvents,
];

/** Same-site check of the handshake: a browser always sends Origin on a cross-site WebSocket. */
export function sameSiteHandshake(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (the CLI, tests, the load generator)
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function attachSocketServer(httpServer: HttpServer, runtime: Runtime): { io: Server; close(): Promise<void> } {
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024, // events are small; anything larger is hostile
    pingInterval: 25_000,
    pingTimeout: 20_000,
    allowRequest: (request, callback) => callback(null, sameSiteHandshake(request)),
  });
  const adapterClients: Array<{ disconnect(): void }> = [];
  if (runtime.store instanceof RedisStore) {
    const publisher = runtime.store.client.duplicate({ keyPrefix: "" });
    const subscriber = publisher.duplicate();
    // Duplicates do not inherit the store's listeners: without one, a Redis outage is an
    // "Unhandled error event" on every reconnect attempt. They reconnect by themselves.
    for (const client of [publisher, subscriber])
      client.on("error", (error: Error) =>
        runtime.logger.warn({ err: error.message }, "socket adapter Redis unavailable"),
      );
    adapterClients.push(publisher, subscriber);
    io.adapter(createAdapter(publisher, subscriber, { key: `${runtime.env.REDIS_PREFIX}socket.io` }));
    io.of("/").adapter.on("error", (error: Error) => runtime.logger.error({ err: error }, "socket adapter error"));
  }
  io.use((socket, next) => {
    const cookie = socket.request.headers.cookie ?? "";
    getCurrentUser(new Request("http://socket.local/", { headers: { cookie } }))
      .then((user) => {
        // A user who must change their password first gets nothing but public events.
        socket.data.user = user && !user.mustChangePassword ? user : null;
        next();
      })
      .catch((error: unknown) => {
        runtime.logger.error({ err: error }, "socket handshake failed");
        next(new Error("SERVER_ERROR"));
      });
  });
  const boardPublisher = startBoardPublisher(io, runtime);
  const activityPublisher = startActivityPublisher(io, runtime);
  const quizPublisher = startQuizPublisher(io, runtime);
  io.on("connection", (socket) => {
    // The handshake has read the cookie: the first HTTP request need not live as long as the
    // connection (Socket.IO's memory-usage advice; thousands wait connected when a round opens).
    (socket.conn as unknown as { request: unknown }).request = null;
    const context: SocketContext = { socket, runtime, user: socket.data.user ?? null };
    bindEvents(context, SOCKET_EVENTS);
  });
  return {
    io,
    async close() {
      boardPublisher.stop();
      activityPublisher.stop();
      quizPublisher.stop();
      await io.close();
      for (const client of adapterClients) client.disconnect();
    },
  };
}
