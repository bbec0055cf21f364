import { describe, expect, it } from "vitest";

import {
  brokenInside,
  clauseShapeProblem,
  pronounProblem,
  runTogether,
  unbalancedMarks,
  zeroRelativeStart,
} from "@/lib/questions/noun-phrase";
import { vagueReferent } from "@/lib/questions/referents";
import { stemProblem, subjectProblem, unclearReferentInStem } from "@/lib/questions/wellformed";

describe("a subject is one whole noun phrase", () => {
  it("pairs its brackets and quotation marks", () => {
    expect(unbalancedMarks("Gains in after-hours (electronic trading")).toMatch(/opening bracket/);
    expect(unbalancedMarks("Output of the smelter) last year")).toMatch(/closing bracket/);
    expect(unbalancedMarks("“Historic low turnout in the port")).toMatch(/quotation mark/);
    expect(unbalancedMarks('Votes for the "Green Dawn list')).toMatch(/quotation mark/);
    expect(unbalancedMarks("Gains in after-hours (electronic) trading")).toBeUndefined();
    expect(unbalancedMarks("Sales of the “Aurora” tablet")).toBeUndefined();
  });

  it("says whose and what, with no bare pronoun", () => {
    expect(pronounProblem("They")).toMatch(/pronoun/);
    expect(pronounProblem("it")).toMatch(/pronoun/);
    expect(pronounProblem("Its annual rent income")).toMatch(/does not say whose \(“Its”\)/);
    expect(pronounProblem("their share of the regional vote")).toMatch(/whose/);
    expect(pronounProblem("'s stake in the brewery")).toMatch(/possessive with no owner/);
    expect(pronounProblem("Norwell Mining's stake in the brewery")).toBeUndefined();
    expect(pronounProblem("Itinerant workers in the valley")).toBeUndefined();
  });

  it("has no doubled or stranded function word inside", () => {
    expect(brokenInside("The the harvest of olives")).toMatch(/repeats “the the”/);
    expect(brokenInside("Price of the of diesel")).toMatch(/reads “the of”/);
    expect(brokenInside("Tickets sold for the and final concert")).toMatch(/reads “the and”/);
    expect(brokenInside("Price of the diesel sold in the port")).toBeUndefined();
  });

  it("does not run two pieces of a sentence together", () => {
    expect(runTogether("Villagers the landslide")).toMatch(/runs two phrases together \(“Villagers the”\)/);
    expect(runTogether("Seats in the upper chamber the Farmers' League")).toMatch(/“chamber the”/);
    expect(runTogether("Ranger Tomas Reyes while the rescue crews")).toMatch(/“while” opens a clause with no verb/);
    // A clause with no "that" brings its own verb.
    expect(runTogether("Hectares the wildfire scorched")).toBeUndefined();
    expect(runTogether("Passengers the new ferry route carries")).toBeUndefined();
    expect(runTogether("the sum the bridge will cost")).toBeUndefined();
    expect(runTogether("Hours the divers will spend beneath the ice")).toBeUndefined();
    // An appositive after a comma, a phrase after a preposition, "half the".
    expect(runTogether("Viewers of the final, the largest audience of the year")).toBeUndefined();
    expect(runTogether("Half the fishing fleet of the bay")).toBeUndefined();
    expect(runTogether("Orders from the shipyard in the north")).toBeUndefined();
  });

  it("finds where a clause with no 'that' starts", () => {
    expect(zeroRelativeStart("barrels of oil the refinery was built to process")).toBe(3);
    expect(zeroRelativeStart("Subscribers Ravel Media has")).toBe(1);
    expect(zeroRelativeStart("Days nurses at the clinic have been on strike")).toBe(1);
    expect(zeroRelativeStart("Our harvest will be late")).toBe(-1);
    expect(zeroRelativeStart("The price of wheat in the valley")).toBe(-1);
  });

  it("lets an event's clause stand as a place's or a date's subject, if whole", () => {
    expect(clauseShapeProblem("The ferry operator resumed crossings")).toBeUndefined();
    expect(clauseShapeProblem("their summit in the coastal town")).toMatch(/whose/);
    expect(clauseShapeProblem("The mayor opened the (new bridge")).toMatch(/bracket/);
  });
});

