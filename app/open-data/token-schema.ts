import { z } from "zod";
import { optionalDay } from "~/targets/schemas";

/**
 * The forms of /manage/api-tokens (issue 7 §6). Messages are i18n keys. The expiry is a calendar
 * day ("31/12/2027" or "2027-12-31"), optional: the token stops working at the end of that day,
 * Vietnam time.
 */
export const createTokenSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ error: "errors.apiTokens.nameRequired" })
    .trim()
    .min(3, "errors.apiTokens.nameRequired")
    .max(120, "errors.apiTokens.nameTooLong"),
  orgNodeId: z.string({ error: "errors.apiTokens.nodeRequired" }).min(1, "errors.apiTokens.nodeRequired").max(64),
  expiresOn: optionalDay("errors.apiTokens.expiresInvalid"),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1).max(64) });
