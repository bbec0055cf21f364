// Every number and date stem pattern, each on a fact written for this test (an invented report
// from an invented country), so that what a teacher would read is pinned down word for word.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { measureProblem, numberMeasure, unitProblem } from "@/lib/questions/measures";
import { makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion, GeneratorArticle, GeneratorFact } from "@/lib/questions/types";
import { eventProblem, subjectProblem } from "@/lib/questions/wellformed";

const ARTICLE: GeneratorArticle = {
  slug: "valdoria-economy-2025-04-05",
  title: "Valdoria's inflation eases as floods hit the north",
  outlet: "Northern Ledger",
  publishedOn: "2025-04-05",
  body: [
    "Annual inflation in Valdoria eased to 6.4 percent in March, the statistics office said.",
    "The central bank's lending rate now stands at 9.5 percent after a rise of 75 basis points.",
    "Car exports were worth 3.2 billion crowns in March. Car exports rose 12 percent.",
    "The harbour bridge, 820 metres long, carries four lanes of traffic. Valdoria's trade deficit narrowed to 410 million crowns.",
    "There were 17 deaths in Port Alder, where at least 41 people were killed by floods in the northern provinces.",
    "Orla Brennan, 61, leads the statistics office. People in Lindmark numbered 5,000.",
    "The spring trade fair ran from 3 March. The cabinet vote on the budget came on 2 April.",
    "The ferry service restarted on 1 April. The budget speech is planned for 30 April.",
    "The ministry closed schools on 28 March.",
    "Customs officers seized 2 million crowns worth of watches.",
  ].join("\n\n"),
};

const number = (
  key: string,
  subject: string,
  relation: string,
  answer: string,
  unit: string,
  quote: string,
  qualifier?: string,
): GeneratorFact =>
  makeFact({
    key,
    subject,
    relation,
    answer,
    unit,
    type: "number",
    quote,
    asOf: "2025-04-05",
    ...(qualifier ? { qualifier } : {}),
  });
const date = (key: string, subject: string, answer: string, quote: string): GeneratorFact =>
  makeFact({ key, subject, relation: "happened on", answer, type: "date", quote, asOf: "2025-04-05" });

const FACTS: GeneratorFact[] = [
  number(
    "watches-value",
    "The value of the watches customs officers seized",
    "amount",
    "2 million",
    "crowns",
    "Customs officers seized 2 million crowns worth of watches.",
  ),
  number(
    "inflation",
    "Annual inflation in March",
    "percentage",
    "6.4",
    "percent",
    "Annual inflation in Valdoria eased to 6.4 percent in March, the statistics office said.",
  ),
  number(
    "lending-rate",
    "The central bank's lending rate",
    "percentage",
    "9.5",
    "percent",
    "The central bank's lending rate now stands at 9.5 percent after a rise of 75 basis points.",
  ),
  number(
    "rate-rise",
    "The rise in the lending rate",
    "number",
    "75",
    "basis points",
    "The central bank's lending rate now stands at 9.5 percent after a rise of 75 basis points.",
  ),
  number(
    "car-exports-value",
    "Car exports in March",
    "amount",
    "3.2",
    "billion crowns",
    "Car exports were worth 3.2 billion crowns in March.",
  ),
  number("car-exports-rise", "Car exports", "percentage", "12", "percent", "Car exports rose 12 percent."),
  number(
    "car-exports-change",
    "The rise in car exports",
    "percentage",
    "12",
    "percent",
    "Car exports rose 12 percent.",
  ),
  number(
    "deficit",
    "The trade deficit",
    "amount",
    "410",
    "million crowns",
    "Valdoria's trade deficit narrowed to 410 million crowns.",
  ),
  number(
    "bridge",
    "Metres of the harbour bridge",
    "length",
    "820",
    "metres",
    "The harbour bridge, 820 metres long, carries four lanes of traffic.",
  ),
  number("brennan-age", "Age of Orla Brennan", "age", "61", "years", "Orla Brennan, 61, leads the statistics office."),
  number(
    "port-alder-deaths",
    "Deaths in Port Alder",
    "number",
    "17",
    "deaths",
    "There were 17 deaths in Port Alder, where at least 41 people were killed by floods in the northern provinces.",
  ),
  number(
    "flood-dead",
    "People killed by floods in the northern provinces",
    "number",
    "41",
    "people",
    "There were 17 deaths in Port Alder, where at least 41 people were killed by floods in the northern provinces.",
    "at least",
  ),
  number("lindmark-people", "People in Lindmark", "number", "5,000", "people", "People in Lindmark numbered 5,000."),
  number(
    "lindmark-millions",
    "People in Lindmark",
    "number",
    "1.2",
    "million people",
    "People in Lindmark numbered 5,000.",
  ),
  number(
    "killed-bare",
    "People who were killed",
    "number",
    "41",
    "people",
    "There were 17 deaths in Port Alder, where at least 41 people were killed by floods in the northern provinces.",
  ),
  date("fair", "The spring trade fair", "2025-03-03", "The spring trade fair ran from 3 March."),
  date("vote", "The cabinet vote on the budget", "2025-04-02", "The cabinet vote on the budget came on 2 April."),
  date("ferry", "The restart of the ferry service", "2025-04-01", "The ferry service restarted on 1 April."),
  date("speech", "The budget speech", "2025-04-30", "The budget speech is planned for 30 April."),
  date("schools", "The ministry closed schools", "2025-03-28", "The ministry closed schools on 28 March."),
];

