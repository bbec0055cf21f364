import { describe, expect, it } from "vitest";

import { formatDateTimeInZone, isTimeZone, utcToZonedInput, zonedTimeToUtc } from "@/lib/dates";

describe("time zones", () => {
  it("turns a teacher's wall-clock time into UTC, across daylight saving", () => {
    expect(zonedTimeToUtc("2026-01-15T09:00", "Europe/London").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-15T09:00", "Europe/London").toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-15T09:00", "America/New_York").toISOString()).toBe("2026-07-15T13:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-15T09:00", "Asia/Kolkata").toISOString()).toBe("2026-07-15T03:30:00.000Z");
  });

  it("round-trips through the form input", () => {
    for (const zone of ["Europe/Istanbul", "Australia/Sydney", "UTC", "America/Los_Angeles"]) {
      expect(utcToZonedInput(zonedTimeToUtc("2026-03-29T16:45", zone), zone)).toBe("2026-03-29T16:45");
    }
  });

  it("moves a time skipped by the spring change forward", () => {
    // 01:30 does not exist in London on 29 March 2026 (clocks go from 01:00 to 02:00).
    expect(utcToZonedInput(zonedTimeToUtc("2026-03-29T01:30", "Europe/London"), "Europe/London")).toBe(
      "2026-03-29T02:30",
    );
  });

  it("knows real zone names", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(formatDateTimeInZone(new Date("2026-07-15T13:00:00Z"), "America/New_York")).toMatch(/15 Jul 2026, 09:00/);
  });
});
