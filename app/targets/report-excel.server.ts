import ExcelJS from "exceljs";
import { createI18n } from "~/i18n/i18n";
import { formatVietnamDateTime } from "~/utils/vietnam-time";
import { VIETNAM_OFFSET_MS } from "./indicators";
import { monthLabel, percentCell, type ReportLine, type ReportLineKey } from "./report";
import type { NodeReport } from "./report.server";
import { dayLabel } from "./schemas";

/**
 * The periodic report as an Excel workbook (issue 7 §5), in Vietnamese, to send to the
 * Department of Justice: a summary sheet, one sheet per indicator (by month and by unit below),
 * and the lists behind them (officials not yet trained, training activities, population). Every
 * percentage is a number rounded to one decimal, exactly as the dashboard shows it.
 */
const t = createI18n("vi").t;

export const REPORT_SHEETS = {
  summary: "Tổng hợp",
  officialsTrained: "Cán bộ được bồi dưỡng",
  onlineTraining: "Tập huấn trực tuyến",
  residentsReached: "Người dân được tiếp cận",
  satisfaction: "Mức độ hài lòng",
  untrained: "DS chưa bồi dưỡng",
  activities: "DS hoạt động tập huấn",
  population: "Dân số",
} as const;

const INDICATOR_SHEETS: { key: ReportLineKey; sheet: string; numerator: string; denominator: string }[] = [
  {
    key: "officialsTrained",
    sheet: REPORT_SHEETS.officialsTrained,
    numerator: "Đã bồi dưỡng",
    denominator: "Tổng số cán bộ",
  },
  {
    key: "onlineTraining",
    sheet: REPORT_SHEETS.onlineTraining,
    numerator: "Trực tuyến",
    denominator: "Tổng số hoạt động",
  },
  {
    key: "residentsReached",
    sheet: REPORT_SHEETS.residentsReached,
    numerator: "Người tham gia",
    denominator: "Dân số",
  },
  {
    key: "satisfaction",
    sheet: REPORT_SHEETS.satisfaction,
    numerator: "Đánh giá 4–5 sao",
    denominator: "Tổng số đánh giá",
  },
];

/** 0.4567 → 45.7 (a number, so the file can be summed and charted). */

const lineName = (key: ReportLineKey) => t(`indicators.lines.${key}`);
const statusName = (line: ReportLine) => t(`indicators.status.${line.status}`);
const day = (iso: string) => dayLabel(new Date(`${iso}T00:00:00Z`));
const vietnamDay = (at: Date) => dayLabel(new Date(at.getTime() + VIETNAM_OFFSET_MS));

function table(sheet: ExcelJS.Worksheet, titles: string[], rows: (string | number | null)[][], widths?: number[]) {
  sheet.addRow(titles).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  widths?.forEach((width, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.max(column.width ?? 0, width);
  });
  sheet.addRow([]);
}

function heading(sheet: ExcelJS.Worksheet, report: NodeReport, title: string) {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([`Đơn vị: ${report.node.name} (mã ${report.node.code})`]);
  sheet.addRow([`Kỳ báo cáo: ${periodText(report)}`]);
  sheet.addRow([]);
}

/** "02/12/2026 11:12", Vietnam time, as a report's "made at" line says it. */
export function madeAtText(at: Date): string {
  const local = formatVietnamDateTime(at);
  return `${vietnamDay(at)} ${local.slice(11, 16)}`;
}

export function periodText(report: Pick<NodeReport, "period">): string {
  return `${vietnamDay(report.period.from)} – ${vietnamDay(new Date(report.period.to.getTime() - 1))}`;
}

export function planText(report: Pick<NodeReport, "plan">): string {
  const plan = report.plan;
  if (!plan) return t("indicators.noPlan");
  const name = [plan.number, plan.name].filter(Boolean).join(" — ");
  const owner = plan.own ? "" : ` (kế hoạch của ${plan.nodeName}; đơn vị chưa có kế hoạch riêng)`;
  return `Chỉ tiêu: ${plan.phase.label} (${day(plan.phase.startsOn)}–${day(plan.phase.endsOn)}) của ${name}${owner}${plan.isDemo ? " — số liệu demo" : ""}`;
}

const lineRow = (line: ReportLine) => [
  lineName(line.key),
  percentCell(line.value),
  line.numerator,
  line.denominator,
  line.targetPct,
  line.gapPoints,
  statusName(line),
];
const LINE_TITLES = ["Chỉ số", "Kết quả (%)", "Tử số", "Mẫu số", "Chỉ tiêu (%)", "Còn thiếu (điểm %)", "Đánh giá"];

