import { describe, expect, it } from "vitest";

import { feedPeriodMs } from "./round";

describe("feedPeriodMs", () => {
  it("is 30 minutes unless FEEDS_EVERY_MINUTES says otherwise", () => {
    expect(feedPeriodMs({})).toBe(30 * 60_000);
    expect(feedPeriodMs({ FEEDS_EVERY_MINUTES: "60" })).toBe(60 * 60_000);
  });

  it("refuses a period that would hammer outlets, or is no number, saying why", () => {
    expect(() => feedPeriodMs({ FEEDS_EVERY_MINUTES: "1" })).toThrow(/at least 5/);
    expect(() => feedPeriodMs({ FEEDS_EVERY_MINUTES: "often" })).toThrow(/number of minutes/);
    expect(() => feedPeriodMs({ FEEDS_EVERY_MINUTES: "2000" })).toThrow(/at most 1440/);
  });
});
