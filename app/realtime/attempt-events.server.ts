import { z } from "zod";
import { saveAnswer } from "~/contests/attempts.server";
import { defineEvent, refusal } from "./events.server";

/**
 * Answering over the socket: the same engine and the same rules as the page's HTTP endpoint
 * (attempts.$attemptId.answer), acknowledged only once the answer is committed. A database
 * failure is answered SERVER_ERROR, which the client retries; never a false "saved".
 */
export const answerPayload = z.object({
  attemptId: z.string().min(1).max(64),
  position: z.number().int().min(0).max(500),
  selected: z.array(z.number().int().min(0).max(20)).max(20),
});

export const attemptEvents = [
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
];
