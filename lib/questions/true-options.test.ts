// Wrong options that are also true: a place and a place inside it, an option another fact of the
// article makes true of the same subject, and descriptions that are not posts offered posts of
// another world. Every sentence here is written for the test.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { makeEntity, makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";
import { worldOfRole } from "@/lib/questions/world";

function generate(body: string, facts: GeneratorFact[], entities: GeneratorEntity[] = []): GeneratedQuestion[] {
  return generateQuestions(
    { slug: "test-article", title: "Test", outlet: "Test Post", publishedOn: "2024-11-04", body },
    facts,
    entities,
  );
}

const servedOf = (questions: GeneratedQuestion[], key: string) =>
  questions.filter((q) => !q.heldBackReason && q.factKeys.length === 1 && q.factKeys[0] === key);
const wrongOptions = (questions: GeneratedQuestion[], key: string) =>
  servedOf(questions, key)
    .filter((q) => q.type === "MULTIPLE_CHOICE")
    .flatMap((q) => q.options.filter((o) => !o.isCorrect).map((o) => o.text));
const falseStatements = (questions: GeneratedQuestion[], key: string) =>
  servedOf(questions, key)
    .filter((q) => q.type === "TRUE_FALSE" && q.options.some((o) => o.text === "False" && o.isCorrect))
    .map((q) => q.stem);
/** Everything a student could be shown as a wrong answer for the fact: MC options and false statements. */
const offeredAsWrong = (questions: GeneratedQuestion[], key: string) =>
  [...wrongOptions(questions, key), ...falseStatements(questions, key)].join(" | ");

const FINAL_BODY =
  "The cup final was held at Brackenfield Stadium in Dorvale on Sunday. Supporters travelled from Rivertown, Ashby and Colne. The winners paraded through Marlow on Monday.";
const FINAL_QUOTE = "The cup final was held at Brackenfield Stadium in Dorvale on Sunday.";

const finalFacts = (extra: GeneratorFact[] = []): GeneratorFact[] => [
  makeFact({
    key: "venue",
    subject: "Cup final",
    relation: "held at",
    answer: "Brackenfield Stadium",
    type: "place",
    quote: FINAL_QUOTE,
  }),
  makeFact({
    key: "town",
    subject: "Cup final",
    relation: "held in",
    answer: "Dorvale",
    type: "place",
    quote: FINAL_QUOTE,
  }),
  makeFact({
    key: "parade",
    subject: "Winners' parade",
    relation: "held in",
    answer: "Marlow",
    type: "place",
    quote: "The winners paraded through Marlow on Monday.",
  }),
  makeFact({
    key: "supporters",
    subject: "Supporters",
    relation: "travelled from",
    answer: "Rivertown",
    type: "place",
    quote: "Supporters travelled from Rivertown, Ashby and Colne.",
  }),
  ...extra,
];

