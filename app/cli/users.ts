import { audit } from "~/audit/audit.server";
import { identifierWhere } from "~/auth/accounts.server";
import { generateTemporaryPassword, hashPassword } from "~/auth/password.server";
import { parseIdentifier, registerSchema } from "~/auth/schemas";
import type { Db } from "~/db/client.server";
import type { Role } from "~/generated/prisma/enums";
import { orgCodeSchema } from "~/org/schemas";
import { isUniqueViolation } from "~/org/tree.server";
import { type CommandResult, EXIT, translate } from "./output";

export interface CreateAccountInput {
  name: string;
  email?: string;
  phone?: string;
  role: Role;
  /** Org node code. */
  node: string;
  password?: string;
}

/** Which option an error is about, as the operator typed it. */
type Option = "--name" | "--email" | "--phone" | "--password" | "--node";

interface InputError {
  field: Option;
  code: string;
  message: string;
}

/**
 * `users:create`: one account with one role at one node, checked with the rules of the
 * registration form. Without --password a temporary one is generated, printed once, and must
 * be changed at the first log-in. Audited as the system (actorId null).
 */
export async function createAccount(db: Db, input: CreateAccountInput): Promise<CommandResult> {
  const identifierOption: Option = input.email !== undefined ? "--email" : "--phone";
  const identifier = input.email ?? input.phone ?? "";
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : null;
  const password = input.password ?? (temporaryPassword as string);

  const errors: InputError[] = [];
  const add = (field: Option, code: string, key: string) => {
    if (!errors.some((error) => error.field === field)) errors.push({ field, code, message: translate(key) });
  };
  const parsed = registerSchema.safeParse({ fullName: input.name, identifier, password, confirmPassword: password });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === "fullName") add("--name", "NAME_INVALID", issue.message);
    if (issue.path[0] === "identifier") add(identifierOption, "IDENTIFIER_INVALID", issue.message);
    if (issue.path[0] === "password") add("--password", "PASSWORD_INVALID", issue.message);
  }
  // "--email 0912345678" is a phone number, not what the operator meant.
  const kind = parseIdentifier(identifier)?.kind;
  if (kind && kind !== identifierOption.slice(2)) {
    add(identifierOption, "IDENTIFIER_INVALID", "errors.identifier.invalid");
  }

  const code = orgCodeSchema.safeParse(input.node);
  const node = code.success
    ? await db.orgNode.findUnique({ where: { code: code.data }, select: { id: true, code: true, name: true } })
    : null;
  if (!node) {
    errors.push({
      field: "--node",
      code: "NODE_NOT_FOUND",
      message: `Không tìm thấy đơn vị có mã ${code.success ? code.data : input.node.trim()}.`,
    });
  }

  const where = identifierWhere(identifier);
  if (where && (await db.user.findUnique({ where: where as { email: string }, select: { id: true } }))) {
    add(identifierOption, "IDENTIFIER_TAKEN", "errors.identifier.taken");
  }
  if (errors.length > 0 || !parsed.success || !where || !node) return rejected(errors);

  let userId: string;
  try {
    const passwordHash = await hashPassword(password);
    const user = await db.user.create({
      data: {
        fullName: parsed.data.fullName,
        ...where,
        passwordHash,
        mustChangePassword: temporaryPassword !== null,
        memberships: { create: { role: input.role, orgNodeId: node.id } },
      },
      select: { id: true },
    });
    userId = user.id;
  } catch (error) {
    // Registered by someone else between the check and the insert.
    if (isUniqueViolation(error)) {
      return rejected([
        { field: identifierOption, code: "IDENTIFIER_TAKEN", message: translate("errors.identifier.taken") },
      ]);
    }
    throw error;
  }
  await audit(db, null, {
    actorId: null,
    action: input.role === "ORGANIZER" ? "organizer.created" : "user.created",
    targetType: "User",
    targetId: userId,
    orgNodeId: node.id,
    details: { role: input.role, via: "cli" },
  });

  const account = Object.values(where)[0];
  const lines = [
    `Đã tạo tài khoản ${parsed.data.fullName} (${account}), vai trò ${translate(`roles.${input.role}`)} tại ${node.code} — ${node.name}.`,
  ];
  if (temporaryPassword) {
    lines.push(`Mật khẩu tạm thời: ${temporaryPassword}`);
    lines.push("Mật khẩu này chỉ hiện một lần; người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.");
  }
  return {
    exitCode: EXIT.OK,
    json: {
      ok: true,
      userId,
      fullName: parsed.data.fullName,
      email: "email" in where ? where.email : null,
      phone: "phone" in where ? where.phone : null,
      role: input.role,
      nodeCode: node.code,
      mustChangePassword: temporaryPassword !== null,
      temporaryPassword,
    },
    lines,
  };
}

function rejected(errors: InputError[]): CommandResult {
  return {
    exitCode: EXIT.INVALID,
    json: { ok: false, errors },
    lines: [...errors.map((error) => `${error.field}: ${error.message}`), "Chưa tạo tài khoản nào."],
  };
}
