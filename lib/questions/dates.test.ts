import { describe, expect, it } from "vitest";

import {
  addDays,
  dateWritings,
  formatDate,
  formatMonthYear,
  isIsoDate,
  parseDate,
  parseMonthYear,
  weekdayOf,
} from "@/lib/questions/dates";

describe("dates", () => {
  it("format and step through calendar days", () => {
    expect(formatDate("2025-05-16")).toBe("16 May 2025");
    expect(weekdayOf("2025-05-16")).toBe("Friday");
    expect(addDays("2025-05-31", 1)).toBe("2025-06-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(isIsoDate("2025-02-30")).toBe(false);
  });

  it("read the ways people type a date", () => {
    for (const text of [
      "2025-05-16",
      "16 May 2025",
      "May 16, 2025",
      "16th of May 2025",
      "16/05/2025",
      "16.05.2025",
      "Friday, 16 May 2025",
      "16 may 2025",
    ]) {
      expect(parseDate(text)).toBe("2025-05-16");
    }
    expect(parseDate("May 16", 2025)).toBe("2025-05-16");
    expect(parseDate("May 16")).toBeUndefined();
    expect(parseDate("31 February 2025")).toBeUndefined();
    expect(parseDate("Istanbul")).toBeUndefined();
  });

  it("list the writings to look for in text", () => {
    expect(dateWritings("2025-05-16")).toEqual(expect.arrayContaining(["16 May 2025", "May 16, 2025", "2025-05-16"]));
  });

  it("read and write months of a year", () => {
    expect(parseMonthYear("March 2022")).toEqual({ year: 2022, month: 3 });
    expect(parseMonthYear("Mar 2022")).toEqual({ year: 2022, month: 3 });
    expect(parseMonthYear("2022")).toBeUndefined();
    expect(formatMonthYear(2022, 0)).toBe("December 2021");
    expect(formatMonthYear(2022, 13)).toBe("January 2023");
  });
});