describe("subjectProblem reads the whole subject", () => {
  it("holds back a subject cut from a sentence the wrong way", () => {
    expect(subjectProblem("Lambs the storm")).toMatch(/runs two phrases together/);
    expect(subjectProblem("Its second-quarter profit")).toMatch(/whose/);
    expect(subjectProblem("Rise in the shares (after-hours")).toMatch(/bracket/);
    expect(subjectProblem("Tonnes of grain the silo was designed to hold")).toBeUndefined();
    expect(subjectProblem("Customers Brightline Energy has")).toBeUndefined();
    expect(subjectProblem("Weeks nurses at the clinic have been on strike")).toBeUndefined();
  });

  it("reads a clause opened inside the phrase as whole, and a month as no verb", () => {
    expect(subjectProblem("Cases of measles since the outbreak began")).toBeUndefined();
    expect(subjectProblem("Fuel prices in May")).toBeUndefined();
    expect(subjectProblem("Fuel prices may rise")).toMatch(/whole clause \(“may”\)/);
  });

  it("reads a participle right after a bare noun as a reduced relative clause", () => {
    expect(subjectProblem("Families told to leave by the county")).toBeUndefined();
    expect(subjectProblem("Farmers issued a drought warning")).toBeUndefined();
    expect(subjectProblem("The storm flattened barns")).toMatch(/whole clause/);
    expect(subjectProblem("The police led raid")).toBeUndefined();
    expect(subjectProblem("Officials told the newspaper the toll")).toMatch(/whole clause \(“told”\)/);
  });
});

describe("stems and referents read as a student reads them", () => {
  it("holds back a stem whose subject lost its noun or mixes will and was", () => {
    expect(stemProblem("True or false? The broke through in the 2021 Dune Fire was Elmvale.")).toMatch(/“the broke”/);
    expect(stemProblem("What was the outplayed by in Tarn United?")).toMatch(/“the outplayed by”/);
    expect(stemProblem("Who was the bill backed by?")).toBeUndefined();
    expect(stemProblem("True or false? The days the divers will spend below the ice were ten.")).toMatch(
      /past tense what will happen/,
    );
    expect(stemProblem("True or false? The divers spent ten days below the ice.")).toBeUndefined();
    expect(stemProblem("True or false? Will Ostrander was the harbour master.")).toBeUndefined();
  });

  it("does not let a place named only by its kind stand for a name", () => {
    expect(vagueReferent("Voter turnout in the landlocked Andean nation")).toBe("the landlocked Andean nation");
    expect(vagueReferent("Clinics in the province")).toBe("the province");
    expect(vagueReferent("Roads closed in the island's south")).toBe("the island");
    expect(vagueReferent("Clinics in the province of Lanvar")).toBeUndefined();
    expect(vagueReferent("Homes shelled in the village of al-Marj")).toBeUndefined();
    expect(vagueReferent("Seats on the county council")).toBeUndefined();
  });
});

describe("a stem names what it asks about", () => {
  it("holds back a pronoun with no name before it, and the company, the group, the two sides", () => {
    expect(unclearReferentInStem("How much did its shares fall in early trading?")).toMatch(/“its”/);
    expect(unclearReferentInStem("True or false? They exchanged 400 prisoners.")).toMatch(/“They”/);
    expect(unclearReferentInStem("What was the company's net loss per share?")).toMatch(/“the company”/);
    expect(unclearReferentInStem("True or false? The two sides agreed to a ceasefire.")).toMatch(/two sides/);
    expect(unclearReferentInStem("How many seats did Labor say it had won?")).toBeUndefined();
    expect(unclearReferentInStem("As of 3 May 2024, what post did Ines Varga hold?")).toBeUndefined();
    expect(stemProblem("What was the group's revenue in March?")).toMatch(/without saying which/);
  });
});
