import { z } from "zod";
import { attemptPageData } from "~/contests/attempt-page.server";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import { deviceIdFromCookie } from "~/contests/integrity.server";
import { defineEvent, refusal } from "./events.server";

/**
 * Taking a round over the socket: the same engine and rules as the pages' HTTP actions (the
 * contest page's start, the attempt page's answer and submit), which stay for browsers without
 * JavaScript or a socket. A round's opening is a storm of thousands of starts within a second;
 * one socket message per start instead of three Remix requests is what lets one machine take it
 * (issue 8). Answers are acknowledged only once committed; a database failure is answered
 * SERVER_ERROR, which the client retries, never a false "saved".
 */
const ID = z.string().min(1).max(64);

export const answerPayload = z.object({
  attemptId: ID,
  position: z.number().int().min(0).max(500),
  selected: z.array(z.number().int().min(0).max(20)).max(20),
});

export const attemptEvents = [
  defineEvent({
    name: "attempt:start",
    schema: z.object({ roundId: ID }).strict(),
    access: "user",
    async handle(context, payload) {
      const user = context.user;
      if (!user) return refusal(context, "UNAUTHENTICATED", "errors.socket.unauthenticated");
      const { db } = context.runtime;
      const headers = context.socket.handshake.headers;
      const started = await startAttempt(db, {
        userId: user.id,
        roundId: payload.roundId,
        origin: {
          sessionId: user.sessionId,
          ip: context.socket.handshake.address || null,
          deviceId: await deviceIdFromCookie(headers.cookie ?? null),
        },
      });
      if (!started.ok) return refusal(context, started.code, started.message);
      // The page's data comes with the start, so the attempt page opens without another request:
      // a new attempt's is built as it is created, a resumed one's is read.
      if (started.view) return { ok: true, attemptId: started.attemptId, resumed: false, page: started.view };
      const data = await attemptPageData(db, {
        attemptId: started.attemptId,
        userId: user.id,
        sessionId: user.sessionId,
      });
      if (data.kind !== "running") return refusal(context, "ATTEMPT_CLOSED", "errors.attempt.ATTEMPT_CLOSED");
      return { ok: true, attemptId: started.attemptId, resumed: started.resumed, page: data.page };
    },
  }),
  defineEvent({
    name: "attempt:answer",
    schema: answerPayload,
    access: "user",
    async handle(context, payload) {
      const user = context.user;
      if (!user) return refusal(context, "UNAUTHENTICATED", "errors.socket.unauthenticated");
      const result = await saveAnswer(context.runtime.db, { ...payload, userId: user.id });
      if (!result.ok) return refusal(context, result.code, result.message);
      return { ok: true, position: payload.position, savedAt: result.savedAt };
    },
  }),
  defineEvent({
    name: "attempt:submit",
    schema: z.object({ attemptId: ID, prediction: z.number().int().min(0).max(999_999_999).nullable() }).strict(),
    access: "user",
    async handle(context, payload) {
      const user = context.user;
      if (!user) return refusal(context, "UNAUTHENTICATED", "errors.socket.unauthenticated");
      const result = await submitAttempt(context.runtime.db, { ...payload, userId: user.id });
      if (!result.ok) return refusal(context, result.code, result.message);
      // No score: the result page shows it only as the round's review policy allows.
      return { ok: true, attemptId: payload.attemptId, status: result.status };
    },
  }),
];
