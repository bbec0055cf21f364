// Who or what did a deed: people named together, a country or body after a passive "by", and
// a subject whose phrase holds a preposition. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const relations = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "relation")
    .map((d) => [d.subject, d.relation, d.answer]);

describe("relations", () => {
  it("gives a deed to both people who did it together", () => {
    expect(relations("Mira Holt and Jan Vos won the mixed doubles title on Sunday.")).toEqual([
      ["The mixed doubles title", "won by", "Mira Holt and Jan Vos"],
    ]);
  });

  it("reads a country or body after a passive 'by', with the whole noun phrase of what was done", () => {
    expect(relations("The proposal for the talks was made by India and accepted by Pakistan.")).toEqual([
      ["The proposal for the talks", "made by", "India"],
    ]);
    expect(relations("Talks in the capital were hosted by Turkey.")).toEqual([
      ["Talks in the capital", "hosted by", "Turkey"],
    ]);
  });

  it("drafts no body after a bare participle, or when another doer follows", () => {
    expect(relations("Crews focused on saving homes threatened by the Park Fire.")).toEqual([]);
    expect(relations("The case was brought by the Harbour Council, led by its chair, and the Green Trust.")).toEqual(
      [],
    );
  });

  it("reads who beat whom in a match, and what the win gave", () => {
    expect(relations("Arlo City beat Tarn United 2-1 in the final on Sunday.")).toEqual([
      ["Tarn United", "beaten by", "Arlo City"],
      ["The final", "won by", "Arlo City"],
    ]);
    expect(relations("Maria Berg beat top seed Anna Lind 6-3 6-4 to win the title.")).toEqual([
      ["Anna Lind", "beaten by", "Maria Berg"],
      ["The title", "won by", "Maria Berg"],
    ]);
    // Where the loser is from is no part of the name.
    expect(relations("Ana Ruiz of Spain was beaten. Cora Mele beat Ana Ruiz of Spain 6-2 6-1.")).toContainEqual([
      "Ana Ruiz",
      "beaten by",
      "Cora Mele",
    ]);
    expect(relations("Voters beat a path to the polls.")).toEqual([]);
  });
});
