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
    orgNodeId: z.string().min(1, "population.errors.node"),
    population: count("population.errors.population"),
    urbanPopulation: optionalCount("population.errors.population"),
    ruralPopulation: optionalCount("population.errors.population"),
    sourceYear: z.coerce
      .number({ message: "population.errors.year" })
      .int("population.errors.year")
      .min(1990, "population.errors.year")
      .max(2100, "population.errors.year"),
    source: z.string().trim().min(1, "population.errors.source").max(300, "population.errors.source"),
  })
  .refine((value) => value.population > 0, { path: ["population"], message: "population.errors.population" })
  .refine((value) => (value.urbanPopulation ?? 0) + (value.ruralPopulation ?? 0) <= value.population, {
    path: ["urbanPopulation"],
    message: "population.errors.split",
  });
export type PopulationInput = z.output<typeof populationSchema>;
