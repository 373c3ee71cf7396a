/**
 * Course certificates (issue 6). Issued once, when an enrolment completes, and stored with the
 * number printed on it and what it certified (name, course, hours, issuer), so it stays the
 * same document and stays verifiable whatever changes later. An organizer may revoke one; the
 * public verification page then says so.
 */
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { randomCertificateCode } from "~/certificates/codes.server";
import type { CertificateContent } from "~/certificates/pdf.server";
import { placeName, shortDate } from "~/certificates/wording";
import type { Db, DbOrTx } from "~/db/client.server";
import { isUniqueViolation } from "~/org/tree.server";

/** Where a certificate is verified: short, so it fits under a QR code and can be typed. */
export function verificationPath(code: string): string {
  return `/v/${code}`;
}

/** "1,5 giờ" style hours from minutes, Vietnamese decimal comma. */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${String(hours).replace(".", ",")} giờ`;
}

export async function issueCourseCertificate(
  db: DbOrTx,
  input: { enrolmentId: string; now?: Date },
): Promise<{ code: string }> {
  const existing = await db.courseCertificate.findUnique({
    where: { enrolmentId: input.enrolmentId },
    select: { code: true },
  });
  if (existing) return existing;
  const enrolment = await db.enrolment.findUniqueOrThrow({
    where: { id: input.enrolmentId },
    include: {
      user: { select: { fullName: true } },
      course: { select: { id: true, title: true, estimatedMinutes: true, orgNode: { select: { name: true } } } },
    },
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const created = await db.courseCertificate.create({
        data: {
          courseId: enrolment.courseId,
          userId: enrolment.userId,
          enrolmentId: enrolment.id,
          code: randomCertificateCode("course"),
          recipientName: enrolment.user.fullName,
          courseTitle: enrolment.course.title,
          minutes: enrolment.course.estimatedMinutes,
          issuerName: enrolment.course.orgNode.name,
          issuedAt: input.now ?? new Date(),
        },
        select: { code: true },
      });
      return created;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Issued meanwhile by a simultaneous completion: that one stands.
      const raced = await db.courseCertificate.findUnique({
        where: { enrolmentId: input.enrolmentId },
        select: { code: true },
      });
      if (raced) return raced;
    }
  }
  throw new Error("Could not pick a unique certificate code");
}

/** The PDF's content for the certificate's owner, or null (someone else's, or none). */
export async function courseCertificateContent(
  db: Db,
  input: { code: string; userId: string; verifyUrl: string },
): Promise<{ content: CertificateContent; fileName: string; revoked: boolean } | null> {
  const certificate = await db.courseCertificate.findFirst({
    where: { code: input.code, userId: input.userId },
    include: { course: { select: { orgNode: { select: { name: true, type: true, path: true } } } } },
  });
  if (!certificate) return null;
  const node = certificate.course.orgNode;
  const place = node.type === "UNIT" ? await nearestPlace(db, node.path, node.name) : node.name;
  return {
    revoked: certificate.revokedAt !== null,
    fileName: `chung-chi-${certificate.code}.pdf`,
    content: {
      issuerLines: [certificate.issuerName.toLocaleUpperCase("vi")],
      title: "GIẤY CHỨNG NHẬN",
      recipientLabel: "Chứng nhận ông/bà",
      recipient: certificate.recipientName,
      recipientDetails: [],
      body: [
        `Đã hoàn thành khóa học trực tuyến "${certificate.courseTitle}"`,
        `Thời lượng: ${hoursText(certificate.minutes)} — hoàn thành ngày ${shortDate(certificate.issuedAt)}`,
      ],
      place: placeName(place),
      issuedAt: certificate.issuedAt,
      signer: certificate.issuerName.toLocaleUpperCase("vi"),
      code: certificate.code,
      verifyUrl: input.verifyUrl,
    },
  };
}

async function nearestPlace(db: Db, path: string, fallback: string): Promise<string> {
  const ids = path.split("/").filter(Boolean);
  const ancestor = await db.orgNode.findFirst({
    where: { id: { in: ids }, type: { not: "UNIT" } },
    orderBy: { depth: "desc" },
    select: { name: true },
  });
  return ancestor?.name ?? fallback;
}

/**
 * What the public verification page shows: whether the number is valid or revoked, the course,
 * the issuer and the date — and only the initials of the name, so a list of numbers reveals
 * no one. Null for an unknown number.
 */
export async function verifyCertificate(db: Db, code: string) {
  const certificate = await db.courseCertificate.findUnique({
    where: { code },
    select: {
      code: true,
      courseTitle: true,
      issuerName: true,
      issuedAt: true,
      minutes: true,
      recipientName: true,
      revokedAt: true,
    },
  });
  if (!certificate) return null;
  return {
    code: certificate.code,
    status: certificate.revokedAt ? ("revoked" as const) : ("valid" as const),
    courseTitle: certificate.courseTitle,
    issuerName: certificate.issuerName,
    issuedAt: certificate.issuedAt.toISOString(),
    hours: hoursText(certificate.minutes),
    recipientInitials: initials(certificate.recipientName),
    revokedAt: certificate.revokedAt?.toISOString() ?? null,
  };
}

/** "Nguyễn Văn An" → "N. V. A.": enough to match a paper in hand, not to identify anyone. */
export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0].toLocaleUpperCase("vi")}.`)
    .join(" ");
}

export async function myCertificates(db: Db, userId: string) {
  return db.courseCertificate.findMany({
    where: { userId },
    orderBy: { issuedAt: "desc" },
    select: { code: true, courseTitle: true, issuedAt: true, minutes: true, issuerName: true, revokedAt: true },
  });
}

/** An organizer of the course's node revokes a certificate, with a reason; audited. */
export async function revokeCertificate(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { code: string; reason: string; now?: Date },
): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" | "ALREADY_REVOKED"; message: string }> {
  const certificate = await db.courseCertificate.findUnique({
    where: { code: input.code },
    include: { course: { select: { orgNodeId: true, orgNode: { select: { path: true } } } } },
  });
  if (!certificate || !hasRole(user.grants, "ORGANIZER", certificate.course.orgNode.path))
    return { ok: false, code: "NOT_FOUND", message: "courses.errors.NOT_FOUND" };
  const revoked = await db.courseCertificate.updateMany({
    where: { id: certificate.id, revokedAt: null },
    data: { revokedAt: input.now ?? new Date(), revokedById: user.id, revokedReason: input.reason },
  });
  if (revoked.count === 0) return { ok: false, code: "ALREADY_REVOKED", message: "courses.errors.ALREADY_REVOKED" };
  await audit(db, request, {
    actorId: user.id,
    action: "certificate.revoked",
    targetType: "CourseCertificate",
    targetId: certificate.id,
    orgNodeId: certificate.course.orgNodeId,
    details: { code: certificate.code, reason: input.reason },
  });
  return { ok: true };
}
