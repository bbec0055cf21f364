// A teacher's options and answer: the shape each kind needs, each problem named by its field, and
// a wrong option the article makes true as well (a place holding the right one, another fact of
// the same subject) refused with the reason. Every sentence here is written for the test.
import { describe, expect, it } from "vitest";

import {
  authoredAnswerOf,
  checkAuthoredAnswer,
  type AuthoredAnswer,
  type AuthoringResult,
  type ArticleTruth,
} from "@/lib/questions/authoring";
import { buildContext } from "@/lib/questions/context";
import { gradeAnswer } from "@/lib/questions/grade";
import { makeEntity, makeFact } from "@/lib/questions/test-fixtures";

const BODY =
  "The cup final was held at Brackenfield Stadium in Dorvale on Sunday. Supporters travelled from Rivertown, Ashby and Colne. The winners paraded through Marlow on Monday.";
const QUOTE = "The cup final was held at Brackenfield Stadium in Dorvale on Sunday.";

function truth(): ArticleTruth {
  const ctx = buildContext(
    { slug: "final", title: "Final", outlet: "Test Post", publishedOn: "2024-11-04", body: BODY },
    [
      makeFact({
        key: "venue",
        subject: "Cup final",
        relation: "held at",
        answer: "Brackenfield Stadium",
        type: "place",
        quote: QUOTE,
      }),
      makeFact({
        key: "town",
        subject: "Cup final",
        relation: "held in",
        answer: "Dorvale",
        type: "place",
        quote: QUOTE,
      }),
      makeFact({
        key: "parade",
        subject: "Winners' parade",
        relation: "held in",
        answer: "Marlow",
        type: "place",
        quote: "The winners paraded through Marlow on Monday.",
      }),
    ],
    [
      makeEntity("norland", "Norland", "place", { kind: "country" }),
      makeEntity("rivertown", "Rivertown", "place", { kind: "town" }),
    ],
  );
  return { record: ctx.factByKey.get("venue")!, ctx };
}

const mc = (options: string[], correct = "0"): AuthoredAnswer => ({ type: "MULTIPLE_CHOICE", options, correct });
const errorsOf = (result: AuthoringResult) => (result.ok ? {} : result.fieldErrors);

describe("checkAuthoredAnswer: multiple choice", () => {
  const stem = "Where was the cup final held?";

  it("stores the filled options in order, exactly one right", () => {
    const result = checkAuthoredAnswer(stem, mc(["Brackenfield Stadium", "", "Marlow Arena", "Colne Park"]), truth());
    expect(result).toMatchObject({
      ok: true,
      content: {
        stem,
        options: [
          { position: 0, text: "Brackenfield Stadium", isCorrect: true },
          { position: 1, text: "Marlow Arena", isCorrect: false },
          { position: 2, text: "Colne Park", isCorrect: false },
        ],
      },
    });
  });

  it("refuses a wrong option that is also true: the town holding the right venue", () => {
    const errors = errorsOf(checkAuthoredAnswer(stem, mc(["Brackenfield Stadium", "Dorvale", "Colne Park"]), truth()));
    expect(errors["options.1"]).toMatch(/“Dorvale” cannot be a wrong option: it .*(also right|contains the answer)/);
    expect(Object.keys(errors)).toEqual(["options.1"]);
  });

  it("refuses the right answer again as a wrong option, in another writing", () => {
    const errors = errorsOf(checkAuthoredAnswer(stem, mc(["Colne Park", "the Brackenfield Stadium"]), truth()));
    expect(errors["options.1"]).toMatch(/cannot be a wrong option/);
  });

  it("names each shape problem by its field", () => {
    expect(errorsOf(checkAuthoredAnswer(stem, mc(["Brackenfield Stadium"])))).toEqual({
      options: "Give at least 2 options.",
    });
    expect(errorsOf(checkAuthoredAnswer(stem, mc(["A", "B", "C", "D", "E", "F", "G"])))).toEqual({
      options: "Give at most 6 options.",
    });
    expect(errorsOf(checkAuthoredAnswer(stem, mc(["Colne Park", "", "Marlow"], "1")))).toEqual({
      correct: "The option marked right is empty.",
    });
    expect(errorsOf(checkAuthoredAnswer(stem, mc(["Colne Park", "Marlow"], "")))).toEqual({
      correct: "Mark one option as the right answer.",
    });
    expect(errorsOf(checkAuthoredAnswer(stem, mc(["Colne Park", "Marlow", "colne  park!"])))["options.2"]).toMatch(
      /reads the same as option 1/,
    );
    expect(errorsOf(checkAuthoredAnswer("Was it held at Colne Park?", mc(["Colne Park", "Marlow"])))).toEqual({
      stem: "The question shows its own answer (“colne park”).",
    });
  });
});

