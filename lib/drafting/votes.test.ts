// A vote's tally read as votes for and against what was voted on. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const tallies = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "number")
    .map((d) => [d.subject, `${d.answer} ${d.unit ?? ""}`.trim()]);

describe("vote tallies", () => {
  it("gives the majority to the side the verb says won", () => {
    expect(tallies("The assembly rejected the new mining bill by a 61-38 vote on Tuesday.")).toEqual([
      ["Votes against the new mining bill", "61 votes"],
      ["Votes for the new mining bill", "38 votes"],
    ]);
    expect(tallies("The council approved the budget by a 31-12 vote.")).toEqual([
      ["Votes for the budget", "31 votes"],
      ["Votes against the budget", "12 votes"],
    ]);
  });

  it("reads 'voted down' as a vote against, its object ending before what follows", () => {
    expect(tallies("Members voted down a motion of censure against the mayor by a 40-22 vote.")).toEqual([
      ["Votes against the motion of censure", "40 votes"],
      ["Votes for the motion of censure", "22 votes"],
    ]);
  });

  it("drafts nothing without a verb saying what was voted on, or from a score", () => {
    expect(tallies("The court ruled by a 5-4 vote. The score was 3-1.")).toEqual([]);
  });
});
