// CSV: every type in one row each and back again, the term/definition columns a flashcard tool
// reads, and problems named by the line their row starts on.
import { describe, expect, it } from "vitest";

import { CSV_COLUMNS, csvRecords, readCsv, writeCsv } from "@/lib/banks/csv";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";

describe("writeCsv and readCsv", () => {
  it("writes one row a question, Question and Answer first, and reads back the same questions", () => {
    const text = writeCsv(EVERY_TYPE);
    const records = csvRecords(text);
    if (!Array.isArray(records)) throw new Error(records.message);
    expect(records[0]!.fields).toEqual([...CSV_COLUMNS]);
    expect(records.slice(1).map((r) => r.fields.slice(0, 3))).toEqual([
      ["Where was the cup final held?", "Brackenfield Stadium", "multiple choice"],
      ["The winners paraded through Marlow on Monday.", "True", "true/false"],
      ["The final was held in _____ on Sunday.", "Dorvale", "fill in the blank"],
      ["How many supporters travelled to the final?", "1200", "numeric"],
      ["Match each person to their role.", "Ana Ruiz -> coach; Li Wei -> captain; Sam Okafor -> referee", "matching"],
      ["Match each town to its club.", "Ashby -> Ashby Rovers; Colne -> Colne United", "matching"],
      ["Put these events in the order they happened.", "Semi-final → Final → Parade", "ordering"],
    ]);
    const { questions, problems } = readCsv(text);
    expect(problems).toEqual([]);
    expect(questions.map(({ line: _line, ...q }) => q)).toEqual(EVERY_TYPE.map(({ title: _title, ...q }) => q));
  });

  it("keeps a formula-looking answer as text and reads it back", () => {
    const text = writeCsv([
      {
        type: "NUMERIC",
        stem: "What was the temperature at dawn, in degrees?",
        answer: { type: "NUMERIC", answerText: "-5", tolerance: "1" },
        explanation: "",
      },
    ]);
    expect(text).toContain("'-5");
    expect(readCsv(text).questions[0]!.answer).toEqual({ type: "NUMERIC", answerText: "-5", tolerance: "1" });
  });
});

describe("readCsv problems", () => {
  const header = "Question,Answer,Type,Choice 1,Choice 2,Choice 3\n";

  it("names the line a bad row starts on, counting lines inside quoted fields", () => {
    const { problems, questions } = readCsv(
      header +
        '"Which city\nhosted it?",Dorvale,multiple choice,Dorvale,Ashby\n' + // lines 2-3
        "Where was it?,Colne,multiple choice,Dorvale,Ashby\n" + // 4: answer not a choice
        "Is it true?,maybe,true/false\n" + // 5
        "Which essay?,,essay\n", // 6
    );
    expect(questions.map((q) => q.line)).toEqual([2]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, "The answer “Colne” is not one of the choices."],
      [5, "The Answer of a true/false question is True or False."],
      [6, expect.stringMatching(/^“essay” is not a question type/)],
    ]);
  });

  it("refuses a file without the header, and an unclosed quote, by line", () => {
    expect(readCsv("Which city?,Dorvale\n").problems[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/missing: Question, Answer, Type/),
    });
    expect(readCsv(header + 'Where?,"Dorvale,multiple choice\n').problems).toEqual([
      { line: 2, message: 'A quote mark (“"”) opens a field that is never closed.' },
    ]);
  });

  it("checks each question as a teacher's own question is checked", () => {
    const { problems } = readCsv(
      header + "Where was it held?,Dorvale,fill in the blank\nHow many came?,lots,numeric\n",
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[0]!.message).toMatch(/exactly one blank/);
    expect(problems[1]!.message).toMatch(/must be a number/);
  });
});
