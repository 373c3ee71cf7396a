import type { Db } from "../app/db/client.server";

/**
 * Demo populations for the demo communes, so "residents reached" has a denominator in a fresh
 * installation. Deliberately round numbers marked demo (source "số liệu demo", isDemo): they are
 * NOT census figures; an organizer replaces them on /manage/population. Provinces get none, so
 * their population is the sum of their communes' (app/targets/indicators.ts scopePopulation).
 */
export const DEMO_POPULATION = {
  source: "số liệu demo",
  sourceYear: 2025,
  nodes: [
    { code: "HP-KIMTHANH", population: 10_000 },
    { code: "HP-HAIAN", population: 20_000 },
    { code: "HUE-PHUXUAN", population: 20_000, urbanPopulation: 15_000, ruralPopulation: 5_000 },
    { code: "GL-KONCHIENG", population: 5_000 },
    { code: "AT-ANTRUONG", population: 10_000 },
  ],
};

export async function seedDemoPopulation(db: Db): Promise<void> {
  for (const entry of DEMO_POPULATION.nodes) {
    const node = await db.orgNode.findUnique({ where: { code: entry.code }, select: { id: true } });
    if (!node) continue;
    const values = {
      population: entry.population,
      urbanPopulation: entry.urbanPopulation ?? null,
      ruralPopulation: entry.ruralPopulation ?? null,
      source: DEMO_POPULATION.source,
      isDemo: true,
    };
    await db.orgNodePopulation.upsert({
      where: { orgNodeId_sourceYear: { orgNodeId: node.id, sourceYear: DEMO_POPULATION.sourceYear } },
      create: { orgNodeId: node.id, sourceYear: DEMO_POPULATION.sourceYear, ...values },
      // Never overwrite a figure an organizer entered for that year.
      update: {},
    });
  }
}
