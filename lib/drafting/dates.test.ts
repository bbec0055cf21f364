import { describe, expect, it } from "vitest";

import { findDates, weekdayOnOrAfter, weekdayOnOrBefore } from "./dates";

const values = (sentence: string, published = "2025-05-16", previous?: string) =>
  findDates(sentence, published, previous).map((d) => d.value);

describe("findDates", () => {
  it("resolves weekdays backwards, and forwards in a future clause", () => {
    expect(weekdayOnOrBefore("2025-05-16", 5)).toBe("2025-05-16");
    expect(weekdayOnOrBefore("2025-05-16", 4)).toBe("2025-05-15");
    expect(weekdayOnOrAfter("2025-10-13", 3)).toBe("2025-10-15");
    expect(values("Zupan will meet the leaders on Wednesday.", "2025-10-13")).toEqual(["2025-10-15"]);
    expect(values("Kovac told supporters late on Sunday that she would begin talks.", "2025-10-13")).toEqual([
      "2025-10-12",
    ]);
    expect(values("In Sunday's election the party won.", "2025-10-13")).toEqual(["2025-10-12"]);
  });

  it("reads tomorrow as the day after publication, with its weekday in brackets", () => {
    // Published on a Friday: tomorrow is Saturday 17 May, not the Saturday before.
    expect(values("The new fares apply from tomorrow (Saturday), the council said.")).toEqual(["2025-05-17"]);
    expect(values("The vote is tomorrow.")).toEqual(["2025-05-17"]);
  });

  it("reads written dates, months and same-day references", () => {
    expect(values("The talks took place on May 16, 2025.")).toEqual(["2025-05-16"]);
    expect(values("The session will be held on October 30.", "2025-10-13")).toEqual(["2025-10-30"]);
    expect(values("The next summit will be held in June 2026.")).toEqual(["June 2026"]);
    expect(values("Last month, an anchor damaged a pipeline.", "2025-11-20")).toEqual(["October 2025"]);
    expect(values("On the same day, Putin signed an order.", "2025-05-16", "2025-05-15")).toEqual(["2025-05-15"]);
  });

  it("gives a day without its year the year that fits the tense", () => {
    // Published in December: a vote still to come in March is next year's.
    expect(values("Residents will vote on the bond in a special election on March 14.", "2026-12-02")).toEqual([
      "2027-03-14",
    ]);
    expect(values("The port reopened on 14 March, the council said, and tolls will rise.", "2026-12-02")).toEqual([
      "2026-03-14",
    ]);
    // Published in January: "December 20" without a future is the December just gone.
    expect(values("The ministry announced the cuts on December 20.", "2026-01-05")).toEqual(["2025-12-20"]);
    // A few days ahead stays in the year, with or without a future.
    expect(values("The summit opens on December 10.", "2026-12-02")).toEqual(["2026-12-10"]);
  });

  it("ignores the modal may, years alone and impossible dates", () => {
    expect(values("The operation may continue.")).toEqual([]);
    expect(values("The plan runs to 2027.")).toEqual([]);
    expect(values("It was February 30, 2025.")).toEqual([]);
  });
});
