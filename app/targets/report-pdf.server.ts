import { type CertificateFont, type Doc, renderPdf } from "~/certificates/pdf.server";
import { createI18n } from "~/i18n/i18n";
import { type GapStatus, percentText, type ReportLine, type ReportLineKey } from "./report";
import type { NodeReport } from "./report.server";
import { madeAtText, periodText, planText } from "./report-excel.server";

/**
 * The one-page-or-so PDF summary of a node's report (issue 7 §5): the values table, a bar chart of
 * results against targets, the monthly trend as a line chart, and the units below coloured by
 * gap. Drawn with pdfkit's vector primitives in Noto Serif, so every Vietnamese letter prints and
 * no browser is needed (the CLI makes it from cron).
 */
const t = createI18n("vi").t;

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = "#1a1a1a";
const MUTED = "#555555";
const STATUS_FILL: Record<GapStatus, string> = {
  met: "#1e7b3a",
  near: "#b07d00",
  far: "#b3261e",
  noTarget: "#8a939c",
  noData: "#8a939c",
};
const TREND: { key: ReportLineKey; color: string }[] = [
  { key: "officialsTrained", color: "#0b4f8a" },
  { key: "onlineTraining", color: "#1e7b3a" },
  { key: "residentsReached", color: "#b3261e" },
  { key: "satisfaction", color: "#9a6700" },
];

export function reportPdf(report: NodeReport): Promise<Buffer> {
  return renderPdf(
    {
      size: "A4",
      margin: PAGE.margin,
      lang: "vi-VN",
      displayTitle: true,
      bufferPages: true,
      info: {
        Title: `Báo cáo chỉ số — ${report.node.name} — ${periodText(report)}`,
        Author: "Legal Arena",
        CreationDate: report.generatedAt,
      },
    },
    (doc) => {
      drawReport(doc, report);
      footer(doc, report);
    },
  );
}

function text(doc: Doc, value: string, options: { font?: CertificateFont; size?: number; color?: string } = {}) {
  doc
    .font(options.font ?? "regular")
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? INK);
  doc.text(value, PAGE.margin, doc.y, { width: WIDTH });
}

/** Starts a new page when fewer than `height` points are left. */
function room(doc: Doc, height: number) {
  if (doc.y + height > PAGE.height - PAGE.margin - 20) doc.addPage();
}

function drawReport(doc: Doc, report: NodeReport) {
  text(doc, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ TRONG CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT", {
    font: "bold",
    size: 13,
  });
  doc.moveDown(0.3);
  text(doc, `Đơn vị: ${report.node.name} (mã ${report.node.code})`, { size: 11 });
  text(doc, `Kỳ báo cáo: ${periodText(report)}`, { size: 11 });
  text(doc, planText(report), { size: 9, color: MUTED });
  doc.moveDown(0.8);

  valuesTable(doc, report.lines);
  doc.moveDown(0.8);
  room(doc, 190);
  text(doc, "Kết quả so với chỉ tiêu (%)", { font: "bold", size: 11 });
  barsAgainstTargets(doc, report.lines);
  doc.moveDown(0.8);
  if (report.trend.length > 1) {
    room(doc, 230);
    text(doc, "Diễn biến theo tháng (%)", { font: "bold", size: 11 });
    text(doc, t("indicators.trendHint"), { size: 8, color: MUTED });
    trendChart(doc, report.trend);
    doc.moveDown(0.8);
  }
  if (report.children.length > 0) {
    room(doc, 80);
    text(doc, "Các đơn vị trực thuộc (%)", { font: "bold", size: 11 });
    text(
      doc,
      "Màu: xanh = đạt; vàng = còn thiếu không quá 10 điểm %; đỏ = còn thiếu nhiều hơn; xám = chưa có số liệu hoặc chỉ tiêu.",
      {
        size: 8,
        color: MUTED,
      },
    );
    childrenTable(doc, report);
  }
  if (report.untrained.total > 0) {
    doc.moveDown(0.8);
    room(doc, 40);
    text(
      doc,
      `${report.untrained.total} cán bộ chưa hoàn thành khóa học nào được tính trong kỳ (danh sách trong báo cáo Excel).`,
      { size: 10 },
    );
  }
  if (report.missingPopulation.length > 0) {
    text(
      doc,
      t("indicators.missingPopulation", { names: report.missingPopulation.map((node) => node.name).join(", ") }),
      {
        size: 9,
        color: MUTED,
      },
    );
  }
}

