import { io as connectSocket, type Socket } from "socket.io-client";

/**
 * A bench client's socket as a browser page opens it (websocket, the page's origin, its session
 * cookie if any), without reconnecting by itself: a drop is an error the scenario counts.
 */
export function connect(url: string, cookie: string | null): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(url, {
      transports: ["websocket"],
      extraHeaders: { origin: url, ...(cookie ? { cookie } : {}) },
      reconnection: false,
      timeout: 30_000,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}
