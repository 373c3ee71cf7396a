import { randomUUID } from "node:crypto";
import { hashPassword } from "../app/auth/password.server";
import type { Db } from "../app/db/client.server";
import type { OrgNodeType, Role } from "../app/generated/prisma/enums";
import { childPath } from "../app/org/tree.server";
import { insertQuestionDrafts } from "../app/questions/bulk-insert.server";
import { textToStem } from "../app/questions/html";
import { fileStore } from "../app/storage/files.server";
import { seedDemoCourse } from "./demo-course";
import { seedDemoPlans } from "./demo-plans";
import { seedDemoPopulation } from "./demo-population";
import { seedDemoSurveys } from "./demo-surveys";
import { seedDemoTraining } from "./demo-training";
import { DEMO_QUESTIONS } from "./question-bank";

/**
 * Demo data for a fresh installation: the five localities whose plans this product serves
 * (../shared/plans), a few units each, and one account per role. Units and people are
 * marked "(demo)"; no real person's data is used. Seeded only into an empty database.
 */
interface DemoNode {
  code: string;
  name: string;
  type: OrgNodeType;
  children?: DemoNode[];
}

export const DEMO_ORG_TREE: DemoNode[] = [
  {
    code: "HP",
    name: "Thành phố Hải Phòng",
    type: "PROVINCE",
    children: [
      {
        code: "HP-KIMTHANH",
        name: "Xã Kim Thành",
        type: "COMMUNE",
        children: [
          { code: "HP-KIMTHANH-UBND", name: "UBND xã Kim Thành – bộ phận Tư pháp (demo)", type: "UNIT" },
          { code: "HP-KIMTHANH-THCS", name: "Trường THCS xã Kim Thành (demo)", type: "UNIT" },
          { code: "HP-KIMTHANH-DOAN", name: "Đoàn Thanh niên xã Kim Thành (demo)", type: "UNIT" },
        ],
      },
      {
        code: "HP-HAIAN",
        name: "Phường Hải An",
        type: "COMMUNE",
        children: [
          { code: "HP-HAIAN-UBND", name: "UBND phường Hải An – bộ phận Tư pháp (demo)", type: "UNIT" },
          { code: "HP-HAIAN-THPT", name: "Trường THPT phường Hải An (demo)", type: "UNIT" },
          { code: "HP-HAIAN-DOAN", name: "Đoàn Thanh niên phường Hải An (demo)", type: "UNIT" },
        ],
      },
    ],
  },
  {
    code: "HUE",
    name: "Thành phố Huế",
    type: "PROVINCE",
    children: [
      { code: "HUE-STP", name: "Sở Tư pháp thành phố Huế (demo)", type: "UNIT" },
      { code: "HUE-DOAN", name: "Thành đoàn Huế (demo)", type: "UNIT" },
      {
        code: "HUE-PHUXUAN",
        name: "Phường Phú Xuân",
        type: "COMMUNE",
        children: [{ code: "HUE-PHUXUAN-THCS", name: "Trường THCS phường Phú Xuân (demo)", type: "UNIT" }],
      },
    ],
  },
  {
    code: "GL",
    name: "Tỉnh Gia Lai",
    type: "PROVINCE",
    children: [
      {
        code: "GL-KONCHIENG",
        name: "Xã Kon Chiêng",
        type: "COMMUNE",
        children: [
          { code: "GL-KONCHIENG-UBND", name: "UBND xã Kon Chiêng – bộ phận Tư pháp (demo)", type: "UNIT" },
          { code: "GL-KONCHIENG-PTDTBT", name: "Trường PTDTBT xã Kon Chiêng (demo)", type: "UNIT" },
          { code: "GL-KONCHIENG-HOAGIAI", name: "Tổ hòa giải ở cơ sở (demo)", type: "UNIT" },
        ],
      },
    ],
  },
  {
    // The An Trường plan follows its city's plan 2042/KH-STP; the city is not named in our copy.
    code: "AT-TP",
    name: "Thành phố quản lý xã An Trường (demo)",
    type: "PROVINCE",
    children: [
      {
        code: "AT-ANTRUONG",
        name: "Xã An Trường",
        type: "COMMUNE",
        children: [
          { code: "AT-ANTRUONG-UBND", name: "UBND xã An Trường – bộ phận Tư pháp (demo)", type: "UNIT" },
          { code: "AT-ANTRUONG-DOAN", name: "Đoàn Thanh niên xã An Trường (demo)", type: "UNIT" },
        ],
      },
    ],
  },
];

export const DEMO_PASSWORD = "Demo@2025";

export const DEMO_LOGINS: Array<{
  role: Role;
  fullName: string;
  identifier: string;
  password: string;
  nodeCode: string;
}> = [
  {
    role: "ADMIN",
    fullName: "Quản trị viên (demo)",
    identifier: "admin@legal-arena.example",
    password: DEMO_PASSWORD,
    nodeCode: "HP",
  },
  {
    role: "ORGANIZER",
    fullName: "Ban tổ chức xã Kim Thành (demo)",
    identifier: "bantochuc@legal-arena.example",
    password: DEMO_PASSWORD,
    nodeCode: "HP-KIMTHANH",
  },
  {
    role: "LEARNER",
    fullName: "Học viên (demo)",
    identifier: "hocvien@legal-arena.example",
    password: DEMO_PASSWORD,
    nodeCode: "HP-KIMTHANH-UBND",
  },
  {
    role: "CONTESTANT",
    fullName: "Thí sinh (demo)",
    identifier: "thisinh@legal-arena.example",
    password: DEMO_PASSWORD,
    nodeCode: "HP-KIMTHANH-THCS",
  },
];