/** A table row; a header row (bold cells) is taller and wraps its titles. */
function row(doc: Doc, cells: { value: string; width: number; fill?: string; bold?: boolean }[]) {
  const header = cells.some((cell) => cell.bold);
  const height = header ? 28 : 18;
  room(doc, height);
  const y = doc.y;
  let x = PAGE.margin;
  for (const cell of cells) {
    if (cell.fill) doc.rect(x, y, cell.width, height).fill(cell.fill);
    doc.lineWidth(0.4).strokeColor("#c9d1da").rect(x, y, cell.width, height).stroke();
    doc
      .font(cell.bold ? "bold" : "regular")
      .fontSize(8.5)
      .fillColor(cell.fill ? "#ffffff" : INK)
      .text(cell.value, x + 3, y + 4, {
        width: cell.width - 6,
        height: height - 4,
        lineBreak: header,
        ellipsis: true,
      });
    x += cell.width;
  }
  doc.x = PAGE.margin;
  doc.y = y + height;
}

function valuesTable(doc: Doc, lines: ReportLine[]) {
  const widths = [190, 52, 78, 52, 56, WIDTH - 428];
  row(
    doc,
    ["Chỉ số", "Kết quả", "Số liệu", "Chỉ tiêu", "Còn thiếu", "Đánh giá"].map((value, index) => ({
      value,
      width: widths[index],
      bold: true,
    })),
  );
  for (const line of lines) {
    row(doc, [
      { value: t(`indicators.lines.${line.key}`), width: widths[0] },
      { value: line.value === null ? "–" : `${percentText(line.value)}%`, width: widths[1] },
      {
        value: line.numerator === null || line.denominator === null ? "–" : `${line.numerator}/${line.denominator}`,
        width: widths[2],
      },
      { value: line.targetPct === null ? "–" : `${percentText(line.targetPct / 100)}%`, width: widths[3] },
      { value: line.gapPoints === null ? "–" : percentText(line.gapPoints / 100), width: widths[4] },
      { value: t(`indicators.status.${line.status}`), width: widths[5], fill: STATUS_FILL[line.status] },
    ]);
  }
}

/** One bar per indicator (its value, coloured by status) with a black tick at its target. */
function barsAgainstTargets(doc: Doc, lines: ReportLine[]) {
  const shown = lines.filter((line) => line.value !== null || line.targetPct !== null);
  const labelWidth = 190;
  const chartWidth = WIDTH - labelWidth - 40;
  const top = doc.y + 4;
  const barHeight = 14;
  shown.forEach((line, index) => {
    const y = top + index * (barHeight + 8);
    doc.font("regular").fontSize(8.5).fillColor(INK);
    doc.text(t(`indicators.lines.${line.key}`), PAGE.margin, y + 2, {
      width: labelWidth - 6,
      lineBreak: false,
      ellipsis: true,
    });
    const x0 = PAGE.margin + labelWidth;
    doc.rect(x0, y, chartWidth, barHeight).fill("#eef1f4");
    if (line.value !== null)
      doc.rect(x0, y, chartWidth * Math.min(1, line.value), barHeight).fill(STATUS_FILL[line.status]);
    if (line.targetPct !== null) {
      const tx = x0 + (chartWidth * Math.min(100, line.targetPct)) / 100;
      doc
        .lineWidth(2)
        .strokeColor(INK)
        .moveTo(tx, y - 3)
        .lineTo(tx, y + barHeight + 3)
        .stroke();
    }
    doc
      .fontSize(8.5)
      .fillColor(INK)
      .text(line.value === null ? "–" : `${percentText(line.value)}%`, x0 + chartWidth + 4, y + 2, {
        lineBreak: false,
      });
  });
  const axisY = top + shown.length * (barHeight + 8);
  doc.fontSize(7).fillColor(MUTED);
  for (const tick of [0, 25, 50, 75, 100])
    doc.text(`${tick}`, PAGE.margin + labelWidth + (chartWidth * tick) / 100 - 6, axisY, { lineBreak: false });
  doc.x = PAGE.margin;
  doc.y = axisY + 14;
  text(doc, "Thanh màu: kết quả; vạch đen: chỉ tiêu của giai đoạn.", { size: 8, color: MUTED });
}

