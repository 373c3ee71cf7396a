/**
 * The fixed wording of Vietnamese administrative documents, as Nghị định 30/2020/NĐ-CP sets it
 * out: the national name and motto heading the page, and the place-and-date line. Certificates
 * are Vietnamese documents whatever language the screen is in, so this text is not translated.
 */
import { VIETNAM_TIME_ZONE } from "~/utils/vietnam-time";

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

const ADMINISTRATIVE_PREFIX = /^(?:xã|phường|đặc khu|thị trấn|thị xã|quận|huyện|tỉnh|thành phố)\s+/iu;

/** The place as the date line names it: "Xã Kim Thành" → "Kim Thành", "Tỉnh Gia Lai" → "Gia Lai". */
export function placeName(nodeName: string): string {
  return nodeName.trim().replace(ADMINISTRATIVE_PREFIX, "");
}

function calendarParts(date: Date): { day: number; month: number; year: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: VIETNAM_TIME_ZONE,
    day: "numeric",
    month: "numeric",
    year: "numeric",
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { day: part("day"), month: part("month"), year: part("year") };
}

/**
 * "Kim Thành, ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading
 * zero (so a date on paper cannot be lengthened by hand), the calendar day is Vietnam's.
 */
export function issueDateLine(place: string, date: Date): string {
  const { day, month, year } = calendarParts(date);
  const dd = String(day).padStart(2, "0");
  const mm = month <= 2 ? String(month).padStart(2, "0") : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "23/11/2026", Vietnam's calendar day. */
export function shortDate(date: Date): string {
  const { day, month, year } = calendarParts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