/** Seeds the demo data when the database has no org node and no user; returns whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [nodes, users] = await Promise.all([db.orgNode.count(), db.user.count()]);
  if (nodes > 0 || users > 0) return false;
  await seedDemoData(db);
  return true;
}

export const DEMO_BANK = { nodeCode: "HP", name: "Ngân hàng câu hỏi pháp luật (demo)" };

export async function seedDemoData(db: Db): Promise<void> {
  const hashes = await Promise.all(DEMO_LOGINS.map((login) => hashPassword(login.password)));
  await db.$transaction(async (tx) => {
    const idsByCode = new Map<string, string>();
    const insert = async (node: DemoNode, parent: { id: string; path: string; depth: number } | null) => {
      const id = randomUUID();
      const path = childPath(parent?.path ?? null, id);
      const depth = parent ? parent.depth + 1 : 0;
      await tx.orgNode.create({
        data: { id, code: node.code, name: node.name, type: node.type, parentId: parent?.id ?? null, path, depth },
      });
      idsByCode.set(node.code, id);
      for (const child of node.children ?? []) await insert(child, { id, path, depth });
    };
    for (const root of DEMO_ORG_TREE) await insert(root, null);

    for (const [index, login] of DEMO_LOGINS.entries()) {
      await tx.user.create({
        data: {
          fullName: login.fullName,
          email: login.identifier,
          passwordHash: hashes[index],
          memberships: { create: { role: login.role, orgNodeId: idsByCode.get(login.nodeCode) as string } },
        },
      });
    }
  });

  // A city-level bank: editable by Hải Phòng's organizers, read-only for its communes.
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: DEMO_BANK.nodeCode } });
  const bank = await db.questionBank.create({
    data: {
      orgNodeId: node.id,
      name: DEMO_BANK.name,
      description: "Câu hỏi mẫu về các luật đang có hiệu lực; cần rà soát trước khi dùng thật.",
    },
  });
  const drafts = DEMO_QUESTIONS.map((question) => ({ ...question, stem: textToStem(question.stem) }));
  await insertQuestionDrafts(db, bank.id, drafts, { status: "APPROVED", authorId: null });
  await seedDemoContest(db, bank.id);
  await seedDemoCourse(db, fileStore(), bank.id);
  await seedDemoTraining(db);
  await seedDemoPlans(db);
  await seedDemoPopulation(db);
  await seedDemoSurveys(db);
}

export const DEMO_CONTEST = { slug: "tim-hieu-phap-luat-kim-thanh-2026", nodeCode: "HP-KIMTHANH" };

/**
 * A contest of xã Kim Thành drawing from the city bank: round 1 open from the day the data is
 * seeded for 30 days, round 2 for the 30 days after. 20 questions (5 easy, 10 medium, 5 hard),
 * 20 minutes, with the customary prediction question.
 */
async function seedDemoContest(db: Db, bankId: string): Promise<void> {
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: DEMO_CONTEST.nodeCode } });
  const day = 24 * 60 * 60 * 1000;
  const start = new Date(Date.now() - day);
  const contest = await db.contest.create({
    data: {
      orgNodeId: node.id,
      slug: DEMO_CONTEST.slug,
      title: "Cuộc thi trực tuyến tìm hiểu pháp luật xã Kim Thành năm 2026 (demo)",
      description: "Cuộc thi mẫu dành cho học sinh, đoàn viên thanh niên và người dân trên địa bàn xã.",
      rules:
        "Mỗi đợt thi gồm 20 câu hỏi trắc nghiệm, làm trong 20 phút. Xếp hạng theo điểm, sau đó theo câu dự đoán số người dự thi, rồi theo thời gian làm bài.",
      registrationFields: { fullName: "required", dateOfBirth: "optional", phone: "optional", unit: "required" },
      privacyNotice:
        "Ban tổ chức chỉ dùng thông tin đăng ký để tổ chức cuộc thi và trao giải; số điện thoại được che khi công bố kết quả.",
      certificateEnabled: true,
      status: "PUBLISHED",
    },
  });
  const blueprint = {
    rules: [
      { bankId, difficulty: "EASY", count: 5 },
      { bankId, difficulty: "MEDIUM", count: 10 },
      { bankId, difficulty: "HARD", count: 5 },
    ],
  };
  for (const [index, offset] of [0, 30].entries()) {
    await db.round.create({
      data: {
        contestId: contest.id,
        name: `Đợt ${index + 1}`,
        position: index + 1,
        opensAt: new Date(start.getTime() + offset * day),
        closesAt: new Date(start.getTime() + (offset + 30) * day),
        timeLimitSeconds: 20 * 60,
        attemptsAllowed: 2,
        blueprint,
        predictionEnabled: true,
      },
    });
  }
}
