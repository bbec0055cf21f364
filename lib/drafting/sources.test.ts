// What an outlet or body reported or was told is a whole clause, or no fact. Every sentence here
// is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const sources = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "organisation")
    .map((d) => [d.subject, d.answer]);

describe("claims of sources", () => {
  it("takes the clause right after 'told <outlet>' as what was said", () => {
    expect(
      sources("In the north, officials told Harbour Radio the death toll had risen to 40, with 12 missing."),
    ).toEqual([["Statement that the death toll had risen to 40, with 12 missing", "Harbour Radio"]]);
  });

  it("keeps a claim whole, or a very long one to its first main clause, never cut mid-clause", () => {
    expect(
      sources(
        "The city raised its parking charges by ten percent from Monday, the first rise since 2019, the Harbour Daily News reported.",
      ),
    ).toEqual([
      [
        "Report that the city raised its parking charges by ten percent from Monday, the first rise since 2019",
        "Harbour Daily News",
      ],
    ]);
    expect(
      sources(
        "The city raised its parking charges by ten percent from Monday, and drivers who park in the old town centre near the harbour every day say that the rise will hurt the small shops and cafes that depend on them, the Harbour Daily News reported.",
      ),
    ).toEqual([["Report that the city raised its parking charges by ten percent from Monday", "Harbour Daily News"]]);
  });

  it("takes the clause before 'according to X', never the relative clause describing X", () => {
    expect(
      sources(
        "The storms were the worst in decades, according to the Harbour Weather Service, which recorded gusts of 140 kilometres an hour at the mouth of the river on Tuesday night.",
      ),
    ).toEqual([["Report that the storms were the worst in decades", "Harbour Weather Service"]]);
  });

  it("leaves the speaker named before 'told' and the day of saying out of the claim", () => {
    expect(
      sources("Repairs will take a month, Ana Ruiz, a spokesperson at the port authority, told Harbour Radio."),
    ).toEqual([["Statement that repairs will take a month", "Harbour Radio"]]);
  });

  it("drafts nothing when the words left are no clause", () => {
    expect(sources("In the north, officials told Harbour Radio.")).toEqual([]);
  });
});

describe("a claim's first word", () => {
  it("loses the capital of its sentence's start unless it is a name", () => {
    const subjects = draftFacts({
      title: "Test",
      body: '"They are being targeted to drive people out," Arlo Brandt told Reuters. "Kestrel Bank will pay," Mira Holt told Reuters, adding that Kestrel Bank had agreed.',
      publishedOn: "2026-03-02",
    })
      .filter((d) => d.relation === "given to")
      .map((d) => d.subject);
    expect(subjects).toEqual([
      "Statement that they are being targeted to drive people out",
      "Statement that Kestrel Bank will pay",
    ]);
  });
});

describe("the day of saying", () => {
  it("is no part of the claim, with or without 'on'", () => {
    expect(sources("Food prices rose in May, the Vesi Bureau of Statistics said Friday.")).toContainEqual([
      "Statement that food prices rose in May",
      "Vesi Bureau of Statistics",
    ]);
    expect(
      sources("The Vesi Bureau of Statistics said Friday food prices rose in May.")
        .map(([s]) => s)
        .join(" "),
    ).not.toMatch(/Friday/);
  });
});

describe("a person's claim after 'according to'", () => {
  it("gives it to the person, 'Lin' read as Lin Wei (family name first) when the article named Lin Wei", () => {
    const facts = draftFacts({
      title: "Test",
      body: "Foreign Minister Lin Wei met his Chilean counterpart on Sunday.\n\nAccording to Lin, the meeting lasted two hours and ended well.",
      publishedOn: "2024-03-08",
    });
    expect(facts.filter((d) => d.relation === "made by").map((d) => [d.subject, d.answer])).toEqual([
      ["Statement that the meeting lasted two hours and ended well", "Lin Wei"],
    ]);
    expect(sources("According to Lin, the meeting lasted two hours and ended well.")).toEqual([]);
  });
});

describe("a person's claim after 'told' or 'announced that'", () => {
  const claims = (body: string): string[][] =>
    draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
      .filter((d) => d.relation === "made by")
      .map((d) => [d.subject, d.answer]);

  it("reads what a person told reporters or an outlet, past whom they told", () => {
    expect(
      claims("Ana Lopes, the agency's director, told reporters the outbreak was a wake-up call for parents."),
    ).toEqual([["Statement that the outbreak was a wake-up call for parents", "Ana Lopes"]]);
    expect(claims("Ana Lopes told the BBC that the new rail line would open in March.")).toEqual([
      ["Statement that the new rail line would open in March", "Ana Lopes"],
    ]);
    // "told him to ...": an order, no claim.
    expect(claims("Ana Lopes told him to leave the harbour at once.")).toEqual([]);
  });

  it("reads 'announced that' as a claim, and 'announced the arrests' as a deed", () => {
    expect(claims("Ana Lopes announced that the harbour would reopen within two weeks.")).toEqual([
      ["Statement that the harbour would reopen within two weeks", "Ana Lopes"],
    ]);
    expect(claims("Ana Lopes announced the arrests on Tuesday.")).toEqual([]);
  });
});

describe("a body named right after what kind of body it is", () => {
  it("reads 'German rail union Vesta', 'the state-run broadcaster TRN' as which union or broadcaster", () => {
    expect(sources("German rail union Vesta praised the deal.")).toEqual([["The German rail union", "Vesta"]]);
    expect(sources("The state-run broadcaster TRN showed the vote.")).toEqual([["The state-run broadcaster", "TRN"]]);
    expect(sources("South Korean tech titan Arlo Electronics has nearly completed its chip.")).toEqual([
      ["The South Korean tech titan", "Arlo Electronics"],
    ]);
    // Any body a person may head is a kind a name may be described as.
    expect(sources("The anti-graft commission Vesko opened an inquiry.")).toEqual([
      ["The anti-graft commission", "Vesko"],
    ]);
    // "the ruling X Party": which party rules, the article's country's when it names one.
    expect(
      sources(
        "SANTIAGO, Chile — The ruling Harbour Unity Party, or HUP, has won 49 percent of the vote in Chile, officials said.",
      ),
    ).toContainEqual(["Chile's ruling party", "Harbour Unity Party"]);
    expect(sources("The main opposition Green Alliance filed the motion.")).toEqual([
      ["The main opposition alliance", "Green Alliance"],
    ]);
    // A capitalised word is the name's own: "the Liberal Democratic Party" is no liberal party.
    expect(
      sources("The Liberal Democratic Party voted the motion down.").filter(([s]) => /liberal/i.test(s ?? "")),
    ).toEqual([]);
    // A person after the kind is the body's member: "union leader X".
    expect(sources("Union leader Paul Amis spoke.")).toEqual([]);
  });
});
