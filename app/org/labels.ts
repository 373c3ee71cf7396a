import type { OrgNodeType } from "~/generated/prisma/enums";

/** i18n keys of node types, used by every screen that shows a node. */
export const ORG_TYPE_LABEL: Record<OrgNodeType, string> = {
  PROVINCE: "org.type.PROVINCE",
  COMMUNE: "org.type.COMMUNE",
  UNIT: "org.type.UNIT",
};