describe("a place and a place inside it are never right answer and distractor of one question", () => {
  it("two places the article gives for one subject are never each other's wrong option (venue and its city)", () => {
    const questions = generate(FINAL_BODY, finalFacts());
    expect(offeredAsWrong(questions, "venue")).not.toMatch(/Dorvale/);
    expect(offeredAsWrong(questions, "town")).not.toMatch(/Brackenfield/);
  });

  it("a venue the article places in a city is not offered against that city, nor the city against it", () => {
    const body = `${FINAL_BODY} Brackenfield Stadium lies in Dorvale. The semi-final was played in Dorvale too.`;
    const facts = finalFacts([
      makeFact({
        key: "located",
        subject: "Brackenfield Stadium",
        relation: "lies in",
        answer: "Dorvale",
        type: "place",
        quote: "Brackenfield Stadium lies in Dorvale.",
      }),
      makeFact({
        key: "semi",
        subject: "Semi-final",
        relation: "played in",
        answer: "Dorvale",
        type: "place",
        quote: "The semi-final was played in Dorvale too.",
      }),
    ]);
    const questions = generate(body, facts);
    // "Where was the semi-final played?": Brackenfield Stadium lies in Dorvale, so it may be true too.
    expect(offeredAsWrong(questions, "semi")).not.toMatch(/Brackenfield/);
  });

  it("a dateline the bank does not locate is never made false by a country the article is about", () => {
    const body =
      "KESTREL POINT: Valdoria launched its largest rocket on Tuesday from the spaceport at Kestrel Point. Norland and Valdoria share the launch range. The rocket was built in Ostberg.";
    const facts = [
      makeFact({
        key: "dateline",
        subject: "Dateline of the report",
        relation: "names",
        answer: "Kestrel Point",
        type: "place",
        quote: "KESTREL POINT: Valdoria launched its largest rocket on Tuesday from the spaceport at Kestrel Point.",
      }),
      makeFact({
        key: "built",
        subject: "Rocket",
        relation: "built in",
        answer: "Ostberg",
        type: "place",
        quote: "The rocket was built in Ostberg.",
      }),
    ];
    const entities = [
      makeEntity("europe", "Europe", "place", { kind: "continent" }),
      makeEntity("valdoria", "Valdoria", "place", { kind: "country", within: "europe" }),
      makeEntity("norland", "Norland", "place", { kind: "country", within: "europe" }),
    ];
    const questions = generate(body, facts, entities);
    const wrong = offeredAsWrong(questions, "dateline");
    expect(wrong).not.toMatch(/Valdoria|Norland/);
    // The check is about containment, not about every other place: another town stays usable.
    expect(wrong).toMatch(/Ostberg/);
  });

  it("a place the bank locates inside the answer's country is no false statement about it", () => {
    const body = "The treaty was signed in Valdoria. Delegates later toured Brisk and Norland.";
    const facts = [
      makeFact({
        key: "signed",
        subject: "Treaty",
        relation: "signed in",
        answer: "Valdoria",
        type: "place",
        quote: "The treaty was signed in Valdoria.",
      }),
      makeFact({
        key: "toured",
        subject: "Delegates' tour",
        relation: "went to",
        answer: "Brisk",
        type: "place",
        quote: "Delegates later toured Brisk and Norland.",
      }),
    ];
    const entities = [
      makeEntity("valdoria", "Valdoria", "place", { kind: "country" }),
      makeEntity("norland", "Norland", "place", { kind: "country" }),
      makeEntity("brisk", "Brisk", "place", { kind: "city", within: "valdoria" }),
    ];
    const questions = generate(body, facts, entities);
    expect(offeredAsWrong(questions, "signed")).not.toMatch(/Brisk/);
  });

  it("a venue is never asked or stated as a city ('held in the city of Brackenfield Stadium')", () => {
    const facts = finalFacts([
      makeFact({
        key: "city-of",
        subject: "Cup final",
        relation: "held in the city of",
        answer: "Brackenfield Stadium",
        type: "place",
        quote: FINAL_QUOTE,
      }),
    ]);
    const questions = generate(FINAL_BODY, facts);
    const served = questions.filter((q) => !q.heldBackReason && q.type !== "FILL_BLANK");
    expect(served.map((q) => q.stem).join(" | ")).not.toMatch(/city of Brackenfield/);
    const held = questions.find((q) => q.factKeys[0] === "city-of" && q.type === "MULTIPLE_CHOICE");
    expect(held?.heldBackReason).toMatch(/not a city/);
  });
});