export async function reportWorkbook(report: NodeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Legal Arena";
  workbook.created = report.generatedAt;

  const summary = workbook.addWorksheet(REPORT_SHEETS.summary);
  summary.addRow(["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ TRONG CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT"]).font = {
    bold: true,
    size: 13,
  };
  summary.addRow([`Đơn vị: ${report.node.name} (mã ${report.node.code})`]);
  summary.addRow([`Kỳ báo cáo: ${periodText(report)}`]);
  summary.addRow([planText(report)]);
  summary.addRow([`Lập lúc: ${madeAtText(report.generatedAt)} (số liệu tính từ dữ liệu của hệ thống)`]);
  summary.addRow([]);
  table(summary, LINE_TITLES, report.lines.map(lineRow), [44, 12, 12, 12, 12, 16, 18]);
  if (report.children.length > 0) {
    summary.addRow(["Theo đơn vị trực thuộc (%)"]).font = { bold: true };
    table(
      summary,
      ["Đơn vị", ...INDICATOR_SHEETS.map((entry) => lineName(entry.key)), "Đánh giá chung"],
      report.children.map((child) => [
        child.node.name,
        ...INDICATOR_SHEETS.map((entry) =>
          percentCell(child.lines.find((line) => line.key === entry.key)?.value ?? null),
        ),
        t(`indicators.status.${child.status}`),
      ]),
    );
  }

  for (const entry of INDICATOR_SHEETS) {
    const sheet = workbook.addWorksheet(entry.sheet);
    heading(sheet, report, lineName(entry.key));
    const line = report.lines.find((candidate) => candidate.key === entry.key);
    if (line) table(sheet, LINE_TITLES, [lineRow(line)], [30, 14, 14, 14, 14, 16, 18]);
    sheet.addRow(["Theo tháng"]).font = { bold: true };
    table(
      sheet,
      ["Tháng", entry.numerator, entry.denominator, "Kết quả (%)"],
      report.trend.map((month) => {
        const value = month.lines.find((candidate) => candidate.key === entry.key);
        return [
          monthLabel(month.month),
          value?.numerator ?? null,
          value?.denominator ?? null,
          percentCell(value?.value ?? null),
        ];
      }),
    );
    if (report.children.length > 0) {
      sheet.addRow(["Theo đơn vị trực thuộc"]).font = { bold: true };
      table(
        sheet,
        ["Đơn vị", entry.numerator, entry.denominator, "Kết quả (%)", "Chỉ tiêu (%)", "Còn thiếu (điểm %)", "Đánh giá"],
        report.children.map((child) => {
          const value = child.lines.find((candidate) => candidate.key === entry.key);
          return [
            child.node.name,
            value?.numerator ?? null,
            value?.denominator ?? null,
            percentCell(value?.value ?? null),
            value?.targetPct ?? null,
            value?.gapPoints ?? null,
            value ? statusName(value) : "",
          ];
        }),
      );
    }
  }

  const untrained = workbook.addWorksheet(REPORT_SHEETS.untrained);
  heading(untrained, report, t("indicators.untrainedTitle"));
  table(
    untrained,
    ["STT", "Họ và tên", "Vai trò", "Đơn vị"],
    report.untrained.rows.map((person, index) => [
      index + 1,
      person.fullName,
      person.roles.map((role) => t(`indicators.roles.${role}`)).join(", "),
      person.units.map((unit) => unit.name).join(", "),
    ]),
    [6, 32, 28, 48],
  );

  const activities = workbook.addWorksheet(REPORT_SHEETS.activities);
  heading(activities, report, "Hoạt động tập huấn bắt đầu trong kỳ");
  table(
    activities,
    ["STT", "Tên hoạt động", "Hình thức", "Ngày bắt đầu", "Số người tham gia", "Giờ học (người × giờ)"],
    report.activities.map((activity, index) => [
      index + 1,
      activity.title,
      activity.kind === "ONLINE" ? "Trực tuyến" : "Trực tiếp",
      vietnamDay(activity.startsAt),
      activity.participants,
      Math.round(activity.participantMinutes / 6) / 10,
    ]),
    [6, 48, 12, 14, 16, 18],
  );

  const population = workbook.addWorksheet(REPORT_SHEETS.population);
  heading(population, report, "Dân số dùng để tính tỷ lệ người dân được tiếp cận");
  table(
    population,
    ["Dân số", "Thành thị", "Nông thôn"],
    [[report.population.total, report.population.urban, report.population.rural]],
    [14, 14, 14],
  );
  population.addRow(["Đơn vị chưa nhập dân số (không được tính)"]).font = { bold: true };
  table(
    population,
    ["Đơn vị"],
    report.missingPopulation.map((node) => [node.name]),
    [40],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
