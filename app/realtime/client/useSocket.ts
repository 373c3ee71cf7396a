import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";

/**
 * One Socket.IO connection per page, opened on first use in the browser (never on the server).
 * The client library (14 KB gzipped) is fetched only then, after the page is interactive, so
 * pages without a live view never download it (issue 8, page weight). It reconnects by itself;
 * components resubscribe on every "connect" so a dropped phone connection comes back to the
 * same live views.
 */
export const CONNECTION_STATES = ["connecting", "connected", "reconnecting"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

let shared: Promise<Socket> | null = null;

export function sharedSocket(): Promise<Socket> {
  shared ??= import("socket.io-client").then(({ io }) => {
    const socket = io({ transports: ["websocket", "polling"], reconnectionDelayMax: 10_000 });
    keepTrying(socket);
    return socket;
  });
  return shared;
}

/**
 * Socket.IO reconnects by itself after a dropped connection, but not after the server refused
 * the handshake (it could not read the session while its database was unreachable, or it was
 * restarting): then the socket stays down until connect() is called. Try again with back-off.
 */
export function keepTrying(socket: Socket, maxDelayMs = 10_000): void {
  let failures = 0;
  socket.on("connect", () => {
    failures = 0;
  });
  socket.on("connect_error", () => {
    if (socket.active) return; // a transport error: the manager's own reconnection carries on
    failures++;
    setTimeout(() => socket.connect(), Math.min(maxDelayMs, 500 * 2 ** Math.min(failures, 5)));
  });
}

/**
 * The server reads the session once, at the socket's handshake, and a log-in or log-out in this
 * tab keeps the page's socket: connect again then, so the socket acts as the page's user and
 * never as whoever used the tab before (a start over the socket would start their attempt).
 */
let socketUser: string | null | undefined;
export function useSocketUser(userId: string | null): void {
  useEffect(() => {
    if (socketUser !== undefined && socketUser !== userId)
      void shared?.then(
        (socket) => socket.disconnect().connect(),
        () => undefined,
      );
    socketUser = userId;
  }, [userId]);
}

/** The page's socket and its connection state (null until loaded in the browser, or while not enabled). */
export function useSocket(enabled = true): { socket: Socket | null; state: ConnectionState } {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    if (!enabled) return;
    let unmounted = false;
    let unsubscribe = () => {};
    sharedSocket().then(
      (current) => {
        if (unmounted) return;
        setSocket(current);
        setState(current.connected ? "connected" : "connecting");
        const onConnect = () => setState("connected");
        const onDisconnect = () => setState("reconnecting");
        current.on("connect", onConnect);
        current.on("disconnect", onDisconnect);
        current.io.on("reconnect_attempt", onDisconnect);
        unsubscribe = () => {
          current.off("connect", onConnect);
          current.off("disconnect", onDisconnect);
          current.io.off("reconnect_attempt", onDisconnect);
        };
      },
      () => {
        // The library could not be fetched (offline): the board stays as the server rendered it.
        shared = null;
      },
    );
    return () => {
      unmounted = true;
      unsubscribe();
    };
  }, [enabled]);
  return { socket, state };
}
