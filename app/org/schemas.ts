import { z } from "zod";
import type { OrgNodeType } from "~/generated/prisma/enums";
import { foldDiacritics } from "~/utils/text";

export const ORG_NODE_TYPES = ["PROVINCE", "COMMUNE", "UNIT"] as const satisfies readonly OrgNodeType[];

/** Which parent each kind of node may have: provinces are roots, communes sit in a province. */
export function parentTypeAllowed(childType: OrgNodeType, parentType: OrgNodeType | null): boolean {
  switch (childType) {
    case "PROVINCE":
      return parentType === null;
    case "COMMUNE":
      return parentType === "PROVINCE";
    case "UNIT":
      return parentType !== null;
  }
}

export const orgCodeSchema = z
  .string({ error: "errors.org.codeRequired" })
  .trim()
  .toUpperCase()
  .min(1, "errors.org.codeRequired")
  .max(40, "errors.org.codeInvalid")
  .regex(/^[A-Z0-9][A-Z0-9_.-]*$/, "errors.org.codeInvalid");

export const orgNameSchema = z
  .string({ error: "errors.org.nameRequired" })
  .trim()
  .min(2, "errors.org.nameRequired")
  .max(200, "errors.org.nameTooLong");

export const orgTypeSchema = z.enum(ORG_NODE_TYPES, { error: "errors.org.typeInvalid" });

export const createOrgNodeSchema = z.object({
  name: orgNameSchema,
  code: orgCodeSchema,
  type: orgTypeSchema,
  parentId: z
    .string()
    .max(64)
    .optional()
    .transform((value) => (value ? value : null)),
});

export const renameOrgNodeSchema = z.object({
  intent: z.literal("rename"),
  name: orgNameSchema,
  code: orgCodeSchema,
});

export const moveOrgNodeSchema = z.object({
  intent: z.literal("move"),
  parentId: z.string({ error: "errors.org.parentRequired" }).min(1, "errors.org.parentRequired").max(64),
});

export const deleteOrgNodeSchema = z.object({ intent: z.literal("delete") });

export const editOrgNodeSchema = z.discriminatedUnion("intent", [
  renameOrgNodeSchema,
  moveOrgNodeSchema,
  deleteOrgNodeSchema,
]);

/** Vietnamese (as organizers type them) and English names of the node types, for imports. */
const TYPE_ALIASES: Record<string, OrgNodeType> = {
  province: "PROVINCE",
  tinh: "PROVINCE",
  "thanh pho": "PROVINCE",
  "tinh/thanh pho": "PROVINCE",
  commune: "COMMUNE",
  xa: "COMMUNE",
  phuong: "COMMUNE",
  "dac khu": "COMMUNE",
  "xa/phuong": "COMMUNE",
  "xa/phuong/dac khu": "COMMUNE",
  unit: "UNIT",
  "don vi": "UNIT",
  "co quan": "UNIT",
  truong: "UNIT",
  "chi doan": "UNIT",
};

export function parseOrgNodeType(value: string): OrgNodeType | null {
  return TYPE_ALIASES[foldDiacritics(value).trim().toLowerCase().replace(/\s+/g, " ")] ?? null;
}