function trendChart(doc: Doc, months: NodeReport["trend"]) {
  const height = 150;
  const left = PAGE.margin + 28;
  const width = WIDTH - 40;
  const top = doc.y + 6;
  const bottom = top + height;
  doc.lineWidth(0.4).strokeColor("#c9d1da");
  for (const tick of [0, 25, 50, 75, 100]) {
    const y = bottom - (height * tick) / 100;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
    doc
      .font("regular")
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${tick}`, PAGE.margin, y - 4, { width: 24, align: "right" });
  }
  const step = months.length > 1 ? width / (months.length - 1) : 0;
  for (const series of TREND) {
    let started = false;
    doc.lineWidth(1.6).strokeColor(series.color);
    months.forEach((month, index) => {
      const value = month.lines.find((line) => line.key === series.key)?.value ?? null;
      if (value === null) return;
      const x = left + index * step;
      const y = bottom - height * Math.min(1, value);
      if (started) doc.lineTo(x, y);
      else doc.moveTo(x, y);
      started = true;
    });
    if (started) doc.stroke();
  }
  const labelEvery = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((month, index) => {
    if (index % labelEvery !== 0 && index !== months.length - 1) return;
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${month.month.slice(5)}/${month.month.slice(2, 4)}`, left + index * step - 12, bottom + 3, {
        width: 24,
        align: "center",
        lineBreak: false,
      });
  });
  let x = PAGE.margin;
  let legendY = bottom + 16;
  doc.font("regular").fontSize(7.5);
  for (const series of TREND) {
    const label = t(`indicators.lines.${series.key}`);
    const width = 13 + doc.widthOfString(label) + 12;
    if (x + width > PAGE.margin + WIDTH) {
      x = PAGE.margin;
      legendY += 12;
    }
    doc.rect(x, legendY + 2, 10, 6).fill(series.color);
    doc.fillColor(INK).text(label, x + 13, legendY, { lineBreak: false });
    x += width;
  }
  doc.x = PAGE.margin;
  doc.y = legendY + 14;
}

function childrenTable(doc: Doc, report: NodeReport) {
  const keys: ReportLineKey[] = ["officialsTrained", "onlineTraining", "residentsReached", "satisfaction"];
  const first = WIDTH - 4 * 78;
  const header = ["Đơn vị", "Cán bộ bồi dưỡng", "Tập huấn trực tuyến", "Người dân tiếp cận", "Hài lòng"];
  row(
    doc,
    header.map((value, index) => ({ value, width: index === 0 ? first : 78, bold: true })),
  );
  for (const child of report.children) {
    row(doc, [
      { value: child.node.name, width: first },
      ...keys.map((key) => {
        const line = child.lines.find((entry) => entry.key === key);
        return {
          value: line?.value == null ? "–" : percentText(line.value),
          width: 78,
          fill: line ? STATUS_FILL[line.status] : STATUS_FILL.noData,
        };
      }),
    ]);
  }
}

function footer(doc: Doc, report: NodeReport) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start another page.
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        `Legal Arena · ${report.node.name} · lập lúc ${madeAtText(report.generatedAt)} · trang ${index + 1}/${range.count}`,
        PAGE.margin,
        PAGE.height - PAGE.margin + 8,
        { width: WIDTH, align: "center", lineBreak: false },
      );
  }
}
