import { randomBytes } from "node:crypto";
import { hashPassword } from "../app/auth/password.server";
import type { Db } from "../app/db/client.server";
import type { RosterRole } from "../app/generated/prisma/enums";
import { foldText } from "../app/questions/text";

/**
 * A demo roster for xã Kim Thành (issue 6 §8) — a dozen people with plainly fake names and
 * e-mail addresses under the reserved .invalid domain, no phone numbers — and one offline
 * training session of the commune with their attendance (issue 6 §6). Safe to run again: it
 * finds what it created before instead of adding it twice.
 */
export const DEMO_TRAINING = {
  nodeCode: "HP-KIMTHANH",
  groupName: "Tập huấn PBGDPL 2026 (demo)",
  sessionTitle: "Hội nghị tập huấn kỹ năng chuyển đổi số trong PBGDPL (demo)",
  members: 12,
  present: 9,
  sessionMinutes: 180,
};

const ROLES: RosterRole[] = ["OFFICIAL", "OFFICIAL", "OFFICIAL", "REPORTER", "REPORTER", "PROPAGANDIST", "MEDIATOR"];

export function demoRosterEmail(index: number): string {
  return `canbo.demo${String(index).padStart(2, "0")}@example.invalid`;
}

export async function seedDemoTraining(db: Db, now = new Date()): Promise<void> {
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: DEMO_TRAINING.nodeCode } });
  // Nobody logs in as these people: the password is random and thrown away.
  const passwordHash = await hashPassword(randomBytes(18).toString("base64url"));
  const memberIds: string[] = [];
  await db.$transaction(async (tx) => {
    for (let index = 1; index <= DEMO_TRAINING.members; index++) {
      const fullName = `Cán bộ demo ${String(index).padStart(2, "0")}`;
      const email = demoRosterEmail(index);
      const user = await tx.user.upsert({
        where: { email },
        create: { fullName, email, passwordHash, mustChangePassword: true },
        update: {},
      });
      await tx.membership.upsert({
        where: { userId_orgNodeId_role: { userId: user.id, orgNodeId: node.id, role: "LEARNER" } },
        create: { userId: user.id, orgNodeId: node.id, role: "LEARNER" },
        update: {},
      });
      const member = await tx.rosterMember.upsert({
        where: { orgNodeId_userId: { orgNodeId: node.id, userId: user.id } },
        create: {
          orgNodeId: node.id,
          userId: user.id,
          fullName,
          email,
          role: ROLES[(index - 1) % ROLES.length],
          groupName: DEMO_TRAINING.groupName,
          groupKey: foldText(DEMO_TRAINING.groupName),
        },
        update: {},
      });
      memberIds.push(member.id);
    }

    // A week before the seed, 8:00 Vietnam time (01:00 UTC), in the current year where possible.
    const startsAt = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
    startsAt.setUTCHours(1, 0, 0, 0);
    const yearStart = new Date(Date.UTC(now.getUTCFullYear(), 0, 1, 1, 0, 0));
    if (startsAt < yearStart) startsAt.setTime(yearStart.getTime());
    const existing = await tx.trainingActivity.findFirst({
      where: { orgNodeId: node.id, kind: "OFFLINE", title: DEMO_TRAINING.sessionTitle, isDemo: true },
    });
    const session =
      existing ??
      (await tx.trainingActivity.create({
        data: {
          orgNodeId: node.id,
          kind: "OFFLINE",
          title: DEMO_TRAINING.sessionTitle,
          category: "Kỹ năng chuyển đổi số trong PBGDPL",
          startsAt,
          endsAt: new Date(startsAt.getTime() + DEMO_TRAINING.sessionMinutes * 60 * 1000),
          place: "Hội trường UBND xã Kim Thành (demo)",
          trainer: "Báo cáo viên pháp luật thành phố (demo)",
          durationMinutes: DEMO_TRAINING.sessionMinutes,
          isDemo: true,
        },
      }));
    const members = await tx.rosterMember.findMany({
      where: { id: { in: memberIds.slice(0, DEMO_TRAINING.present) } },
      select: { id: true, userId: true },
    });
    await tx.trainingAttendance.createMany({
      data: members.map((member) => ({
        activityId: session.id,
        userId: member.userId,
        rosterMemberId: member.id,
        minutesCredited: DEMO_TRAINING.sessionMinutes,
      })),
      skipDuplicates: true,
    });
  });
}
