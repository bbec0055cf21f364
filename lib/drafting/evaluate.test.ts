import { describe, expect, it } from "vitest";

import type { DraftFact } from "./draft";
import { answersMatch, sameCalendarDate, type GoldFact } from "./evaluate";

const draft = (answer: string): DraftFact => ({
  id: "d",
  kind: "date",
  subject: "the vote",
  relation: "happened on",
  answer,
  type: "date",
  aliases: [],
  quote: "",
  asOf: "2024-03-08",
  confidence: 0.7,
});
const gold = (answer: string): GoldFact => ({ kind: "date", subject: "the vote", answer, aliases: [] });

describe("date matching", () => {
  it("accepts the same day however the gold writes it", () => {
    // 2024-03-03 was a Sunday.
    expect(sameCalendarDate("2024-03-03", "Sunday")).toBe(true);
    expect(sameCalendarDate("2024-03-03", "March 3")).toBe(true);
    expect(sameCalendarDate("2024-03-03", "3 March")).toBe(true);
    expect(answersMatch(draft("2024-03-03"), gold("Sunday"))).toBe(true);
    expect(sameCalendarDate("March 2024", "March")).toBe(true);
  });

  it("refuses another day, another month or another year", () => {
    expect(sameCalendarDate("2024-03-04", "Sunday")).toBe(false);
    expect(sameCalendarDate("2024-03-03", "March 4")).toBe(false);
    expect(sameCalendarDate("2024-03-03", "March 3, 2023")).toBe(false);
    expect(sameCalendarDate("April 2024", "March")).toBe(false);
    expect(sameCalendarDate("March 2024", "March 2023")).toBe(false);
    expect(answersMatch(draft("2024-03-04"), gold("Sunday"))).toBe(false);
  });
});
