// People in more word orders, and who did what to a person. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts, type DraftFact } from "./draft";

const people = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d: DraftFact) => d.kind === "person-role" || d.kind === "relation")
    .map((d) => [d.kind, d.subject, d.relation, d.answer]);

describe("roles named by example", () => {
  it("reads 'former mayors such as Chile's Tomas Vidal' as a former mayor of Chile", () => {
    expect(people("Mayors from six towns came, as well as former mayors such as Chile's Tomas Vidal.")).toEqual([
      ["person-role", "Tomas Vidal", "role", "former mayor of Chile"],
    ]);
  });

  it("reads a plural role before 'including' and a bare name", () => {
    expect(people("Several coaches, including Marta Lindqvist, left the club.")).toEqual([
      ["person-role", "Marta Lindqvist", "role", "coach"],
    ]);
  });

  it("takes no role from a plural noun that is not a post", () => {
    expect(people("Cities such as Chile's Tomas Vidal Park grew.")).toEqual([]);
  });
});

describe("one role per mention", () => {
  it("keeps the post and drops the bare title before the same name", () => {
    expect(people("Chair of the Harbour Board, Councillor Maria Stone, said the pier was safe.")).toEqual([
      ["person-role", "Maria Stone", "role", "Chair of the Harbour Board"],
    ]);
  });
});

describe("counterparts", () => {
  it("names the holder when the sentence names them with their title", () => {
    expect(people("Prime Minister Ana Lopes and her Chilean counterpart Tomas Vidal signed the pact.")).toEqual([
      ["person-role", "Ana Lopes", "role", "Prime Minister"],
      ["person-role", "Tomas Vidal", "role", "Chilean counterpart of Prime Minister Ana Lopes"],
    ]);
  });
});

describe("counterparts, continued", () => {
  it("keeps 'of the' post when the sentence names the holder by surname only", () => {
    expect(people("Foreign Minister Jana Novak arrived. Novak will meet her Slovak counterpart Peter Hudak.")).toEqual([
      ["person-role", "Jana Novak", "role", "Foreign Minister"],
      ["person-role", "Peter Hudak", "role", "Slovak counterpart of the Foreign Minister"],
    ]);
  });
});

describe("people a group is made of", () => {
  it("reads 'X's two main rivals, A and B,' as who the rivals were", () => {
    expect(people("Lena Ortiz's two closest rivals, Pablo Ruiz and Marta Gil, were barred from the race.")).toEqual([
      ["relation", "Lena Ortiz's two closest rivals", "included", "Pablo Ruiz and Marta Gil"],
    ]);
  });
});

describe("a person sent, named or appointed", () => {
  it("reads who a country sent, with the role after the name", () => {
    expect(people("Canada sent Paul Girard, Deputy Minister of Trade, who met the president.")).toEqual([
      ["person-role", "Paul Girard", "role", "Deputy Minister of Trade"],
      ["relation", "Canada", "sent", "Paul Girard"],
    ]);
  });
});

describe("what a person was convicted of or charged with", () => {
  it("reads 'his conviction for X' about the person the sentence names", () => {
    expect(
      people("Former mayor Oskar Lind will appeal his conviction for bribery and fraud, his lawyer said on Monday."),
    ).toEqual([
      ["person-role", "Oskar Lind", "role", "Former mayor"],
      ["relation", "Oskar Lind", "convicted of", "bribery and fraud"],
    ]);
  });

  it("reads 'was charged with X' and 'found X guilty of Y', not a clause after 'accused of'", () => {
    expect(
      people(
        "Coach Ian Bell was charged with assault. A court found Bell guilty of perjury on Friday. Bell was accused of hiding the money.",
      ),
    ).toEqual([
      ["person-role", "Ian Bell", "role", "Coach"],
      ["relation", "Ian Bell", "charged with", "assault"],
      ["relation", "Ian Bell", "found guilty of", "perjury"],
    ]);
  });
});

describe("a person named with an organisation's possessive", () => {
  it("reads 'the WHO's Dr. Amina Diallo' as a WHO official", () => {
    expect(people("The risk is low, the WHO's Dr. Amina Diallo told reporters on Monday.")).toEqual([
      ["person-role", "Amina Diallo", "role", "WHO official"],
    ]);
  });

  it("takes no role from a country's or a news outlet's possessive", () => {
    expect(people("Britain's Ana Lopes won. The BBC's Tom Reed reported it.")).toEqual([]);
  });
});