describe("checkAuthoredAnswer: the other kinds", () => {
  it("true or false: the statement's truth is the right option", () => {
    const result = checkAuthoredAnswer("The final was held in Dorvale.", { type: "TRUE_FALSE", truth: "false" });
    expect(result).toMatchObject({
      ok: true,
      content: {
        options: [
          { text: "True", isCorrect: false },
          { text: "False", isCorrect: true },
        ],
      },
    });
    expect(
      errorsOf(checkAuthoredAnswer("The final was held in Dorvale.", { type: "TRUE_FALSE", truth: "" })),
    ).toHaveProperty("truth");
  });

  it("fill in the blank: one blank, the answer, other writings accepted, and typos forgiven", () => {
    const answer = {
      type: "FILL_BLANK",
      answerText: "Dorvale",
      alternatives: "Dorvale town\n\n",
      tolerance: "1",
    } as const;
    const result = checkAuthoredAnswer("The final was held in ___ on Sunday.", answer);
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.content).toMatchObject({
      stem: "The final was held in _____ on Sunday.",
      answerText: "Dorvale",
      tolerance: 1,
    });
    const question = { ...result.content, type: "FILL_BLANK", acceptedAnswers: [] };
    const grade = (text: string) => gradeAnswer(question, { type: "FILL_BLANK", text }).isCorrect;
    expect([grade("Dorvale"), grade("dorvale town"), grade("Dorvalle"), grade("Marlow")]).toEqual([
      true,
      true,
      true,
      false,
    ]);

    expect(errorsOf(checkAuthoredAnswer("No blank here.", answer))).toHaveProperty("stem");
    expect(errorsOf(checkAuthoredAnswer("___ and ___", answer))).toHaveProperty("stem");
    expect(errorsOf(checkAuthoredAnswer("It was ___.", { ...answer, answerText: " " }))).toHaveProperty("answerText");
    expect(errorsOf(checkAuthoredAnswer("It was ___.", { ...answer, tolerance: "4" }))).toHaveProperty("tolerance");
    expect(errorsOf(checkAuthoredAnswer("It was ___.", { ...answer, alternatives: "dorvale" }))).toEqual({
      alternatives: "“dorvale” is already accepted.",
    });
  });

  it("numeric: a finite number and a tolerance of 0 or more", () => {
    const stem = "How many supporters travelled?";
    expect(checkAuthoredAnswer(stem, { type: "NUMERIC", answerText: "1,200", tolerance: "50" })).toMatchObject({
      ok: true,
      content: { answerText: "1,200", answerNumber: 1200, tolerance: 50 },
    });
    expect(errorsOf(checkAuthoredAnswer(stem, { type: "NUMERIC", answerText: "many", tolerance: "-1" }))).toEqual({
      answerText: "The answer must be a number, such as 1,200 or 3.5.",
      tolerance: "The tolerance must be 0 (exact) or a positive number.",
    });
    expect(errorsOf(checkAuthoredAnswer(stem, { type: "NUMERIC", answerText: "1e3", tolerance: "0" }))).toHaveProperty(
      "answerText",
    );
    expect(
      errorsOf(checkAuthoredAnswer(stem, { type: "NUMERIC", answerText: "9".repeat(400), tolerance: "0" })),
    ).toHaveProperty("answerText");
  });

  it("matching: whole pairs, distinct on each side", () => {
    const stem = "Match each event to its place.";
    const result = checkAuthoredAnswer(stem, {
      type: "MATCHING",
      left: ["Final", "Parade", ""],
      right: ["Dorvale", "Marlow", ""],
    });
    expect(result).toMatchObject({
      ok: true,
      content: {
        options: [
          { text: "Final", matchText: "Dorvale" },
          { text: "Parade", matchText: "Marlow" },
        ],
      },
    });
    expect(
      errorsOf(checkAuthoredAnswer(stem, { type: "MATCHING", left: ["Final", "Parade"], right: ["Dorvale", ""] })),
    ).toEqual({
      "right.1": "Give this pair its right-hand item.",
      left: "Give at least 2 pairs.",
    });
    expect(
      errorsOf(
        checkAuthoredAnswer(stem, { type: "MATCHING", left: ["Final", "Parade"], right: ["Dorvale", "dorvale"] }),
      ),
    ).toHaveProperty("right.1");
  });

  it("ordering: the items in the right order, shown in another", () => {
    const result = checkAuthoredAnswer("Put these in order.", {
      type: "ORDERING",
      items: ["Final", "Parade", "Party"],
    });
    if (!result.ok) throw new Error("refused");
    expect(result.content.options.map((o) => [o.text, o.correctPosition])).toEqual([
      ["Parade", 1],
      ["Party", 2],
      ["Final", 0],
    ]);
    expect(errorsOf(checkAuthoredAnswer("Put these in order.", { type: "ORDERING", items: ["Final"] }))).toEqual({
      items: "Give at least 2 items.",
    });
  });

  it("reads a stored question back into the form's fields", () => {
    for (const answer of [
      mc(["Colne Park", "Brackenfield Stadium", "Marlow"], "1"),
      { type: "TRUE_FALSE", truth: "false" },
      { type: "FILL_BLANK", answerText: "Dorvale", alternatives: "Dorvale town", tolerance: "1" },
      { type: "NUMERIC", answerText: "1200", tolerance: "50" },
      { type: "MATCHING", left: ["Final", "Parade"], right: ["Dorvale", "Marlow"] },
      { type: "ORDERING", items: ["Final", "Parade", "Party"] },
    ] satisfies AuthoredAnswer[]) {
      const stem = answer.type === "FILL_BLANK" ? "It was held in _____." : "Where?";
      const result = checkAuthoredAnswer(stem, answer);
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      expect(authoredAnswerOf({ type: answer.type, ...result.content })).toEqual(answer);
    }
  });
});
