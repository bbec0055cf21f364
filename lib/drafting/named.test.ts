// Named things a question can ask for by name: storms, operations, rockets, missions. Every
// sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts, type DraftFact } from "./draft";

const names = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d: DraftFact) => d.kind === "relation")
    .map((d) => [d.subject, d.relation, d.answer]);

describe("named things", () => {
  it("reads a storm and an operation named after their class noun", () => {
    expect(
      names("Typhoon Mirae brought heavy rain to the coast. As part of Operation Lantern, police searched a van."),
    ).toEqual([
      ["The typhoon", "name", "Typhoon Mirae"],
      ["The operation", "name", "Operation Lantern"],
    ]);
  });

  it("reads a rocket, an engine and a mission named before their class noun", () => {
    expect(
      names(
        "The Vega-7 rocket lifted off. The ignition of the K-40 engine was cheered, a boost to the Lunaris-II mission.",
      ),
    ).toEqual([
      ["The rocket", "name", "Vega-7"],
      ["The engine", "name", "K-40"],
      ["The mission", "name", "Lunaris-II"],
    ]);
  });

  it("reads what kind of thing a model is from its appositive", () => {
    expect(names("The rocket carried the Orbis-4, an advanced weather satellite, into orbit.")).toEqual([
      ["Orbis-4", "type", "advanced weather satellite"],
    ]);
  });

  it("drafts no name for a nationality, a plain word, or a class noun with two names", () => {
    expect(
      names(
        "The Indian satellite worked. Its Apollo mission ended. A Nova-X probe and the 12.5-metre telescope were lost. The Vega-7 rocket and the Vega-8 rocket flew on the same day.",
      ),
    ).toEqual([]);
  });
});