describe("an option another fact of the article makes true is never offered as wrong", () => {
  it("a second post the article gives the same person is not a wrong option for the first", () => {
    const body =
      "Mira Tosh, the Valdorian Finance Minister, spoke first. Tosh, who is also Deputy Prime Minister, left early. Ivo Brant, the Health Minister, and Lena Dorr, the Education Minister, stayed. Paul Vance, the Interior Minister, chaired.";
    const facts = [
      makeFact({
        key: "tosh",
        subject: "Mira Tosh",
        relation: "role",
        answer: "Finance Minister",
        type: "role",
        quote: "Mira Tosh, the Valdorian Finance Minister, spoke first.",
      }),
      makeFact({
        key: "tosh-2",
        subject: "Mira Tosh",
        relation: "holds the post of",
        answer: "Deputy Prime Minister",
        type: "role",
        quote: "Tosh, who is also Deputy Prime Minister, left early.",
      }),
      makeFact({
        key: "brant",
        subject: "Ivo Brant",
        relation: "role",
        answer: "Health Minister",
        type: "role",
        quote: "Ivo Brant, the Health Minister, and Lena Dorr, the Education Minister, stayed.",
      }),
      makeFact({
        key: "dorr",
        subject: "Lena Dorr",
        relation: "role",
        answer: "Education Minister",
        type: "role",
        quote: "Ivo Brant, the Health Minister, and Lena Dorr, the Education Minister, stayed.",
      }),
      makeFact({
        key: "vance",
        subject: "Paul Vance",
        relation: "role",
        answer: "Interior Minister",
        type: "role",
        quote: "Paul Vance, the Interior Minister, chaired.",
      }),
    ];
    const questions = generate(body, facts);
    expect(offeredAsWrong(questions, "tosh")).not.toMatch(/Deputy Prime Minister/);
    expect(offeredAsWrong(questions, "tosh-2")).not.toMatch(/Finance Minister/);
  });

  it("a radio host is no wrong option for a show's guest host (both may be true of one person)", () => {
    const body =
      "Tom Reyes, the station's guest host, interviewed the mayor. The editor-in-chief, Ada Finch, joined later.";
    const facts = [
      makeFact({
        key: "host",
        subject: "Tom Reyes",
        relation: "role",
        answer: "the station's guest host",
        type: "role",
        quote: "Tom Reyes, the station's guest host, interviewed the mayor.",
      }),
    ];
    const entities = [
      makeEntity("radio-host", "radio host", "role", { world: "media" }),
      makeEntity("news-anchor", "news anchor", "role", { world: "media" }),
      makeEntity("tv-presenter", "television presenter", "role", { world: "media" }),
      makeEntity("editor", "editor-in-chief", "role", { world: "media" }),
      makeEntity("correspondent", "foreign correspondent", "role", { world: "media" }),
    ];
    const questions = generate(body, facts, entities);
    expect(offeredAsWrong(questions, "host")).not.toMatch(/radio host|news anchor|television presenter/);
  });
});

describe("descriptions that are not posts", () => {
  const body =
    "Lena Marsh, the cement heiress, gave evidence. Governor Olaf Brisk of the central bank and Finance Minister Ida Lund attended.";
  const facts = [
    makeFact({
      key: "heiress",
      subject: "Lena Marsh",
      relation: "role",
      answer: "cement heiress",
      type: "role",
      quote: "Lena Marsh, the cement heiress, gave evidence.",
    }),
    makeFact({
      key: "lund",
      subject: "Ida Lund",
      relation: "role",
      answer: "Finance Minister",
      type: "role",
      quote: "Governor Olaf Brisk of the central bank and Finance Minister Ida Lund attended.",
    }),
  ];
  const entities = [
    makeEntity("central-bank-governor", "central bank governor", "role", { world: "economy" }),
    makeEntity("banker", "banker", "role", { world: "economy" }),
    makeEntity("chief-executive", "chief executive", "role", { world: "economy" }),
  ];

  it("an heiress is asked how the article describes her, never what post she held", () => {
    const questions = generate(body, facts, entities);
    const stems = questions.filter((q) => q.factKeys[0] === "heiress" && q.type !== "FILL_BLANK").map((q) => q.stem);
    expect(stems.join(" | ")).not.toMatch(/what post/i);
    expect(stems.some((s) => /How does the article describe Lena Marsh\?/.test(s))).toBe(true);
  });

  it("an heiress is never offered posts (central bank governor, banker) as wrong options", () => {
    const questions = generate(body, facts, entities);
    expect(offeredAsWrong(questions, "heiress")).not.toMatch(/governor|banker|chief executive|Minister/i);
  });
});

describe("options of the answer's kind", () => {
  it("a dateline that names a site is never offered cities as the other places it could be", () => {
    const body =
      "HARLOW LAUNCH CENTRE: The probe lifted off on Friday. Engineers in Marsby and Tollund watched, as did crowds in Brisk.";
    const facts = [
      makeFact({
        key: "dateline",
        subject: "Dateline of the report",
        relation: "names",
        answer: "Harlow Launch Centre",
        type: "place",
        quote: "HARLOW LAUNCH CENTRE: The probe lifted off on Friday.",
      }),
    ];
    const entities = [
      makeEntity("valdoria", "Valdoria", "place", { kind: "country" }),
      makeEntity("marsby", "Marsby", "place", { kind: "city", within: "valdoria" }),
      makeEntity("tollund", "Tollund", "place", { kind: "city", within: "valdoria" }),
      makeEntity("brisk", "Brisk", "place", { kind: "city", within: "valdoria" }),
    ];
    const questions = generate(body, facts, entities);
    expect(offeredAsWrong(questions, "dateline")).not.toMatch(/Marsby|Tollund|Brisk/);
  });
});

