import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";

/**
 * One Socket.IO connection per page, opened on first use in the browser (never on the server).
 * It reconnects by itself; components resubscribe on every "connect" so a dropped phone
 * connection comes back to the same live views.
 */
export const CONNECTION_STATES = ["connecting", "connected", "reconnecting"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

let shared: Socket | null = null;

export function sharedSocket(): Socket {
  shared ??= io({ transports: ["websocket", "polling"], reconnectionDelayMax: 10_000 });
  return shared;
}

/** The page's socket and its connection state (null until mounted in the browser). */
export function useSocket(): { socket: Socket | null; state: ConnectionState } {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const current = sharedSocket();
    setSocket(current);
    setState(current.connected ? "connected" : "connecting");
    const onConnect = () => setState("connected");
    const onDisconnect = () => setState("reconnecting");
    current.on("connect", onConnect);
    current.on("disconnect", onDisconnect);
    current.io.on("reconnect_attempt", onDisconnect);
    return () => {
      current.off("connect", onConnect);
      current.off("disconnect", onDisconnect);
      current.io.off("reconnect_attempt", onDisconnect);
    };
  }, []);
  return { socket, state };
}
