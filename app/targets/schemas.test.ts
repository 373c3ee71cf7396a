import { describe, expect, it } from "vitest";
import {
  dayLabel,
  dayValue,
  formatPercent,
  formObject,
  overlappingPhase,
  parseCategories,
  parseDay,
  parsePercent,
  phaseSchema,
  planSchema,
} from "./schemas";

const day = (value: string) => parseDay(value) as Date;

describe("parsePercent", () => {
  it("reads whole numbers, the Vietnamese decimal comma and a decimal point", () => {
    expect(parsePercent("80")).toBe(80);
    expect(parsePercent("80,5")).toBe(80.5);
    expect(parsePercent("80.5")).toBe(80.5);
    expect(parsePercent(" 66,67 % ")).toBe(66.67);
    expect(parsePercent("0")).toBe(0);
    expect(parsePercent("100")).toBe(100);
    expect(parsePercent("100,00")).toBe(100);
  });
  it("treats an empty field as no target", () => {
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("  ")).toBeNull();
    expect(parsePercent(undefined)).toBeNull();
  });
  it("refuses anything else", () => {
    for (const value of ["100,5", "101", "-1", "80,555", "abc", "8O", "1e2", "80,5,1", "1.000", ",5", "80,"])
      expect(parsePercent(value), value).toBeUndefined();
  });
  it("writes percentages back with a comma", () => {
    expect(formatPercent(80.5)).toBe("80,5");
    expect(formatPercent(90)).toBe("90");
    expect(formatPercent(null)).toBe("");
  });
});

describe("parseDay", () => {
  it("reads a date input and a typed Vietnamese date as the same UTC-midnight day", () => {
    expect(dayValue(parseDay("2025-10-01"))).toBe("2025-10-01");
    expect(dayValue(parseDay("01/10/2025"))).toBe("2025-10-01");
    expect(dayValue(parseDay("1/10/2025"))).toBe("2025-10-01");
    expect(dayLabel(parseDay("2025-10-01"))).toBe("01/10/2025");
  });
  it("refuses days that do not exist", () => {
    for (const value of ["2025-02-30", "31/04/2025", "2025-13-01", "", "hôm nay", "1800-01-01"])
      expect(parseDay(value), value).toBeNull();
  });
});

describe("phaseSchema", () => {
  it("fills a preset's days and label", () => {
    const phase = phaseSchema.parse({ preset: "2028-2030", satisfactionPct: "90" });
    expect(dayValue(phase.startsOn)).toBe("2028-01-01");
    expect(dayValue(phase.endsOn)).toBe("2030-12-31");
    expect(phase.label).toBe("Giai đoạn 2 (2028–2030)");
    expect(phase.satisfactionPct).toBe(90);
    expect(phase.officialsTrainedPct).toBeNull();
  });
  it("keeps a typed label over the preset's", () => {
    expect(phaseSchema.parse({ preset: "2025-2027", label: "Giai đoạn I" }).label).toBe("Giai đoạn I");
  });
  it("takes custom days and names the phase after them", () => {
    const phase = phaseSchema.parse({ startsOn: "2026-01-01", endsOn: "30/06/2026", officialsTrainedPct: "80,5" });
    expect(phase.label).toBe("01/01/2026 – 30/06/2026");
    expect(phase.officialsTrainedPct).toBe(80.5);
  });
  it("refuses a phase that ends on or before the day it starts", () => {
    for (const [startsOn, endsOn] of [
      ["2026-06-30", "2026-01-01"],
      ["2026-06-30", "2026-06-30"],
    ]) {
      const result = phaseSchema.safeParse({ startsOn, endsOn });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["endsOn", "errors.targets.endsBeforeStart"],
      ]);
    }
  });
  it("refuses missing days and bad percentages with Vietnamese error keys", () => {
    const result = phaseSchema.safeParse({ startsOn: "", endsOn: "2026-02-30", satisfactionPct: "120" });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? []);
    expect(issues).toEqual({
      startsOn: "errors.targets.dayInvalid",
      endsOn: "errors.targets.dayInvalid",
      satisfactionPct: "errors.targets.percentInvalid",
    });
  });
});

describe("overlappingPhase", () => {
  const phases = [
    { id: "a", startsOn: day("2025-01-01"), endsOn: day("2027-12-31") },
    { id: "b", startsOn: day("2028-01-01"), endsOn: day("2030-12-31") },
  ];
  it("lets consecutive phases touch without overlapping", () => {
    expect(overlappingPhase([phases[0]], { startsOn: day("2028-01-01"), endsOn: day("2030-12-31") })).toBeNull();
  });
  it("finds a phase sharing even one day (both days are included)", () => {
    expect(overlappingPhase(phases, { startsOn: day("2027-12-31"), endsOn: day("2028-06-30") })?.id).toBe("a");
    expect(overlappingPhase(phases, { startsOn: day("2029-01-01"), endsOn: day("2029-06-30") })?.id).toBe("b");
    expect(overlappingPhase(phases, { startsOn: day("2020-01-01"), endsOn: day("2035-01-01") })?.id).toBe("a");
  });
  it("ignores the phase being edited", () => {
    expect(overlappingPhase(phases, { startsOn: day("2025-06-01"), endsOn: day("2027-12-31") }, "a")).toBeNull();
  });
});

describe("planSchema", () => {
  const form = (fields: Record<string, string>, roles = ["OFFICIAL", "REPORTER", "PROPAGANDIST"]) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    for (const role of roles) data.append("officialRoles", role);
    return formObject(data, ["officialRoles"]);
  };
  it("reads a plan with its number, date, categories and roles", () => {
    const plan = planSchema.parse(
      form(
        {
          orgNodeId: "n1",
          name: "Kế hoạch thực hiện Đề án",
          number: " 1092/KH-UBND ",
          issuedOn: "01/10/2025",
          implementsPlan: "Quyết định 766/QĐ-TTg",
          officialCategories: "Kỹ năng chuyển đổi số trong PBGDPL\n\nkỹ năng chuyển đổi số trong PBGDPL; Hòa giải",
        },
        ["MEDIATOR", "OFFICIAL"],
      ),
    );
    expect(plan).toMatchObject({
      number: "1092/KH-UBND",
      implementsPlan: "Quyết định 766/QĐ-TTg",
      parentPlanId: null,
      officialCategories: ["Kỹ năng chuyển đổi số trong PBGDPL", "Hòa giải"],
      officialRoles: ["OFFICIAL", "MEDIATOR"],
    });
    expect(dayValue(plan.issuedOn)).toBe("2025-10-01");
  });
  it("needs a name, a node and at least one known role", () => {
    const result = planSchema.safeParse(form({ orgNodeId: "", name: "KH" }, ["OTHER"]));
    const issues = Object.fromEntries(result.error?.issues.map((issue) => [issue.path[0], issue.message]) ?? []);
    expect(issues).toEqual({
      orgNodeId: "errors.targets.nodeRequired",
      name: "errors.targets.nameTooShort",
      officialRoles: "errors.targets.rolesRequired",
    });
    expect(planSchema.safeParse(form({ orgNodeId: "n", name: "Kế hoạch" }, [])).success).toBe(false);
  });
  it("splits categories on lines and semicolons, dropping blanks and repeats", () => {
    expect(parseCategories(" A ;b\n\n a \r\nC  D")).toEqual(["A", "b", "C D"]);
  });
});
