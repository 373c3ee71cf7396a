import type { Db } from "../app/db/client.server";
import type { RosterRole } from "../app/generated/prisma/enums";
import { PHASE_PRESETS, parseDay, type Targets } from "../app/targets/schemas";

/**
 * The seed localities' plans implementing Đề án 766/QĐ-TTg (issue 7 §1), with the targets the
 * plans set (/work/shared/plans/README.md and the plan texts beside it). The numbers, plan
 * numbers and dates are real, quoted from the plans; a plan that states no number or no day has
 * none here. The rows are demo data (isDemo) all the same: the org tree they hang on is a demo.
 * Safe to run again: a plan already there (by node and name) is left as it is, with any edits.
 */
const NAME = (place: string) =>
  `Kế hoạch thực hiện Đề án “Chuyển đổi số trong công tác phổ biến, giáo dục pháp luật giai đoạn 2025–2030” trên địa bàn ${place}`;

/** The plans target training "kiến thức và kỹ năng chuyển đổi số trong công tác PBGDPL". */
const DIGITAL_SKILLS = "Kỹ năng chuyển đổi số trong PBGDPL";

type PhaseTargets = Partial<Targets>;

export interface DemoPlan {
  nodeCode: string;
  name: string;
  number: string | null;
  issuedOn: string | null;
  implementsPlan: string;
  officialRoles: RosterRole[];
  phases: [PhaseTargets, PhaseTargets] | [];
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    // 000_…: "Số: 1092/KH-UBND … Kim Thành, ngày 01 tháng 10 năm 2025"; its targets name
    // "cán bộ, công chức, viên chức tham mưu … PBGDPL, tuyên truyền viên pháp luật" (no reporters).
    nodeCode: "HP-KIMTHANH",
    name: NAME("xã Kim Thành"),
    number: "1092/KH-UBND",
    issuedOn: "2025-10-01",
    implementsPlan: "Kế hoạch số 160/KH-UBND ngày 01/7/2025 của Ủy ban nhân dân thành phố Hải Phòng",
    officialRoles: ["OFFICIAL", "PROPAGANDIST"],
    phases: [
      { residentsReachedPct: 80, officialsTrainedPct: 80, onlineTrainingSharePct: 75 },
      { residentsReachedPct: 90, officialsTrainedPct: 100, onlineTrainingSharePct: 90, satisfactionPct: 90 },
    ],
  },
  {
    // 001_…: "Hải An, ngày … tháng 7 năm 2025", no number and no day.
    nodeCode: "HP-HAIAN",
    name: NAME("phường Hải An"),
    number: null,
    issuedOn: null,
    implementsPlan:
      "Quyết định số 766/QĐ-TTg ngày 15/04/2025 của Thủ tướng Chính phủ; Kế hoạch số 160/KH-UBND ngày 01/07/2025 của Ủy ban nhân dân thành phố Hải Phòng",
    officialRoles: ["OFFICIAL", "REPORTER", "PROPAGANDIST"],
    phases: [
      { residentsReachedPct: 80, officialsTrainedPct: 90, onlineTrainingSharePct: 80 },
      { residentsReachedPct: 90, officialsTrainedPct: 100, onlineTrainingSharePct: 90, satisfactionPct: 90 },
    ],
  },
  {
    // 003_…: no number or date in the text; residents split urban/rural.
    nodeCode: "HUE",
    name: NAME("thành phố Huế"),
    number: null,
    issuedOn: null,
    implementsPlan: "Quyết định số 766/QĐ-TTg ngày 15/4/2025 của Thủ tướng Chính phủ",
    officialRoles: ["OFFICIAL", "REPORTER", "PROPAGANDIST"],
    phases: [
      {
        residentsReachedUrbanPct: 80,
        residentsReachedRuralPct: 60,
        officialsTrainedPct: 80,
        onlineTrainingSharePct: 50,
      },
      {
        residentsReachedUrbanPct: 90,
        residentsReachedRuralPct: 70,
        officialsTrainedPct: 100,
        onlineTrainingSharePct: 70,
        satisfactionPct: 90,
      },
    ],
  },
  {
    // 004_…: "Kèm theo Kế hoạch số: /KH-UBND ngày tháng năm 2025" — number and day left blank.
    nodeCode: "GL-KONCHIENG",
    name: NAME("xã Kon Chiêng"),
    number: null,
    issuedOn: null,
    implementsPlan: "Quyết định số 1906/QĐ-UBND ngày 24/9/2025 của Ủy ban nhân dân tỉnh Gia Lai",
    officialRoles: ["OFFICIAL", "REPORTER", "PROPAGANDIST"],
    phases: [
      { residentsReachedPct: 60, officialsTrainedPct: 80, onlineTrainingSharePct: 75 },
      { residentsReachedPct: 70, officialsTrainedPct: 100, onlineTrainingSharePct: 90, satisfactionPct: 90 },
    ],
  },
  {
    // 002_…: "Số: /KH-UBND"; sets no figures of its own (follows the city's plan) and trains
    // officials, reporters, propagandists and grassroots mediators.
    nodeCode: "AT-ANTRUONG",
    name: NAME("xã An Trường"),
    number: null,
    issuedOn: null,
    implementsPlan: "Kế hoạch số 2042/KH-STP ngày 17/7/2025 của Ngành Tư pháp",
    officialRoles: ["OFFICIAL", "REPORTER", "PROPAGANDIST", "MEDIATOR"],
    phases: [],
  },
];

const PRESETS = [PHASE_PRESETS["2025-2027"], PHASE_PRESETS["2028-2030"]];

export async function seedDemoPlans(db: Db): Promise<void> {
  for (const demo of DEMO_PLANS) {
    const node = await db.orgNode.findUnique({ where: { code: demo.nodeCode } });
    if (!node) continue;
    const existing = await db.plan.findFirst({ where: { orgNodeId: node.id, name: demo.name, isDemo: true } });
    if (existing) continue;
    await db.plan.create({
      data: {
        orgNodeId: node.id,
        name: demo.name,
        number: demo.number,
        issuedOn: parseDay(demo.issuedOn),
        implementsPlan: demo.implementsPlan,
        officialCategories: [DIGITAL_SKILLS],
        officialRoles: demo.officialRoles,
        isDemo: true,
        phases: {
          create: demo.phases.map((targets, index) => ({
            label: PRESETS[index].label,
            startsOn: parseDay(PRESETS[index].startsOn) as Date,
            endsOn: parseDay(PRESETS[index].endsOn) as Date,
            ...targets,
          })),
        },
      },
    });
  }
}
