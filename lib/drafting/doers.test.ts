// Who did what, for any verb, and who said what. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const deeds = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2026-03-02" })
    .filter((d) => (d.kind === "relation" || d.kind === "organisation") && d.relation !== "role")
    .map((d) => [d.kind, d.subject, d.relation, d.answer, d.type]);

describe("a named doer and any deed", () => {
  it("reads an organisation that did something, with the participle a question needs", () => {
    expect(deeds("The Indian Space Research Organisation launched a new weather satellite on Monday.")).toEqual([
      ["organisation", "A new weather satellite", "launched by", "Indian Space Research Organisation", "organisation"],
    ]);
  });

  it("gives a particle after the object to the verb ('voted the motion down' -> voted down)", () => {
    expect(deeds("The Harbour Unity Party voted the motion down on Friday.")).toContainEqual([
      "organisation",
      "The motion",
      "voted down by",
      "Harbour Unity Party",
      "organisation",
    ]);
  });

  it("skips an adverb and a short form in brackets between the doer and the verb", () => {
    expect(
      deeds("The Kestrel Bay Harbour Authority (KBHA) quietly reopened the northern quay to fishing boats."),
    ).toEqual([
      [
        "organisation",
        "The northern quay to fishing boats",
        "reopened by",
        "Kestrel Bay Harbour Authority",
        "organisation",
      ],
    ]);
  });

  it("uses the irregular participle and cuts the object before a time", () => {
    const facts = deeds("The Marlow Rowing Club sold its old boathouse on Saturday after a long dispute.");
    expect(facts).toEqual([["organisation", "The old boathouse", "sold by", "Marlow Rowing Club", "organisation"]]);
  });

  it("skips an appositive after the doer", () => {
    expect(deeds("Greenhaven Trust, a conservation charity, bought the old lighthouse in 2024.")).toContainEqual([
      "organisation",
      "The old lighthouse",
      "bought by",
      "Greenhaven Trust",
      "organisation",
    ]);
  });

  it("reads a known person's deed and makes the object stand alone", () => {
    const body = "Mayor Ana Brightwater opened the town's new library. Brightwater unveiled her housing plan in May.";
    expect(deeds(body)).toContainEqual([
      "relation",
      "The town's new library",
      "opened by",
      "Ana Brightwater",
      "person",
    ]);
    expect(deeds(body)).toContainEqual(["relation", "The housing plan", "unveiled by", "Ana Brightwater", "person"]);
  });

  it("takes no deed from a verb of being, trying or naming, a pronoun object or a name inside a clause", () => {
    expect(deeds("The Marlow Rowing Club remained the favourite for the Regional Shield.")).toEqual([]);
    expect(deeds("The Marlow Rowing Club tried to sign three rowers.")).toEqual([]);
    expect(deeds('The Marlow Rowing Club called the result "a disgrace".')).toEqual([]);
    expect(deeds("The Marlow Rowing Club sold it to a developer.")).toEqual([]);
    expect(deeds("The boat the Marlow Rowing Club bought sank in the harbour.")).toEqual([]);
  });

  it("takes no deed without an object, nor from a surname two people share", () => {
    expect(deeds("Rovers striker Leon Harris scored twice in the final.")).toEqual([]);
    expect(
      deeds(
        "Pollster Luka Novak and economist Petra Novak spoke. Novak said the coalition talks would last until the spring.",
      ),
    ).toEqual([]);
  });

  it("takes no deed from a prepositional verb", () => {
    expect(deeds("The Kestrel Bay Harbour Authority relied on volunteers for the clean-up.")).toEqual([]);
  });
});

describe("when a named doer did it", () => {
  it("drafts the date of the deed, asked with the doer and the deed", () => {
    const dates = draftFacts({
      title: "Test",
      body: "The Kestrel Bay Harbour Authority reopened the northern quay on Monday.",
      publishedOn: "2026-03-04",
    }).filter((d) => d.kind === "date");
    expect(dates.map((d) => [d.subject, d.relation, d.answer])).toEqual([
      ["The Kestrel Bay Harbour Authority", "reopened the northern quay on", "2026-03-02"],
    ]);
  });

  it("leaves a date that belongs to a participle in the object to it", () => {
    const dates = draftFacts({
      title: "Test",
      body: "The Kestrel Bay Harbour Authority rejected the plan announced on Monday.",
      publishedOn: "2026-03-04",
    }).filter((d) => d.kind === "date" && d.subject === "The Kestrel Bay Harbour Authority");
    expect(dates).toEqual([]);
  });
});

describe("who said what", () => {
  it("drafts a person's reported claim with who made it, the title before the name left out", () => {
    expect(deeds("Harbour master Joel Penn said the quay would reopen to fishing boats within two weeks.")).toEqual([
      [
        "relation",
        "Statement that the quay would reopen to fishing boats within two weeks",
        "made by",
        "Joel Penn",
        "person",
      ],
    ]);
  });

  it("ends the claim where the speaker goes on to something else", () => {
    const facts = deeds("Harbour master Joel Penn said the repairs would cost more than planned, but gave no figure.");
    expect(facts.map((f) => f[1])).toEqual(["Statement that the repairs would cost more than planned"]);
  });

  it("drafts no claim about 'he' or 'they', and none too short to stand alone", () => {
    expect(deeds("Harbour master Joel Penn said he would stay in the post until the summer.")).toEqual([]);
    expect(deeds("Harbour master Joel Penn said repairs continue.")).toEqual([]);
  });
});

describe("who said what, the claim first", () => {
  it("drafts a claim that comes before its speaker", () => {
    expect(
      deeds("The quay will reopen to fishing boats within two weeks, harbour master Joel Penn said on Monday."),
    ).toEqual([
      [
        "relation",
        "Statement that the quay will reopen to fishing boats within two weeks",
        "made by",
        "Joel Penn",
        "person",
      ],
    ]);
  });

  it("drafts no claim from a quotation or one cut off by what follows the speaker", () => {
    expect(deeds('"We will reopen the quay within two weeks," harbour master Joel Penn said.')).toEqual([]);
    expect(
      deeds("The quay will reopen within two weeks, harbour master Joel Penn said, adding that boats must wait."),
    ).toEqual([]);
  });
});

describe("deeds of a verb and its preposition, and objects with a participle", () => {
  it("reads 'called for' and 'voted against' as one deed, dated with both words", () => {
    const facts = draftFacts({
      title: "Test",
      body: "Governor Mele Tupou called for more boats to be sent to the islands.\n\nSenator Ana Lopez voted against the budget on Tuesday.",
      publishedOn: "2026-03-04",
    });
    expect(facts.filter((d) => d.kind === "relation").map((d) => [d.subject, d.relation, d.answer])).toEqual([
      ["More boats to be sent to the islands", "called for by", "Mele Tupou"],
      ["The budget", "voted against by", "Ana Lopez"],
    ]);
    expect(facts.find((d) => d.kind === "date")?.relation).toBe("voted against the budget on");
  });

  it("ends the object before a participle that 'by' follows", () => {
    expect(deeds("Judge Rosa Ilagan dismissed the appeal for review filed by the two ministers.")).toEqual([
      ["relation", "The appeal for review", "dismissed by", "Rosa Ilagan", "person"],
    ]);
  });
});
