// Every audited action; the audit log screen filters by these (labels in i18n audit.actions).
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.register",
  "auth.password_changed",
  "member.password_reset",
  "org.created",
  "org.renamed",
  "org.moved",
  "org.deleted",
  "org.imported",
  "organizer.created",
  "organizer.granted",
  "organizer.revoked",
  "user.created",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
