import { describe, expect, it } from "vitest";

import {
  clockOffsetKey,
  formatRemaining,
  observeClockOffset,
  remainingMs,
  spokenRemaining,
  timerAnnouncement,
} from "./attempt-clock";

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

const server = Date.parse("2026-03-02T09:00:00Z");
const deadline = new Date(server + 10 * 60_000).toISOString();

describe("the countdown", () => {
  it("counts from the server's deadline, whatever the phone's clock says", () => {
    // A phone two hours behind: its clock reads 07:00 when the server's reads 09:00.
    const phone = server - 2 * 3_600_000;
    const offset = observeClockOffset(memoryStorage(), "k", new Date(server).toISOString(), phone);
    expect(remainingMs(deadline, phone, offset)).toBe(10 * 60_000);
    expect(remainingMs(deadline, phone + 4 * 60_000, offset)).toBe(6 * 60_000);
    expect(remainingMs(deadline, phone + 11 * 60_000, offset)).toBe(0);
  });

  it("keeps the best offset seen: a page reloaded from the offline copy cannot add time", () => {
    const storage = memoryStorage();
    const key = clockOffsetKey("u1", "a1");
    expect(observeClockOffset(storage, key, new Date(server).toISOString(), server)).toBe(0);
    // Reloaded offline five minutes later: the kept page still says 09:00.
    const later = server + 5 * 60_000;
    const offset = observeClockOffset(storage, key, new Date(server).toISOString(), later);
    expect(offset).toBe(0);
    expect(remainingMs(deadline, later, offset)).toBe(5 * 60_000);
  });

  it("reads as minutes and seconds, rounded up", () => {
    expect(formatRemaining(10 * 60_000)).toBe("10:00");
    expect(formatRemaining(65_001)).toBe("1:06");
    expect(formatRemaining(400)).toBe("0:01");
    expect(formatRemaining(0)).toBe("0:00");
    expect(spokenRemaining(5 * 60_000)).toBe("5 minutes left");
    expect(spokenRemaining(60_000)).toBe("1 minute left");
    expect(spokenRemaining(10_000)).toBe("10 seconds left");
  });

  it("is announced at a few marks and at zero, not every second", () => {
    expect(timerAnnouncement(301_000, 300_000)).toBe("5 minutes left");
    expect(timerAnnouncement(300_000, 299_000)).toBeNull();
    expect(timerAnnouncement(61_000, 59_500)).toBe("1 minute left");
    expect(timerAnnouncement(10_500, 9_500)).toBe("10 seconds left");
    // The phone slept through two marks: only the latest is said.
    expect(timerAnnouncement(200_000, 20_000)).toBe("30 seconds left");
    expect(timerAnnouncement(1_000, 0)).toBe("Time is up.");
    expect(timerAnnouncement(0, 0)).toBeNull();
  });
});
