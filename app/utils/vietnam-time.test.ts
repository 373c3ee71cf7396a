import { afterEach, describe, expect, it } from "vitest";
import { formatVietnamDateTime, parseVietnamDateTime } from "./vietnam-time";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("dates and times typed in Vietnam time", () => {
  it("reads a datetime-local value as UTC+7", () => {
    expect(parseVietnamDateTime("2026-03-01T08:00")?.toISOString()).toBe("2026-03-01T01:00:00.000Z");
    expect(parseVietnamDateTime("2026-03-01T08:00:30")?.toISOString()).toBe("2026-03-01T01:00:30.000Z");
    // Just after midnight in Hà Nội is still the previous day in UTC.
    expect(parseVietnamDateTime("2026-01-01T00:30")?.toISOString()).toBe("2025-12-31T17:30:00.000Z");
  });

  it("gives the same instant whatever the server's time zone", () => {
    const readings = ["UTC", "America/New_York", "Asia/Tokyo", "Europe/Paris"].map((zone) => {
      process.env.TZ = zone;
      return parseVietnamDateTime("2026-07-15T20:45")?.toISOString();
    });
    expect(new Set(readings)).toEqual(new Set(["2026-07-15T13:45:00.000Z"]));
  });

  it("refuses dates that do not exist and anything that is not a datetime-local value", () => {
    for (const value of [
      "",
      "2026-04-31T08:00",
      "2026-02-29T08:00",
      "2026-03-01T24:00",
      "2026-03-01T08:60",
      "2026-03-01",
      "01/03/2026 08:00",
      "2026-03-01T08:00Z",
      "2026-03-01T08:00+07:00",
    ])
      expect(parseVietnamDateTime(value), value).toBeNull();
    expect(parseVietnamDateTime("2028-02-29T08:00")?.toISOString()).toBe("2028-02-29T01:00:00.000Z");
  });

  it("writes an instant back as the wall clock in Vietnam, round-tripping", () => {
    expect(formatVietnamDateTime(new Date("2025-12-31T17:30:00Z"))).toBe("2026-01-01T00:30");
    process.env.TZ = "America/Los_Angeles";
    const typed = "2026-10-05T07:15";
    expect(formatVietnamDateTime(parseVietnamDateTime(typed) as Date)).toBe(typed);
  });
});
