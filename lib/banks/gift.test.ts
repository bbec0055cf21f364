// GIFT: what a teacher's file from Moodle becomes, what is skipped and why, the line each problem
// is on, and a set that goes out as GIFT and comes back the same. The examples follow the forms
// Moodle's documentation describes, in sentences written for these tests.
import { describe, expect, it } from "vitest";

import { giftFits, parseGift, writeGift } from "@/lib/banks/gift";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";

describe("parseGift", () => {
  it("reads each documented question form into Quizwire's types", () => {
    const file = [
      "// A comment line is ignored",
      "$CATEGORY: $course$/Geography",
      "",
      "::Capital::Which city is the capital of Freedonia? {=Fredville ~Sylvania City ~Marxburg}",
      "",
      "The river runs north.{F}",
      "",
      "The river rises in the {=Blue Hills =Blue Mountains} and flows north.",
      "",
      "Which river is the longest? {=Long River =Longriver}",
      "",
      "How long is the river, in kilometres?{#420:5}",
      "",
      "How deep is the lake, in metres? {#10..20}",
      "",
      "Match each country with its capital. {",
      "  =Freedonia -> Fredville",
      "  =Sylvania -> Sylvania City",
      "  =Marxia -> Marxburg",
      "}",
      "",
      "The town sits on the {~coast =river ~mountain} near the border.",
    ].join("\n");
    const { questions, skipped, problems } = parseGift(file);
    expect(problems).toEqual([]);
    expect(skipped).toEqual([]);
    expect(questions.map((q) => [q.line, q.type, q.stem])).toEqual([
      [4, "MULTIPLE_CHOICE", "Which city is the capital of Freedonia?"],
      [6, "TRUE_FALSE", "The river runs north."],
      [8, "FILL_BLANK", "The river rises in the _____ and flows north."],
      [10, "FILL_BLANK", "Which river is the longest? _____"],
      [12, "NUMERIC", "How long is the river, in kilometres?"],
      [14, "NUMERIC", "How deep is the lake, in metres?"],
      [16, "MATCHING", "Match each country with its capital."],
      [22, "MULTIPLE_CHOICE", "The town sits on the _____ near the border."],
    ]);
    expect(questions[0]).toMatchObject({
      title: "Capital",
      answer: { options: ["Fredville", "Sylvania City", "Marxburg"], correct: "0" },
    });
    expect(questions[1]!.answer).toEqual({ type: "TRUE_FALSE", truth: "false" });
    // Moodle matches short answers exactly: no typing mistakes forgiven unless the file says so.
    expect(questions[2]!.answer).toEqual({
      type: "FILL_BLANK",
      answerText: "Blue Hills",
      alternatives: "Blue Mountains",
      tolerance: "0",
    });
    expect(questions[4]!.answer).toEqual({ type: "NUMERIC", answerText: "420", tolerance: "5" });
    expect(questions[5]!.answer).toEqual({ type: "NUMERIC", answerText: "15", tolerance: "5" });
    expect(questions[6]!.answer).toEqual({
      type: "MATCHING",
      left: ["Freedonia", "Sylvania", "Marxia"],
      right: ["Fredville", "Sylvania City", "Marxburg"],
    });
    expect(questions[7]!.answer).toMatchObject({ options: ["coast", "river", "mountain"], correct: "1" });
  });

  it("keeps general feedback as the explanation, drops each answer's own, and undoes escapes", () => {
    const { questions } = parseGift(
      [
        "::Q\\: escaped:: What does 2 \\= 2 show? {",
        "  =equality#Right: it is equal.",
        "  ~a sum#No.",
        "  ####Equal signs are escaped as \\= in GIFT.\\n\\nSource: A maths primer",
        "}",
      ].join("\n"),
    );
    expect(questions[0]).toMatchObject({
      title: "Q: escaped",
      stem: "What does 2 = 2 show?",
      answer: { options: ["equality", "a sum"], correct: "0" },
      explanation: "Equal signs are escaped as = in GIFT.",
      source: "A maths primer",
    });
  });

  it("lists the questions Quizwire has no type for, by line and reason, and reads the rest", () => {
    const { questions, skipped, problems } = parseGift(
      [
        "Write a paragraph about the river. {}",
        "",
        "The next questions are about rivers.",
        "",
        "Which are rivers? {~%50%Nile ~%50%Amazon ~%-100%Everest}",
        "",
        "Is the Nile a river? {T}",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, "an essay question (Quizwire has no essay questions)"],
      [3, "a description (text with no question)"],
      [5, "several right answers (Quizwire's multiple choice has one right option)"],
    ]);
    expect(questions.map((q) => q.line)).toEqual([7]);
  });

  it("names the line of every problem", () => {
    const { problems } = parseGift(
      [
        "Which colour is the sky? {~green ~red}", // 1: nothing right
        "",
        "How far is it? {#far}", // 3: not a number
        "",
        "// a comment before a question does not shift its line",
        "Which is it?", // 6
        "{=one ~one}", // 7: the same option twice
        "",
        "An answer block is opened {=here", // 9: never closed
        "",
        "Match them. {=a -> b =c}", // 11: a pair with no ->
        "",
        "Two questions run together {=yes ~no}", // 13
        "without a blank line {=yes ~no}", // 14: a second block
      ].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 3, 6, 9, 11, 14]);
    expect(problems[0]!.message).toMatch(/No answer is marked right/);
    expect(problems[1]!.message).toMatch(/“far” is not a number/);
    expect(problems[2]!.message).toMatch(/reads the same as option 1/);
    expect(problems[3]!.message).toMatch(/never closed/);
    expect(problems[4]!.message).toMatch(/left -> right/);
    expect(problems[5]!.message).toMatch(/blank line missing/);
  });

  it("takes back the typing tolerance Quizwire writes as a comment", () => {
    const { questions } = parseGift("// Quizwire typos: 2\nThe capital is {=Fredville}.");
    expect(questions[0]!.answer).toMatchObject({ type: "FILL_BLANK", tolerance: "2" });
    expect(questions[0]!.stem).toBe("The capital is _____.");
  });
});

describe("writeGift", () => {
  it("leaves out what GIFT cannot hold, with a note in the file", () => {
    const { text, omitted } = writeGift("Cup final", EVERY_TYPE);
    expect(omitted.map((o) => [o.number, o.reason])).toEqual([
      [6, "GIFT's matching questions need at least three pairs"],
      [7, "GIFT has no ordering question"],
    ]);
    expect(text).toContain(
      "// Left out: Question 7 (“Put these events in the order they happened.”): GIFT has no ordering question.",
    );
    expect(text).toContain("// Exported from Quizwire: 5 of 7 questions.");
    // The source sentence goes with the general feedback; special characters are escaped.
    expect(text).toContain("Source\\: The cup final was held at Brackenfield Stadium");
    expect(text).toContain("\\{braces\\}, tildes \\~ and equals \\= signs");
  });

  it("gives back the same questions for every type GIFT expresses", () => {
    const { text } = writeGift("Cup final", EVERY_TYPE);
    const { questions, skipped, problems } = parseGift(text);
    expect(problems).toEqual([]);
    expect(skipped).toEqual([]);
    const expressed = EVERY_TYPE.filter((q) => !giftFits(q));
    expect(questions.map(({ line: _line, ...q }) => q)).toEqual(expressed);
  });
});
