import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server } from "socket.io";
import type { Runtime } from "~/runtime.server";
import { RedisStore } from "~/store/redis-store.server";

/**
 * Socket.IO on the same HTTP server and port as Remix. With Redis, rooms span processes
 * through the Redis adapter; without it (embedded default) there is one process.
 * Live features (leaderboards, live quiz) register their events here in later issues; every
 * event must validate its payload with zod and answer through an ack.
 */
export function attachSocketServer(httpServer: HttpServer, runtime: Runtime): { io: Server; close(): Promise<void> } {
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024, // events are small; anything larger is hostile
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  const adapterClients: Array<{ disconnect(): void }> = [];
  if (runtime.store instanceof RedisStore) {
    const publisher = runtime.store.client.duplicate({ keyPrefix: "" });
    const subscriber = publisher.duplicate();
    adapterClients.push(publisher, subscriber);
    io.adapter(createAdapter(publisher, subscriber, { key: `${runtime.env.REDIS_PREFIX}socket.io` }));
    io.of("/").adapter.on("error", (error: Error) => runtime.logger.error({ err: error }, "socket adapter error"));
  }
  io.on("connection", (socket) => {
    // A liveness check clients (and tests) can use: answers with the server's clock.
    socket.on("clock", (ack: unknown) => {
      if (typeof ack === "function") ack({ ok: true, serverTime: Date.now() });
    });
  });
  return {
    io,
    async close() {
      await io.close();
      for (const client of adapterClients) client.disconnect();
    },
  };
}
