import { z } from "zod";

/** A satisfaction rating as posted by the form: 1–5 stars, an optional comment of at most 1000 characters. */
export const ratingSchema = z.object({
  stars: z.coerce
    .number({ message: "errors.rating.invalidStars" })
    .int("errors.rating.invalidStars")
    .min(1, "errors.rating.invalidStars")
    .max(5, "errors.rating.invalidStars"),
  comment: z
    .string()
    .trim()
    .max(1000, "errors.rating.commentTooLong")
    .optional()
    .transform((value) => (value ? value : null)),
});
export type RatingInput = z.output<typeof ratingSchema>;

export const RATING_STARS = [1, 2, 3, 4, 5] as const;
