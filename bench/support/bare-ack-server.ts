import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

/**
 * The ceiling of the machine for `npm run bench -- saturation`: a Socket.IO server that does
 * nothing but acknowledge each message, with the app's transport settings. Run as a child
 * process by bench/saturation.ts; tells its parent the port it listens on.
 */
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
io.on("connection", (socket) => {
  socket.onAny((_event: unknown, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack === "function") ack({ ok: true });
  });
});
httpServer.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (httpServer.address() as AddressInfo).port });
});
process.on("disconnect", () => process.exit(0));
