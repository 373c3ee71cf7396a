import type { Db } from "~/db/client.server";

/**
 * Everything the platform holds about one person, for them to download (Vietnam's personal-data
 * rules: a data subject may obtain their data). Their own registration answers are given whole
 * (masking protects them from others, not from themselves). Never the password hash, never
 * anyone else's data, and no question keys: answers are the options chosen, by position.
 */
export async function personalDataOf(db: Db, userId: string, now: Date = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      fullName: true,
      email: true,
      phone: true,
      locale: true,
      createdAt: true,
      lastLoginAt: true,
      memberships: { select: { role: true, createdAt: true, orgNode: { select: { name: true, code: true } } } },
      sessions: {
        where: { expiresAt: { gt: now } },
        select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
        orderBy: { createdAt: "asc" },
      },
      registrations: {
        select: {
          fields: true,
          consentAt: true,
          consentVersion: true,
          createdAt: true,
          contest: { select: { title: true, slug: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      attempts: {
        select: {
          number: true,
          status: true,
          startedAt: true,
          deadlineAt: true,
          closedAt: true,
          score: true,
          maxScore: true,
          timeUsedMs: true,
          prediction: true,
          startIp: true,
          round: { select: { name: true, contest: { select: { title: true } } } },
          answers: { select: { position: true, answeredAt: true }, orderBy: { position: "asc" } },
        },
        orderBy: { startedAt: "asc" },
      },
      trainingAttendances: {
        select: {
          minutesCredited: true,
          activity: { select: { title: true, startsAt: true, place: true, orgNode: { select: { name: true } } } },
        },
        orderBy: { createdAt: "asc" },
      },
      ratings: {
        select: {
          subject: true,
          stars: true,
          comment: true,
          createdAt: true,
          updatedAt: true,
          course: { select: { title: true } },
          contest: { select: { title: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      surveyResponses: {
        select: {
          submittedAt: true,
          survey: { select: { title: true } },
          answers: {
            select: {
              choices: true,
              scale: true,
              text: true,
              question: { select: { position: true, prompt: true, kind: true, options: true } },
            },
          },
        },
        orderBy: { submittedAt: "asc" },
      },
    },
  });
  const activity = await db.auditLog.findMany({
    where: { actorId: userId },
    select: { action: true, targetType: true, createdAt: true, ipAddress: true },
    orderBy: { createdAt: "asc" },
    take: 5_000,
  });
  return {
    exportedAt: now.toISOString(),
    account: {
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      locale: user.locale,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
    },
    roles: user.memberships.map((membership) => ({
      role: membership.role,
      orgNode: membership.orgNode.name,
      orgNodeCode: membership.orgNode.code,
      since: membership.createdAt,
    })),
    registrations: user.registrations.map((registration) => ({
      contest: registration.contest.title,
      answers: registration.fields,
      consentAt: registration.consentAt,
      privacyNoticeVersion: registration.consentVersion,
      registeredAt: registration.createdAt,
    })),
    attempts: user.attempts.map((attempt) => ({
      contest: attempt.round.contest.title,
      round: attempt.round.name,
      number: attempt.number,
      status: attempt.status,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      closedAt: attempt.closedAt,
      score: attempt.status === "IN_PROGRESS" ? null : attempt.score,
      maxScore: attempt.maxScore,
      timeUsedMs: attempt.timeUsedMs,
      prediction: attempt.prediction,
      startedFrom: attempt.startIp,
      questionsAnswered: attempt.answers.map((answer) => ({ position: answer.position + 1, at: answer.answeredAt })),
    })),
    trainingSessionsAttended: user.trainingAttendances.map((attendance) => ({
      title: attendance.activity.title,
      startsAt: attendance.activity.startsAt,
      place: attendance.activity.place,
      orgNode: attendance.activity.orgNode.name,
      minutesCredited: attendance.minutesCredited,
    })),
    ratings: user.ratings.map((rating) => ({
      subject: rating.subject,
      title: rating.course?.title ?? rating.contest?.title ?? null,
      stars: rating.stars,
      comment: rating.comment,
      ratedAt: rating.createdAt,
      changedAt: rating.updatedAt,
    })),
    // Their own answers in full, with the questions' words (the options chosen by name, not index).
    surveyResponses: user.surveyResponses.map((response) => ({
      survey: response.survey.title,
      submittedAt: response.submittedAt,
      answers: response.answers
        .sort((a, b) => a.question.position - b.question.position)
        .map((answer) => ({
          question: answer.question.prompt,
          choices:
            answer.question.kind === "SINGLE" || answer.question.kind === "MULTIPLE"
              ? answer.choices.map((index) => answer.question.options[index] ?? null)
              : undefined,
          scale: answer.question.kind === "SCALE" ? answer.scale : undefined,
          text: answer.question.kind === "TEXT" ? answer.text : undefined,
        })),
    })),
    activeSessions: user.sessions,
    activity,
  };
}
