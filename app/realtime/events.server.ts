import type { Socket } from "socket.io";
import type { z } from "zod";
import type { CurrentUser } from "~/auth/guards.server";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/i18n";
import type { Runtime } from "~/runtime.server";

/**
 * Socket events are defined like routes: a zod schema for the payload, who may send it, and a
 * thin handler that calls the domain. Every event is answered through its ack with
 * `{ ok: true, … }` or `{ ok: false, code, message }` (message in the user's language, Vietnamese
 * by default). A handler never throws to the client: an unexpected error is logged and answered
 * with SERVER_ERROR, so no payload can crash or block the process.
 */
export type Ack = { ok: true; [key: string]: unknown } | { ok: false; code: string; message: string };

export interface SocketContext {
  socket: Socket;
  runtime: Runtime;
  /** The logged-in user of the handshake's session cookie, or null for an anonymous watcher. */
  user: CurrentUser | null;
}

export interface EventDefinition<Schema extends z.ZodType> {
  name: string;
  schema: Schema;
  /** "anyone" for public events (watching a public board); otherwise a logged-in user is needed. */
  access: "anyone" | "user";
  handle(context: SocketContext, payload: z.infer<Schema>): Promise<Ack>;
}

export function defineEvent<Schema extends z.ZodType>(definition: EventDefinition<Schema>): EventDefinition<Schema> {
  return definition;
}

/** A refusal with its message looked up in the user's language; `key` is an i18n key. */
export function refusal(
  context: Pick<SocketContext, "user">,
  code: string,
  key: string,
  params?: Record<string, unknown>,
): Ack {
  const locale = context.user && isLocale(context.user.locale) ? context.user.locale : DEFAULT_LOCALE;
  return { ok: false, code, message: String(translator(locale).t(key, params)) };
}

// One i18n instance per language for the process: refusals must stay cheap under a flood.
const translators = new Map<Locale, ReturnType<typeof createI18n>>();
function translator(locale: Locale) {
  let i18n = translators.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    translators.set(locale, i18n);
  }
  return i18n;
}

/**
 * Events per socket per second: a person answers far slower, and a flood is cut off. Over the
 * burst the event is refused; a socket refused this many times within one window is disconnected.
 */
export const SOCKET_RATE = { perSecond: 20, burst: 40, refusalsBeforeDisconnect: 100, windowMs: 10_000 } as const;

class TokenBucket {
  private tokens: number = SOCKET_RATE.burst;
  private last = Date.now();
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(SOCKET_RATE.burst, this.tokens + ((now - this.last) / 1000) * SOCKET_RATE.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds events of every payload type.
type AnyEvent = EventDefinition<any>;

/** Binds the events to one connected socket. */
export function bindEvents(context: SocketContext, events: readonly AnyEvent[]): void {
  const { socket, runtime } = context;
  const byName = new Map(events.map((event) => [event.name, event]));
  const bucket = new TokenBucket();
  let refusals = 0;
  let windowStart = Date.now();

  socket.onAny((name: unknown, ...args: unknown[]) => {
    const ack = args.at(-1);
    const reply = (answer: Ack) => {
      if (typeof ack === "function") ack(answer);
    };
    if (!bucket.take()) {
      if (Date.now() - windowStart > SOCKET_RATE.windowMs) {
        windowStart = Date.now();
        refusals = 0;
      }
      if (++refusals >= SOCKET_RATE.refusalsBeforeDisconnect) {
        runtime.logger.warn({ socketId: socket.id, userId: context.user?.id }, "socket flood: disconnected");
        socket.emit("fatal", refusal(context, "RATE_LIMITED", "errors.socket.flood"));
        // Not disconnect(true): closing the connection at once could drop the notice just sent.
        socket.disconnect();
        return;
      }
      reply(refusal(context, "RATE_LIMITED", "errors.socket.rateLimited"));
      return;
    }
    const event = typeof name === "string" ? byName.get(name) : undefined;
    if (!event) return reply(refusal(context, "UNKNOWN_EVENT", "errors.socket.unknownEvent"));
    if (typeof ack !== "function") return; // every event is a request: without an ack there is nobody to answer
    if (event.access === "user" && !context.user)
      return reply(refusal(context, "UNAUTHENTICATED", "errors.socket.unauthenticated"));
    const parsed = event.schema.safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) return reply(refusal(context, "INVALID", "errors.socket.invalid"));
    event.handle(context, parsed.data).then(reply, (error: unknown) => {
      runtime.logger.error({ err: error, event: event.name, socketId: socket.id }, "socket event failed");
      reply(refusal(context, "SERVER_ERROR", "errors.socket.serverError"));
    });
  });
}
