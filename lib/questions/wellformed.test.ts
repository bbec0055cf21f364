import { describe, expect, it } from "vitest";

import { ambiguityProblem, countProblem, stemProblem, subjectProblem } from "@/lib/questions/wellformed";
import type { GeneratorFact } from "@/lib/questions/types";
import { makeFact } from "@/lib/questions/test-fixtures";

const number = (subject: string, answer: string, unit: string, extra: Partial<GeneratorFact> = {}): GeneratorFact => ({
  key: `${subject}-${answer}`,
  subject,
  relation: "number",
  answer,
  type: "number",
  unit,
  aliases: [],
  quote: "",
  asOf: "2026-03-02",
  ...extra,
});

describe("subjects that cannot stand in a question", () => {
  it("accepts noun phrases, with or without a relative clause", () => {
    for (const subject of [
      "The harbour festival",
      "Pupils who missed the exam",
      "Boats that were damaged in the storm",
      "Rainfall in the northern valleys",
      "The ferry operator's annual profit",
      "Dateline of the report",
      "Voters turned away (the polling station ran out of ballots)",
      "Bench the two captains sat on",
      "Villages the rebels took over in the night",
      "“The aim of this visit is to mend old ties”",
    ]) {
      expect(subjectProblem(subject), subject).toBeUndefined();
    }
  });

  it("refuses a fragment that starts with a preposition or conjunction", () => {
    expect(subjectProblem("Across the valley with the council doing better than hoped")).toMatch(
      /starts with “Across”/,
    );
    expect(subjectProblem("Because the mayor resigned")).toMatch(/starts with “Because”/);
    expect(subjectProblem("To lower the speed limit by ten")).toMatch(/starts with “To”/);
  });

  it("refuses a phrase that breaks off at its end", () => {
    expect(subjectProblem("The bridge closed to lorries after the")).toMatch(/breaks off after “the”/);
    expect(subjectProblem("Share of the seats in the")).toMatch(/breaks off/);
    expect(subjectProblem("Repairs began after the release of approximately")).toMatch(/breaks off/);
  });

  it("refuses a whole clause pasted in as a noun phrase", () => {
    expect(subjectProblem("The rowing club took part in the regatta")).toMatch(/whole clause \(“took”\)/);
    expect(subjectProblem("The museum says the gallery, which opened")).toMatch(/whole clause \(“says”\)/);
    expect(subjectProblem("A council meeting approved the new budget")).toMatch(/whole clause \(“approved”\)/);
    expect(subjectProblem("Their visit will be followed by a dinner")).toMatch(/whole clause \(“will”\)/);
    expect(subjectProblem("Has drawn crowds to the old mill")).toMatch(/starts with “Has”/);
  });

  it("refuses a subject pieced together with an ellipsis", () => {
    expect(subjectProblem("The orchestra … its winter season")).toMatch(/pieced together/);
  });
});

describe("stems that do not read as English", () => {
  it("finds doubled function words and a determiner before a preposition", () => {
    expect(stemProblem("What was the in in the market square?")).toMatch(/repeats “in in”/);
    expect(stemProblem("What was the of the river?")).toMatch(/reads “the of”/);
    expect(stemProblem("Where was the regatta held?")).toBeUndefined();
    expect(stemProblem("About how many boats were damaged?")).toBeUndefined();
    expect(stemProblem("Who said no deal was likely in the near future?")).toBeUndefined();
  });

  it("finds a group's part without the group", () => {
    expect(subjectProblem("Members killed in the raid on the village of one family")).toMatch(/members of what/);
    expect(subjectProblem("Members of the rowing club who reached the final")).toBeUndefined();
  });

  it("finds a relation read as a noun, a subject said twice and a count of a count", () => {
    expect(stemProblem("What was the is of the town that closed its schools?")).toMatch(/reads “the is”/);
    expect(stemProblem("True or false? The banned the march was announced by the council.")).toMatch(/the banned the/);
    expect(stemProblem("The length of the length of the bridge was how many metres?")).toMatch(/repeats “length of”/);
    expect(stemProblem("What figure did the article give for the number of death toll in the valley?")).toMatch(
      /number of.*toll/,
    );
    expect(stemProblem("What was the time the divers will spend under the ice?")).toMatch(/past tense/);
    expect(stemProblem("The rejected plan was announced by the council.")).toBeUndefined();
    expect(stemProblem("What was the number of boats in the harbour of the town?")).toBeUndefined();
    expect(stemProblem("Who said the port will reopen?")).toBeUndefined();
    expect(stemProblem("Which party that won the vote was led by Ana Lee?")).toBeUndefined();
    expect(stemProblem("True or false? The law that was passed in May was signed by the king.")).toBeUndefined();
  });
});

describe("numbers say what they count", () => {
  it("holds back a bare unit or 'the number of people'", () => {
    expect(countProblem(number("Days (The suspect can be held for)", "seven", "days"))).toMatch(/what is counted/);
    expect(countProblem(number("People", "40", "people"))).toMatch(/what is counted/);
    expect(countProblem(number("Per cent (the harvest fell by)", "12", "per cent"))).toMatch(/what is counted/);
    expect(countProblem(number("Share of people", "ninety", "percent"))).toMatch(/what is counted/);
  });

  it("accepts a subject that names the thing counted", () => {
    expect(countProblem(number("People who were rescued from the ferry", "40", "people"))).toBeUndefined();
    expect(countProblem(number("Annual rainfall in March", "12", "per cent"))).toBeUndefined();
  });

  it("refuses a unit cut from a sentence", () => {
    expect(countProblem(number("Altitude of the balloon", "30", "km above"))).toMatch(/unit “km above”/);
  });
});

describe("several figures that one stem could match", () => {
  it("holds back when two facts of the same unit read the same", () => {
    const all = [
      number("Goals scored by the visitors (in the first half)", "2", "goals"),
      number("Goals scored by the visitors (in the match)", "5", "goals"),
      number("Goals scored by the hosts", "3", "goals"),
    ];
    expect(ambiguityProblem(all[0]!, all)).toMatch(/more than one figure.*2 and 5/);
    expect(ambiguityProblem(all[2]!, all)).toBeUndefined();
  });

  it("holds back a subject that a narrower fact's figure also fits, not one with another word before its head", () => {
    const all = [
      number("The rise in ferry fares", "12", "percent"),
      number("The rise in ferry fares to the islands", "20", "percent"),
      number("The night ferry fares", "9", "percent"),
    ];
    expect(ambiguityProblem(all[0]!, all)).toMatch(/also fits .*to the islands” \(20\)/);
    expect(ambiguityProblem(all[1]!, all)).toBeUndefined();
    const rates = [
      number("The lending rate", "6.5", "per cent"),
      number("The overnight lending rate", "4.25", "per cent"),
    ];
    expect(ambiguityProblem(rates[0]!, rates)).toBeUndefined();
  });
});

describe("one measure at two times", () => {
  it("treats a figure before the change and the figure after it as rivals", () => {
    const now = makeFact({
      key: "now",
      type: "number",
      subject: "Bread prices",
      relation: "rose to",
      answer: "4.2",
      unit: "per cent",
      quote: "q",
    });
    const before = makeFact({
      key: "before",
      type: "number",
      subject: "Bread prices before the change",
      relation: "rose from",
      answer: "3.1",
      unit: "percent",
      quote: "q",
    });
    expect(ambiguityProblem(now, [now, before])).toMatch(/more than one figure/);
  });
});
