/**
 * Organizers type dates and times as they read them on the wall clock in Vietnam, whatever
 * time zone the server or the browser runs in. Vietnam keeps UTC+7 all year (no daylight
 * saving), so a fixed offset is exact.
 */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const OFFSET_MS = 7 * 60 * 60 * 1000;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads the value of an `<input type="datetime-local">` ("2026-03-01T08:00") as Vietnam time.
 * Returns null for anything else, including dates that do not exist (31 April, 25:00).
 */
export function parseVietnamDateTime(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May; a real date reads back the same.
  if (
    wallClock.getUTCFullYear() !== year ||
    wallClock.getUTCMonth() !== month - 1 ||
    wallClock.getUTCDate() !== day ||
    wallClock.getUTCHours() !== hour ||
    wallClock.getUTCMinutes() !== minute
  )
    return null;
  return new Date(wallClock.getTime() - OFFSET_MS);
}

/** The value for an `<input type="datetime-local">` showing `date` in Vietnam time. */
export function formatVietnamDateTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
