import { describe, expect, it } from "vitest";

import type { DraftFact } from "./draft";
import { answersMatch, sameCalendarDate, subjectOverlap, type GoldFact } from "./evaluate";

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

describe("role matching", () => {
  const role = (subject: string, answer: string): DraftFact => ({
    ...draft(answer),
    kind: "person-role",
    subject,
    relation: "role",
    type: "role",
  });
  const goldRole = (subject: string, answer: string): GoldFact => ({
    kind: "person-role",
    subject,
    answer,
    aliases: [],
  });

  it("accepts one of two roles joined by 'and', and a post without where it is held", () => {
    expect(answersMatch(role("Ana Vidal", "lawyer"), goldRole("Ana Vidal", "lawyer and co-defendant"))).toBe(true);
    expect(
      answersMatch(role("Ana Vidal", "spokesperson"), goldRole("Ana Vidal", "spokesperson at the city hall")),
    ).toBe(true);
  });

  it("accepts 'X's role' for 'role of X'", () => {
    expect(
      answersMatch(
        role("Dana Whitlock", "The Evening Hour's guest host"),
        goldRole("Dana Whitlock", "guest host of The Evening Hour"),
      ),
    ).toBe(true);
  });

  it("refuses a post without whose it is, and another post", () => {
    expect(answersMatch(role("Ana Vidal", "director"), goldRole("Ana Vidal", "director of the water board"))).toBe(
      false,
    );
    expect(answersMatch(role("Ana Vidal", "judge"), goldRole("Ana Vidal", "lawyer and co-defendant"))).toBe(false);
    expect(answersMatch(role("Ana Vidal", "host"), goldRole("Ana Vidal", "guest host of The Evening Hour"))).toBe(
      false,
    );
  });
});

describe("counterpart matching", () => {
  const role = (answer: string): DraftFact => ({
    ...draft(answer),
    kind: "person-role",
    relation: "role",
    type: "role",
  });
  const goldRole = (answer: string): GoldFact => ({ kind: "person-role", subject: "the vote", answer, aliases: [] });

  it("accepts a counterpart of the post with or without the holder's name", () => {
    expect(
      answersMatch(
        role("Chilean counterpart of Prime Minister Ana Lopes"),
        goldRole("Chilean counterpart of the Prime Minister"),
      ),
    ).toBe(true);
    expect(
      answersMatch(
        role("Chilean counterpart of the Prime Minister"),
        goldRole("Chilean counterpart of Prime Minister Ana Lopes"),
      ),
    ).toBe(true);
  });

  it("refuses another country's counterpart or another post", () => {
    expect(
      answersMatch(
        role("Peruvian counterpart of Prime Minister Ana Lopes"),
        goldRole("Chilean counterpart of the Prime Minister"),
      ),
    ).toBe(false);
    expect(
      answersMatch(
        role("Chilean counterpart of Foreign Minister Ana Lopes"),
        goldRole("Chilean counterpart of the Prime Minister"),
      ),
    ).toBe(false);
    expect(
      answersMatch(
        role("Chilean counterpart of the Prime Minister"),
        goldRole("Chilean counterpart of Foreign Minister Ana Lopes"),
      ),
    ).toBe(false);
  });
});

describe("role matching inside a name", () => {
  it("refuses half of a post whose name has 'and'", () => {
    const d: DraftFact = { ...draft("Minister of Culture"), kind: "person-role", relation: "role", type: "role" };
    const g: GoldFact = {
      kind: "person-role",
      subject: "the vote",
      answer: "Minister of Culture and Heritage",
      aliases: [],
    };
    expect(answersMatch(d, g)).toBe(false);
  });
});

describe("place matching", () => {
  const place = (answer: string): DraftFact => ({ ...draft(answer), kind: "place", relation: "in", type: "place" });
  const goldPlace = (answer: string): GoldFact => ({ kind: "place", subject: "the vote", answer, aliases: [] });

  it("accepts a place with or without the direction of its region", () => {
    expect(answersMatch(place("northern Ruvia"), goldPlace("Ruvia"))).toBe(true);
    expect(answersMatch(place("Ruvia"), goldPlace("north-western Ruvia"))).toBe(true);
  });

  it("refuses another place", () => {
    expect(answersMatch(place("northern Ruvia"), goldPlace("Ruvia City"))).toBe(false);
    expect(answersMatch(place("North Ruvia"), goldPlace("South Ruvia"))).toBe(false);
  });
});

describe("person matching", () => {
  const role = (subject: string): DraftFact => ({
    ...draft("director"),
    kind: "person-role",
    subject,
    relation: "role",
    type: "role",
  });
  const goldRole = (subject: string): GoldFact => ({ kind: "person-role", subject, answer: "director", aliases: [] });

  it("accepts the name with or without an honorific, and refuses another person", () => {
    expect(subjectOverlap(role("Ana Lee"), goldRole("Dr. Ana Lee"))).toBe(1);
    expect(subjectOverlap(role("Prof. Ana Lee"), goldRole("Ana Lee"))).toBe(1);
    expect(subjectOverlap(role("Ana Leeds"), goldRole("Dr. Ana Lee"))).toBe(0);
    expect(subjectOverlap(role("Lee"), goldRole("Dr. Ana Lee"))).toBe(0);
  });
});

describe("events split from a clause", () => {
  it("reads a date's or place's subject and relation together, as the teacher's review shows them", () => {
    const split: DraftFact = {
      ...draft("2024-03-03"),
      subject: "Storms",
      relation: "flattened 40 barns in Kestrel Bay on",
    };
    expect(subjectOverlap(split, { ...gold("Sunday"), subject: "day the barns were flattened" })).toBe(2);
    // "happened on" says nothing of the event.
    expect(subjectOverlap(draft("2024-03-03"), { ...gold("Sunday"), subject: "what happened on the farm" })).toBe(0);
  });
});
