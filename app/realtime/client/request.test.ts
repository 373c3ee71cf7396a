import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overSocket } from "./request";

/** Against a real Socket.IO server: acks, refusals, silence and a dropped connection. */
describe("overSocket", () => {
  const http = createServer();
  const server = new Server(http);
  let client: Socket;
  beforeAll(async () => {
    server.on("connection", (socket) => {
      socket.on("ok", (payload: unknown, ack: (answer: unknown) => void) => ack({ ok: true, echo: payload }));
      socket.on("closed", (_payload: unknown, ack: (answer: unknown) => void) =>
        ack({ ok: false, code: "ROUND_CLOSED", message: "Đợt thi đã kết thúc." }),
      );
      for (const code of ["SERVER_ERROR", "RATE_LIMITED", "UNAUTHENTICATED", "UNKNOWN_EVENT"])
        socket.on(code, (_payload: unknown, ack: (answer: unknown) => void) => ack({ ok: false, code, message: code }));
      socket.on("silent", () => undefined);
      socket.on("drop", () => socket.disconnect(true));
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ["websocket"],
      reconnection: false,
    });
    await new Promise((resolve) => client.once("connect", () => resolve(undefined)));
  });
  afterAll(async () => {
    client.disconnect();
    await server.close();
  });

  it("answers the server's ack", async () => {
    expect(await overSocket(client, "ok", { roundId: "r1" })).toEqual({ ok: true, echo: { roundId: "r1" } });
  });

  it("answers a refusal about the request itself, to be shown", async () => {
    expect(await overSocket(client, "closed", {})).toEqual({
      ok: false,
      code: "ROUND_CLOSED",
      message: "Đợt thi đã kết thúc.",
    });
  });

  it("sends the request over HTTP (null) when the server is busy, failing or does not know the user", async () => {
    for (const code of ["SERVER_ERROR", "RATE_LIMITED", "UNAUTHENTICATED", "UNKNOWN_EVENT"])
      expect(await overSocket(client, code, {}), code).toBeNull();
  });

  it("sends it over HTTP when no ack comes in time", async () => {
    expect(await overSocket(client, "silent", {}, 200)).toBeNull();
  });

  it("sends it over HTTP when there is no socket, or the connection drops before the ack", async () => {
    expect(await overSocket(null, "ok", {})).toBeNull();
    // A long timeout: the drop itself must end the wait.
    expect(await overSocket(client, "drop", {}, 60_000)).toBeNull();
    expect(client.connected).toBe(false);
    expect(await overSocket(client, "ok", {})).toBeNull();
  });
});
