import { clientIp } from "~/auth/session.server";
import type { DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { AuditAction } from "./actions";

export { AUDIT_ACTIONS, type AuditAction } from "./actions";

/** Every organizer and admin action is recorded: who, what, on which target, when, from where. */
export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  orgNodeId?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function audit(db: DbOrTx, request: Request | null, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      orgNodeId: entry.orgNodeId ?? null,
      details: entry.details,
      ipAddress: request ? clientIp(request) : null,
      userAgent: request?.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
}
