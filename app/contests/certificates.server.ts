/**
 * Certificates of participation (issue 4): a contestant whose attempt has closed — submitted or
 * ended at the deadline — may download one when the organizer enabled them for the contest.
 * Nothing is stored: the content comes from the attempt and its registration, the number is
 * derived from the attempt id, so a second download is the same certificate.
 */
import { certificateCode } from "~/certificates/codes.server";
import type { CertificateContent } from "~/certificates/pdf.server";
import { placeName, shortDate } from "~/certificates/wording";
import type { Db } from "~/db/client.server";
import type { AttemptStatus } from "~/generated/prisma/enums";
import { closeExpiredAttempts } from "./attempts.server";
import { registrationText } from "./personal-data";

export const CERTIFICATE_REFUSALS = ["ATTEMPT_RUNNING", "ATTEMPT_ANNULLED", "CERTIFICATES_OFF"] as const;
export type CertificateRefusal = (typeof CERTIFICATE_REFUSALS)[number];

const REFUSAL_MESSAGE: Record<CertificateRefusal, string> = {
  ATTEMPT_RUNNING: "errors.certificate.ATTEMPT_RUNNING",
  ATTEMPT_ANNULLED: "errors.certificate.ATTEMPT_ANNULLED",
  CERTIFICATES_OFF: "errors.certificate.CERTIFICATES_OFF",
};

/** Why no certificate may be issued for an attempt, or null when one may. */
export function certificateRefusal(status: AttemptStatus, certificateEnabled: boolean): CertificateRefusal | null {
  if (!certificateEnabled) return "CERTIFICATES_OFF";
  if (status === "IN_PROGRESS") return "ATTEMPT_RUNNING";
  if (status === "ANNULLED") return "ATTEMPT_ANNULLED";
  return null;
}

export type ParticipationCertificate =
  | { ok: true; content: CertificateContent; fileName: string }
  | { ok: false; code: CertificateRefusal; message: string };

/** The owner's attempt only (null for anyone else's, or none): the certificate's content, or why not. */
export async function participationCertificate(
  db: Db,
  input: { attemptId: string; userId: string; secret: string; now?: Date },
): Promise<ParticipationCertificate | null> {
  // An attempt past its deadline that the sweeper has not reached yet is closed here first.
  // Scoped to the caller: nobody else's request does work on someone's attempt.
  await closeExpiredAttempts(db, input.now ?? new Date(), { attemptId: input.attemptId, userId: input.userId });
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    select: {
      id: true,
      status: true,
      closedAt: true,
      deadlineAt: true,
      user: { select: { fullName: true } },
      round: {
        select: {
          name: true,
          contest: {
            select: {
              id: true,
              title: true,
              certificateEnabled: true,
              orgNode: { select: { name: true, type: true, path: true } },
            },
          },
        },
      },
    },
  });
  if (!attempt) return null;
  const { contest } = attempt.round;
  const refusal = certificateRefusal(attempt.status, contest.certificateEnabled);
  if (refusal) return { ok: false, code: refusal, message: REFUSAL_MESSAGE[refusal] };

  const registration = await db.registration.findUnique({
    where: { contestId_userId: { contestId: contest.id, userId: input.userId } },
    select: { fields: true },
  });
  const registeredName = registrationText(registration?.fields, "fullName");
  const unit = registrationText(registration?.fields, "unit");
  // The day the attempt closed: downloading again later gives the same certificate.
  const issuedAt = attempt.closedAt ?? attempt.deadlineAt;
  const code = certificateCode(input.secret, "contest", attempt.id);
  return {
    ok: true,
    fileName: `giay-chung-nhan-${code}.pdf`,
    content: {
      issuerLines: [contest.orgNode.name.toLocaleUpperCase("vi"), "BAN TỔ CHỨC CUỘC THI"],
      title: "GIẤY CHỨNG NHẬN",
      recipientLabel: "Chứng nhận",
      recipient: registeredName || attempt.user.fullName,
      recipientDetails: unit ? [`Đơn vị: ${unit}`] : [],
      body: [`Đã tham gia ${contest.title}`, `${attempt.round.name} — bài thi ngày ${shortDate(issuedAt)}`],
      place: placeName(await placeOfIssue(db, contest.orgNode)),
      issuedAt,
      signer: "BAN TỔ CHỨC CUỘC THI",
      code,
    },
  };
}

/** The date line names a commune or a province: a unit (a school, a branch) takes its nearest one. */
async function placeOfIssue(db: Db, node: { name: string; type: string; path: string }): Promise<string> {
  if (node.type !== "UNIT") return node.name;
  const ancestorIds = node.path.split("/").filter(Boolean);
  const ancestors = await db.orgNode.findMany({
    where: { id: { in: ancestorIds }, type: { not: "UNIT" } },
    select: { name: true, depth: true },
    orderBy: { depth: "desc" },
    take: 1,
  });
  return ancestors[0]?.name ?? node.name;
}

/** Whether the result page offers the download: the same rule, without building the certificate. */
export async function certificateAvailable(db: Db, input: { attemptId: string; userId: string }): Promise<boolean> {
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    select: { status: true, round: { select: { contest: { select: { certificateEnabled: true } } } } },
  });
  return attempt ? certificateRefusal(attempt.status, attempt.round.contest.certificateEnabled) === null : false;
}
