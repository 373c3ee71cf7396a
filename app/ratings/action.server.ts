import { json } from "@remix-run/node";
import type { DbOrTx } from "~/db/client.server";
import { parseForm } from "~/utils/forms";
import { type RatingTarget, saveRating } from "./ratings.server";
import { ratingSchema } from "./schemas";

/** A page's "rate" action: validates the form and saves the rating; the page shows the outcome. */
export async function rateAction(db: DbOrTx, userId: string, target: RatingTarget, formData: FormData) {
  const parsed = parseForm(ratingSchema, formData);
  if (!parsed.ok) {
    // The schema's own keys (errors.rating.*); parseForm turns anything else into errors.invalidValue.
    const error = Object.values(parsed.fieldErrors)[0] ?? "errors.rating.invalidStars";
    return json({ rating: { error } }, { status: 400 });
  }
  const result = await saveRating(db, userId, target, parsed.data);
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    return json({ rating: { error: "errors.rating.notAllowed" } }, { status: 403 });
  }
  return json({ rating: { saved: true } });
}
