import { z } from "zod";

const count = (message: string) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(/[.\s,]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, message)
        .transform(Number),
    );
const optionalCount = (message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim().replace(/[.\s,]/g, ""))
    .pipe(
      z.union([
        z.literal("").transform(() => null),
        z
          .string()
          .regex(/^\d{1,9}$/, message)
          .transform(Number),
      ]),
    );

/** A node's population as an organizer enters it (thousands separators "12.345" accepted). */
export const populationSchema = z
  .object({
    orgNodeId: z.string().min(1, "errors.population.node"),
    population: count("errors.population.population"),
    urbanPopulation: optionalCount("errors.population.population"),
    ruralPopulation: optionalCount("errors.population.population"),
    sourceYear: z.coerce
      .number({ message: "errors.population.year" })
      .int("errors.population.year")
      .min(1990, "errors.population.year")
      .max(2100, "errors.population.year"),
    source: z.string().trim().min(1, "errors.population.source").max(300, "errors.population.source"),
  })
  .refine((value) => value.population > 0, { path: ["population"], message: "errors.population.population" })
  .refine((value) => (value.urbanPopulation ?? 0) + (value.ruralPopulation ?? 0) <= value.population, {
    path: ["urbanPopulation"],
    message: "errors.population.split",
  });
export type PopulationInput = z.output<typeof populationSchema>;