describe("options of the answer's world", () => {
  it("a city the bank does not locate is offered only cities of the countries the article is about", () => {
    const body =
      "PORT SELMA — Valdoria opened its largest art fair on Friday. The Valdorian culture minister said visitors came from across the country.";
    const facts = [
      makeFact({
        key: "dateline",
        subject: "Dateline of the report",
        relation: "names",
        answer: "Port Selma",
        type: "place",
        kind: "city",
        quote: "PORT SELMA — Valdoria opened its largest art fair on Friday.",
      }),
    ];
    const entities = [
      makeEntity("valdoria", "Valdoria", "place", { kind: "country", aliases: ["Valdorian"] }),
      makeEntity("norland", "Norland", "place", { kind: "country" }),
      ...["Marsby", "Tollund", "Brisk"].map((name) =>
        makeEntity(name.toLowerCase(), name, "place", { kind: "city", within: "valdoria" }),
      ),
      ...["Oster", "Halden", "Vik"].map((name) =>
        makeEntity(name.toLowerCase(), name, "place", { kind: "city", within: "norland" }),
      ),
    ];
    const questions = generate(body, facts, entities);
    const wrong = offeredAsWrong(questions, "dateline");
    expect(wrong).toMatch(/Marsby|Tollund|Brisk/);
    expect(wrong).not.toMatch(/Oster|Halden|Vik/);
  });
});

describe("a news agency's country is not the article's world", () => {
  it("a report credited to AFP is offered no French posts", () => {
    const body =
      "Floods in Valdoria have killed 40 people, disaster minister Ana Kell told AFP on Monday. Finance Minister Olaf Brisk promised aid.";
    const facts = [
      makeFact({
        key: "kell",
        subject: "Ana Kell",
        relation: "role",
        answer: "disaster minister",
        type: "role",
        quote: "Floods in Valdoria have killed 40 people, disaster minister Ana Kell told AFP on Monday.",
      }),
    ];
    const entities = [
      makeEntity("afp", "AFP", "organisation", { kind: "news agency", country: "France" }),
      makeEntity("french-pm", "French Prime Minister", "role", { world: "politics", country: "France" }),
      makeEntity("french-fm", "French Foreign Minister", "role", { world: "politics", country: "France" }),
      makeEntity("health-minister", "Health Minister", "role", { world: "politics" }),
      makeEntity("education-minister", "Education Minister", "role", { world: "politics" }),
    ];
    const questions = generate(body, facts, entities);
    expect(offeredAsWrong(questions, "kell")).not.toMatch(/French/);
  });
});

describe("a council's leader is of local government", () => {
  it("reads the leader of a borough or district council as local government, not business", () => {
    expect(worldOfRole("Executive Leader of Marsby Borough Council")).toBe("local-government");
    expect(worldOfRole("chief executive of Tollund District Council")).toBe("local-government");
  });
});

describe("a post in other words", () => {
  it("a council leader is no wrong option for the Executive Leader of a borough council", () => {
    const body = "Ida Lund, Executive Leader of Marsby Borough Council, opened the new library on Monday.";
    const facts = [
      makeFact({
        key: "lund",
        subject: "Ida Lund",
        relation: "role",
        answer: "Executive Leader of Marsby Borough Council",
        type: "role",
        quote: body,
      }),
    ];
    const entities = ["council leader", "city manager", "deputy mayor", "town clerk"].map((name) =>
      makeEntity(name.replace(/ /g, "-"), name, "role", { world: "local-government" }),
    );
    const questions = generate(body, facts, entities);
    const wrong = offeredAsWrong(questions, "lund");
    expect(wrong).not.toMatch(/council leader/);
    expect(wrong).toMatch(/city manager|deputy mayor|town clerk/);
  });
});