const questions = generateQuestions(ARTICLE, FACTS, []);
const find = (key: string, type: string, correct?: boolean): GeneratedQuestion | undefined =>
  questions.find(
    (q) =>
      q.factKeys[0] === key &&
      q.type === type &&
      (correct === undefined || q.options.find((o) => o.text === "True")?.isCorrect === correct),
  );
const served = (key: string, type: string, correct?: boolean) => {
  const q = find(key, type, correct);
  expect(q?.heldBackReason, `${key} ${type}`).toBeUndefined();
  return q?.stem;
};

describe("a figure asked by what it measures", () => {
  it("asks a subject that is itself a rate as the rate, without 'the percentage of'", () => {
    expect(served("inflation", "MULTIPLE_CHOICE")).toBe("What was annual inflation in March?");
    expect(served("inflation", "TRUE_FALSE", true)).toBe("True or false? Annual inflation in March was 6.4 percent.");
    expect(served("lending-rate", "MULTIPLE_CHOICE")).toBe("What was the central bank's lending rate?");
    expect(served("inflation", "NUMERIC")).toBe("What was annual inflation in March? Give the answer in percent.");
  });

  it("asks a quantity in its own unit as the quantity", () => {
    expect(served("rate-rise", "MULTIPLE_CHOICE")).toBe("What was the rise in the lending rate?");
    expect(find("rate-rise", "MULTIPLE_CHOICE")?.options.find((o) => o.isCorrect)?.text).toBe("75 basis points");
  });

  it("asks money as 'What were ... worth?' for goods and 'How much ...?' otherwise", () => {
    expect(served("car-exports-value", "MULTIPLE_CHOICE")).toBe("What were car exports in March worth?");
    expect(served("car-exports-value", "TRUE_FALSE", true)).toBe(
      "True or false? Car exports in March were worth 3.2 billion crowns.",
    );
    // "The trade deficit" alone would not say whose: the sentence names its owner.
    expect(served("deficit", "MULTIPLE_CHOICE")).toBe("How much was Valdoria's trade deficit?");
    // A subject that is itself the amount is asked with "What", not "How much was the value ...".
    expect(served("watches-value", "MULTIPLE_CHOICE")).toBe(
      "What was the value of the watches customs officers seized?",
    );
  });

  it("asks a length or an age with 'How long' / 'How old', dropping the unit the subject repeated", () => {
    expect(served("bridge", "MULTIPLE_CHOICE")).toBe("How long was the harbour bridge?");
    expect(served("bridge", "TRUE_FALSE", true)).toBe("True or false? The harbour bridge was 820 metres long.");
    expect(served("brennan-age", "MULTIPLE_CHOICE")).toBe("How old was Orla Brennan?");
  });

  it("counts things with 'How many ... were there' and people by what happened to them", () => {
    expect(served("port-alder-deaths", "MULTIPLE_CHOICE")).toBe("How many deaths were there in Port Alder?");
    expect(served("port-alder-deaths", "TRUE_FALSE", true)).toBe("True or false? There were 17 deaths in Port Alder.");
    expect(served("flood-dead", "MULTIPLE_CHOICE")).toBe(
      "At least how many people were killed by floods in the northern provinces?",
    );
  });

  it("holds back a percentage of something that is not a rate, and people counted with no event", () => {
    expect(find("car-exports-rise", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/not itself a rate or share/);
    expect(find("lindmark-people", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/does not say what happened/);
    // Counted in millions, still people counted with no event.
    expect(find("lindmark-millions", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/does not say what happened/);
    expect(find("killed-bare", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/does not say in what event/);
    // The fill-in, which shows the article's sentence, is still served.
    expect(find("car-exports-rise", "FILL_BLANK")?.heldBackReason).toBeUndefined();
  });

  it("asks a percentage of a change as the change itself", () => {
    expect(served("car-exports-change", "MULTIPLE_CHOICE")).toBe("What was the rise in car exports?");
    expect(served("car-exports-change", "TRUE_FALSE", true)).toBe(
      "True or false? The rise in car exports was 12 percent.",
    );
  });

  it("holds back a unit that is not a unit and a subject that holds its own unit", () => {
    const fact = (unit: string, subject = "Drugs seized in the raid") =>
      number("x", subject, "amount", "90,000", unit, "Police seized drugs worth 90,000 crowns.");
    expect(unitProblem(fact("crowns man"))).toMatch(/does not read as a unit/);
    expect(unitProblem(fact("barrels of oil"))).toBeUndefined();
    expect(measureProblem(fact("crowns", "Crowns of the seized drugs"))).toMatch(/holds its own unit/);
    expect(numberMeasure(fact("crowns"))).toMatchObject({ kind: "money", worth: true });
  });
});

describe("a date asked as its event needs", () => {
  it("asks a vote 'held', another one-day event 'took place', a later date 'scheduled'", () => {
    expect(served("vote", "MULTIPLE_CHOICE")).toBe("On what date was the cabinet vote on the budget held?");
    expect(served("ferry", "TRUE_FALSE", true)).toBe(
      "True or false? The restart of the ferry service took place on 1 April 2025.",
    );
    expect(served("speech", "MULTIPLE_CHOICE")).toBe("On what date was the budget speech scheduled?");
    expect(served("speech", "TRUE_FALSE", true)).toBe(
      "True or false? The budget speech was scheduled for 30 April 2025.",
    );
  });

  it("holds back 'happened on' for an event of several days and for a clause", () => {
    expect(find("fair", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/may last several days/);
    expect(find("schools", "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/clause/);
    expect(eventProblem({ ...FACTS.find((f) => f.key === "fair")!, relation: "started on" })).toBeUndefined();
  });
});

describe("places and reported clauses", () => {
  const body = "HARBOURTON — Ferries to the islands resumed on Friday after a week of storms.";
  const article: GeneratorArticle = { ...ARTICLE, slug: "ferries-2025-04-05", body };
  const dateline = makeFact({
    key: "dateline",
    subject: "Dateline of the report",
    relation: "names",
    answer: "Harbourton",
    type: "place",
    quote: "HARBOURTON — Ferries to the islands resumed on Friday after a week of storms.",
  });

  it("asks a dateline as where the report was filed from", () => {
    const [q] = generateQuestions(article, [dateline], []).filter((q) => q.type === "TRUE_FALSE");
    expect(q?.stem).toBe("True or false? This report was filed from Harbourton.");
  });

  it("holds back a reported clause that breaks off, and a name run into another phrase", () => {
    expect(subjectProblem("Statement that ferry fares rose to")).toMatch(/breaks off after “to”/);
    expect(subjectProblem("The table the delegates sat around")).toBeUndefined();
    expect(subjectProblem("Harbour Radio the storm toll")).toMatch(/runs a name into another phrase/);
  });
});

describe("a former post", () => {
  it("is asked as how the article describes the person, not as a post held 'as of' a date", () => {
    const body = "Former Valdorian President Tomas Rehn will appeal against his conviction, his lawyer said.";
    const fact = makeFact({
      key: "rehn-role",
      subject: "Tomas Rehn",
      relation: "role",
      answer: "Former Valdorian President",
      type: "role",
      quote: body,
    });
    const generated = generateQuestions({ ...ARTICLE, slug: "rehn-2025-04-05", body }, [fact], []);
    expect(generated.find((q) => q.type === "MULTIPLE_CHOICE")?.stem).toBe("How does the article describe Tomas Rehn?");
    expect(generated.find((q) => q.type === "TRUE_FALSE")?.stem).toBe(
      "True or false? The article describes Tomas Rehn as a former Valdorian President.",
    );
  });
});
