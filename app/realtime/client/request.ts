import type { Socket } from "socket.io-client";

/**
 * A request over the page's socket that has an HTTP twin (starting, answering, submitting a
 * round: issue 8). Answers the server's ack, or null when the request should go over HTTP
 * instead: no connected socket, no ack in time (lost with the connection, or the server is
 * swamped), or a refusal that says nothing about the request itself.
 */
export type SocketRefusal = { ok: false; code: string; message: string };

// Busy or failing; a socket that authenticated as nobody (or as whoever used the tab before);
// a server older than the page. HTTP carries the page's own cookie and may well succeed.
const TRY_HTTP = ["SERVER_ERROR", "RATE_LIMITED", "UNAUTHENTICATED", "UNKNOWN_EVENT"];

export async function overSocket<Answer extends { ok: true }>(
  socket: Pick<Socket, "connected" | "timeout"> | null,
  event: string,
  payload: unknown,
  timeoutMs = 15_000,
): Promise<Answer | SocketRefusal | null> {
  if (!socket?.connected) return null;
  try {
    const answer: Answer | SocketRefusal = await socket.timeout(timeoutMs).emitWithAck(event, payload);
    return answer.ok || !TRY_HTTP.includes(answer.code) ? answer : null;
  } catch {
    return null;
  }
}
