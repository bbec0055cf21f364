// Counts whose subject comes from a frame the sentence gives once. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const numbers = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "number")
    .map((d) => [d.subject, d.answer]);

describe("a participle after a comma", () => {
  it("names each count by the event a relative clause describes", () => {
    expect(
      numbers(
        "The blaze was compared to the 2009 Ridge Fire that swept through the town of Alder, killing 40 people and destroying 2,000 homes.",
      ),
    ).toEqual([
      ["People killed by the 2009 Ridge Fire", "40"],
      ["Homes destroyed by the 2009 Ridge Fire", "2,000"],
    ]);
  });

  it("names the count by the noun phrase the sentence opens with", () => {
    expect(numbers("A landslide in the hills buried the main road, killing six people.")).toEqual([
      ["People killed by the landslide in the hills", "six"],
    ]);
  });

  it("drafts nothing when the event cannot be named", () => {
    expect(numbers("It swept through the valley overnight, killing six people.")).toEqual([]);
  });
});

describe("an age before a noun", () => {
  it("is the age of the person the clause's verb acted on", () => {
    expect(numbers("A 45-year-old woman was charged with theft on Monday.")).toEqual([
      ["Age of the woman charged", "45"],
    ]);
  });
});

describe("a list of counts after one verb", () => {
  it("gives the second count the first one's frame", () => {
    expect(numbers("A cargo ship carrying 12 sailors, and three engineers sank off the coast.")).toEqual([
      ["Sailors carried by the cargo ship", "12"],
      ["Engineers carried by the cargo ship", "three"],
    ]);
  });
});

describe("what was handed to a count of people", () => {
  it("reads the active and the passive clause", () => {
    expect(
      numbers("The town of Linz issued an evacuation order to some 40,000 residents at one point."),
    ).toContainEqual(["Residents issued an evacuation order", "40,000"]);
    expect(
      numbers("Nationwide, flood warnings have been issued to a total of 2.4 million people, the agency said."),
    ).toEqual([["People issued flood warnings", "2.4"]]);
  });
});

describe("an amount of money a passive verb acted on", () => {
  it("names the money by its kind and the verb", () => {
    expect(numbers("A sum of cash €2,500 and a laptop were also seized.")).toEqual([["Cash seized", "2,500"]]);
  });
});

describe("the place with the highest number of something", () => {
  it("counts it in that place, and drops a relative clause that cuts a list of names", () => {
    expect(
      numbers(
        "Tarvo has the highest number of confirmed infections at 41 cases which were reported in Lem East and West and Oru regions.",
      ),
    ).toEqual([["Confirmed infections in Tarvo", "41"]]);
  });
});

describe("a part of the count before", () => {
  it("reads 'N of those X' as a count of X", () => {
    expect(
      numbers(
        "So far this year there have been 90 flu cases in 12 states. Five of those cases were in a school that hosted a fair.",
      ),
    ).toContainEqual(["Cases that were in a school that hosted a fair", "five"]);
  });
});

describe("the count before, elided, in another place", () => {
  it("reads 'and 12 in X' and 'and one each in X and Y' with the first count's frame", () => {
    expect(numbers("Officials said six people had died in Lima and 12 in Cusco.")).toEqual([
      ["People who had died in Lima", "six"],
      ["People who had died in Cusco", "12"],
    ]);
    expect(numbers("Ana Ruiz said four people had died in Tacna and one each in Puno and Ica.")).toEqual([
      ["People who had died in Tacna", "four"],
      ["People who had died in Puno", "one"],
      ["People who had died in Ica", "one"],
    ]);
  });
});

describe("the period a sentence opens with", () => {
  it("names the figure's period", () => {
    expect(numbers("For the April-June quarter, exports expanded 33.2 percent.")).toEqual([
      ["The rise in exports in the April-June quarter", "33.2"],
    ]);
  });
});
