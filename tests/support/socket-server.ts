import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { attachSocketServer } from "~/realtime/socket.server";
import type { Runtime } from "~/runtime.server";

/**
 * The app's Socket.IO layer on a real HTTP server on a free port, for integration tests with
 * real socket.io-client connections; `close()` disconnects every client it made.
 */
export interface TestSocketServer {
  url: string;
  /** A client that does not reconnect by itself; `origin` as a browser page would send it. */
  client(options?: { cookie?: string; origin?: string }): Socket;
  /** The same, once connected. */
  connectedClient(options?: { cookie?: string; origin?: string }): Promise<Socket>;
  close(): Promise<void>;
}

export type AckShape = { ok: boolean; code?: string; message?: string; [key: string]: unknown };

/** Sends an event and waits (at most 5 s) for its ack. */
export const request = (socket: Socket, event: string, ...args: unknown[]) =>
  socket.timeout(5000).emitWithAck(event, ...args) as Promise<AckShape>;

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

export async function startTestSocketServer(runtime: Runtime): Promise<TestSocketServer> {
  const server = createServer();
  const sockets = attachSocketServer(server, runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  const client: TestSocketServer["client"] = (options = {}) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const socket = connect(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false });
    clients.push(socket);
    return socket;
  };
  return {
    url,
    client,
    async connectedClient(options) {
      const socket = client(options);
      await connected(socket);
      return socket;
    },
    async close() {
      for (const socket of clients) socket.disconnect();
      await sockets.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
