import { describe, expect, it } from "vitest";

import { ANSWER_CLOCK_GRACE_MS, answeredAtFrom, attemptDeadline, judgeAnswerTime } from "./clock";

const start = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const HOUR = 60;

describe("answeredAtFrom", () => {
  it("believes the browser's clock within the grace before the answer arrived", () => {
    expect(answeredAtFrom(iso(5), start, at(20))).toEqual(at(5));
  });
  it("believes it no further back than the grace, nor before the attempt started", () => {
    expect(answeredAtFrom(iso(-3 * HOUR), start, at(100))).toEqual(new Date(at(100).getTime() - ANSWER_CLOCK_GRACE_MS));
    expect(answeredAtFrom(iso(-3 * HOUR), start, at(10))).toEqual(start);
  });
  it("never after the server received it", () => {
    expect(answeredAtFrom(iso(3 * HOUR), start, at(10))).toEqual(at(10));
  });
});

describe("attemptDeadline", () => {
  it("is the start plus the limit, or none without a limit", () => {
    expect(attemptDeadline(start, 10)).toEqual(at(10));
    expect(attemptDeadline(start, null)).toBeNull();
  });
});

describe("judgeAnswerTime", () => {
  const timed = { startedAt: start, dueAt: null, deadline: at(10) };

  it("counts an answer given before the deadline, even when it arrives late within the grace", () => {
    const judged = judgeAnswerTime({ ...timed, claimed: iso(9), receivedAt: at(25) });
    expect(judged).toEqual({ answeredAt: at(9), late: false, overTime: false });
  });

  it("refuses an answer given at or after the deadline", () => {
    expect(judgeAnswerTime({ ...timed, claimed: iso(10), receivedAt: at(10) }).overTime).toBe(true);
    expect(judgeAnswerTime({ ...timed, claimed: iso(11), receivedAt: at(12) }).overTime).toBe(true);
  });

  it("a phone clock hours ahead cannot extend the limit: the answer counts when received", () => {
    expect(judgeAnswerTime({ ...timed, claimed: iso(3 * HOUR), receivedAt: at(11) }).overTime).toBe(true);
    expect(judgeAnswerTime({ ...timed, claimed: iso(3 * HOUR), receivedAt: at(9) }).overTime).toBe(false);
  });

  it("a phone clock hours behind buys no more than the grace", () => {
    const graceMinutes = ANSWER_CLOCK_GRACE_MS / 60_000;
    expect(judgeAnswerTime({ ...timed, claimed: iso(-3 * HOUR), receivedAt: at(10 + graceMinutes) }).overTime).toBe(
      true,
    );
    expect(judgeAnswerTime({ ...timed, claimed: iso(-3 * HOUR), receivedAt: at(10 + 3 * HOUR) }).overTime).toBe(true);
  });

  it("judges lateness by the same moment", () => {
    const rule = { startedAt: start, dueAt: at(30), deadline: null };
    expect(judgeAnswerTime({ ...rule, claimed: iso(29), receivedAt: at(50) })).toEqual({
      answeredAt: at(29),
      late: false,
      overTime: false,
    });
    expect(judgeAnswerTime({ ...rule, claimed: iso(-3 * HOUR), receivedAt: at(70) }).late).toBe(true);
    expect(judgeAnswerTime({ ...rule, claimed: iso(31), receivedAt: at(31) }).late).toBe(true);
  });
});
