import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import { newMemory, recallProbability, review } from "@/lib/learning/memory";
import {
  analyseAssignment,
  CSV_HEADER,
  csvRows,
  gradebookRows,
  normaliseAnswer,
  type AssignmentResultsInput,
  type AttemptRecord,
  type ResponseRecord,
  type RosterStudent,
  type SetQuestion,
} from "@/lib/results/analysis";

/** Minutes after 09:00 UTC on 2 March 2026. */
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes));

const ada: RosterStudent = { id: "stu-ada", displayName: "Ada Byron", username: "ada.byron" };
const bo: RosterStudent = { id: "stu-bo", displayName: "Bo Chen", username: null };
const cem: RosterStudent = { id: "stu-cem", displayName: "Cem Demir", username: "cem.demir" };

const question = (id: string, position: number, overrides: Partial<SetQuestion> = {}): SetQuestion => ({
  id,
  position,
  type: "MULTIPLE_CHOICE",
  stem: `Which city is meant in ${id}?`,
  quote: `The sentence behind ${id}.`,
  articleSlug: "turkey-election",
  factIds: [`fact-${id}`],
  ...overrides,
});

const attempt = (
  id: string,
  studentId: string,
  number: number,
  { started = 0, finished = null as number | null, score = null as number | null } = {},
): AttemptRecord => ({
  id,
  studentId,
  number,
  startedAt: at(started),
  finishedAt: finished === null ? null : at(finished),
  score,
});

const answer = (
  attemptId: string,
  questionId: string,
  display: string,
  { correct = false, minute = 1, late = false } = {},
): ResponseRecord => ({
  attemptId,
  questionId,
  isCorrect: correct,
  score: correct ? 1 : 0,
  late,
  answeredAt: at(minute),
  display,
  expected: "Ankara",
});

const q1 = question("q1", 0);
const q2 = question("q2", 1, { type: "FILL_BLANK" });

function input(overrides: Partial<AssignmentResultsInput> = {}): AssignmentResultsInput {
  return {
    students: [ada, bo, cem],
    questions: [q1, q2],
    attempts: [],
    responses: [],
    memories: [],
    facts: [
      { id: "fact-q1", subject: "Turkey", relation: "capital", answer: "Ankara", articleSlug: "turkey-election" },
      { id: "fact-q2", subject: "Istanbul", relation: "mayor", answer: "Imamoglu", articleSlug: "turkey-election" },
    ],
    assignment: { dueAt: null, maxAttempts: 2 },
    now: at(60),
    ...overrides,
  };
}

const studentOf = (results: ReturnType<typeof analyseAssignment>, id: string) => {
  const student = results.students.find((s) => s.id === id);
  if (!student) throw new Error(`no result for ${id}`);
  return student;
};

describe("analyseAssignment: students", () => {
  it("counts the best finished attempt, not the latest", () => {
    const results = analyseAssignment(
      input({
        attempts: [
          attempt("a1", ada.id, 1, { started: 0, finished: 5, score: 1 }),
          attempt("a2", ada.id, 2, { started: 10, finished: 15, score: 0.5 }),
        ],
        responses: [
          answer("a1", "q1", "Ankara", { correct: true, minute: 2 }),
          answer("a1", "q2", "Imamoglu", { correct: true, minute: 4 }),
          answer("a2", "q1", "Izmir", { minute: 12 }),
          answer("a2", "q2", "Imamoglu", { correct: true, minute: 14 }),
        ],
      }),
    );
    const result = studentOf(results, ada.id);
    expect(result).toMatchObject({ status: "done", score: 1, answered: 2, total: 2, attemptsUsed: 2 });
    expect(result.countedAttempt).toEqual({ id: "a1", number: 1 });
    // The worse second attempt leaves the question's numbers alone.
    expect(results.questions[0]).toMatchObject({ answered: 1, right: 1, mostChosenWrong: null });
  });

  it("keeps the earlier attempt on a tie, and never counts attempts past the limit", () => {
    const results = analyseAssignment(
      input({
        assignment: { dueAt: null, maxAttempts: 2 },
        attempts: [
          attempt("a1", ada.id, 1, { finished: 5, score: 0.5 }),
          attempt("a2", ada.id, 2, { started: 10, finished: 15, score: 0.5 }),
          attempt("a3", ada.id, 3, { started: 20, finished: 25, score: 1 }),
        ],
      }),
    );
    expect(studentOf(results, ada.id)).toMatchObject({ score: 0.5, countedAttempt: { id: "a1", number: 1 } });
    expect(studentOf(results, ada.id).attemptsUsed).toBe(3);
  });

  it("counts the attempt in progress when none is finished, scored over the whole set", () => {
    const results = analyseAssignment(
      input({
        attempts: [attempt("a1", bo.id, 1, { started: 0 })],
        responses: [answer("a1", "q1", "Ankara", { correct: true, minute: 3 })],
      }),
    );
    expect(studentOf(results, bo.id)).toMatchObject({
      status: "in progress",
      answered: 1,
      total: 2,
      score: 0.5,
      timeTakenMs: 3 * 60_000,
      countedAttempt: { id: "a1", number: 1 },
    });
  });

  it("a student who never started has no score, no time and no attempt", () => {
    const results = analyseAssignment(input());
    expect(studentOf(results, cem.id)).toEqual({
      id: cem.id,
      displayName: "Cem Demir",
      username: "cem.demir",
      status: "not started",
      answered: 0,
      total: 2,
      score: null,
      timeTakenMs: null,
      late: false,
      timedOut: false,
      attemptsUsed: 0,
      countedAttempt: null,
    });
  });

  it("opening the quiz without answering is not starting it, but uses an attempt", () => {
    const results = analyseAssignment(input({ attempts: [attempt("a1", cem.id, 1)] }));
    expect(studentOf(results, cem.id)).toMatchObject({ status: "not started", score: null, attemptsUsed: 1 });
  });

  it("times from the attempt's start to the last answer, not to when the server received it", () => {
    // Finished at minute 50: the last answer waited in the offline queue from minute 8.
    const results = analyseAssignment(
      input({
        attempts: [attempt("a1", ada.id, 1, { started: 2, finished: 50, score: 1 })],
        responses: [
          answer("a1", "q1", "Ankara", { correct: true, minute: 5 }),
          answer("a1", "q2", "Imamoglu", { correct: true, minute: 8 }),
        ],
      }),
    );
    expect(studentOf(results, ada.id).timeTakenMs).toBe(6 * 60_000);
  });

  it("is late with a late answer, or when not done after the due date", () => {
    const results = analyseAssignment(
      input({
        assignment: { dueAt: at(30), maxAttempts: 1 },
        now: at(60),
        attempts: [
          attempt("a1", ada.id, 1, { finished: 40, score: 1 }),
          attempt("b1", bo.id, 1, { finished: 20, score: 1 }),
          attempt("c1", cem.id, 1),
        ],
        responses: [
          answer("a1", "q1", "Ankara", { correct: true, minute: 10 }),
          answer("a1", "q2", "Imamoglu", { correct: true, minute: 40, late: true }),
          answer("b1", "q1", "Ankara", { correct: true, minute: 10 }),
          answer("b1", "q2", "Imamoglu", { correct: true, minute: 20 }),
          answer("c1", "q1", "Ankara", { correct: true, minute: 10 }),
        ],
      }),
    );
    expect(studentOf(results, ada.id).late).toBe(true);
    expect(studentOf(results, bo.id).late).toBe(false);
    expect(studentOf(results, cem.id)).toMatchObject({ status: "in progress", late: true });
  });

  it("is not late before the due date, nor ever without one", () => {
    const beforeDue = analyseAssignment(input({ assignment: { dueAt: at(90), maxAttempts: 1 }, now: at(60) }));
    const noDueDate = analyseAssignment(input({ assignment: { dueAt: null, maxAttempts: 1 }, now: at(600) }));
    expect(beforeDue.students.map((s) => s.late)).toEqual([false, false, false]);
    expect(noDueDate.students.map((s) => s.late)).toEqual([false, false, false]);
  });

  it("lists students by display name and leaves out students not on the roster", () => {
    const results = analyseAssignment(
      input({
        students: [cem, ada, bo],
        attempts: [attempt("x1", "stu-removed", 1, { finished: 5, score: 0 })],
        responses: [answer("x1", "q1", "Izmir")],
      }),
    );
    expect(results.students.map((s) => s.displayName)).toEqual(["Ada Byron", "Bo Chen", "Cem Demir"]);
    expect(results.questions[0]).toMatchObject({ answered: 0, shareRight: null, mostChosenWrong: null });
  });
});

describe("analyseAssignment: questions", () => {
  // One finished attempt per student, answering q1 as given.
  const answeringQ1 = (...given: [RosterStudent, string, boolean][]) =>
    input({
      students: given.map(([student]) => student),
      attempts: given.map(([student], i) => attempt(`t${i}`, student.id, 1, { finished: 5, score: 0 })),
      responses: given.map(([, display, correct], i) => answer(`t${i}`, "q1", display, { correct })),
    });
  const s = (n: number): RosterStudent => ({ id: `stu-${n}`, displayName: `Student ${n}`, username: null });

  it("counts answers and right answers in set order, with no share when nobody answered", () => {
    const results = analyseAssignment(
      answeringQ1([s(1), "Ankara", true], [s(2), "Ankara", true], [s(3), "Izmir", false], [s(4), "Bursa", false]),
    );
    expect(results.questions.map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(results.questions[0]).toMatchObject({
      number: 1,
      answered: 4,
      right: 2,
      shareRight: 0.5,
      quote: "The sentence behind q1.",
      articleSlug: "turkey-election",
    });
    expect(results.questions[1]).toMatchObject({ number: 2, answered: 0, right: 0, shareRight: null });
  });

  it("follows the set's positions, whatever order the questions come in", () => {
    const results = analyseAssignment(
      input({
        questions: [question("late", 5, { factIds: ["fact-q1"] }), question("early", 2, { factIds: ["fact-q2"] })],
      }),
    );
    expect(results.questions.map((q) => [q.id, q.number])).toEqual([
      ["early", 1],
      ["late", 2],
    ]);
  });

  it("groups wrong answers by spaces and case, shown in their most common spelling", () => {
    expect(normaliseAnswer("  New   York ")).toBe(normaliseAnswer("new york"));
    const results = analyseAssignment(
      answeringQ1(
        [s(1), "  Ankara", false],
        [s(2), "ankara", false],
        [s(3), "Ankara ", false],
        [s(4), "Izmir", false],
        [s(5), "Izmir", false],
        [s(6), "Ankara", true],
      ),
    );
    expect(results.questions[0]!.mostChosenWrong).toEqual({ answer: "Ankara", count: 3 });
  });

  it("breaks a tie between wrong answers alphabetically", () => {
    const results = analyseAssignment(
      answeringQ1([s(1), "Izmir", false], [s(2), "bursa", false], [s(3), "Izmir", false], [s(4), "Bursa", false]),
    );
    expect(results.questions[0]!.mostChosenWrong?.answer.toLowerCase()).toBe("bursa");
    expect(results.questions[0]!.mostChosenWrong?.count).toBe(2);
  });

  it("reports no wrong answer when all are right or the wrong ones are empty", () => {
    const results = analyseAssignment(answeringQ1([s(1), "Ankara", true], [s(2), "   ", false]));
    expect(results.questions[0]!.mostChosenWrong).toBeNull();
  });
});

describe("analyseAssignment: facts", () => {
  const learnt = review(newMemory(at(0)), Rating.Good, at(0));

  it("averages recall over the whole roster: students with no memory count 0", () => {
    const results = analyseAssignment(
      input({
        memories: [
          { studentId: ada.id, factId: "fact-q1", memory: learnt },
          // Not on the roster: left out.
          { studentId: "stu-removed", factId: "fact-q1", memory: learnt },
        ],
      }),
    );
    const capital = results.facts.find((f) => f.id === "fact-q1");
    expect(capital).toMatchObject({
      subject: "Turkey",
      answer: "Ankara",
      studied: 1,
      // Answered an hour ago, right: known; the other two never answered.
      spread: { know: 1, fading: 0, wrong: 0, unanswered: 2 },
    });
    expect(capital!.mastery).toBeCloseTo(recallProbability(learnt, at(60)) / 3, 10);
    expect(capital!.mastery).toBeGreaterThan(0);
  });

  it("a fact every student got wrong is known by nobody, however recently they answered", () => {
    const wrong = review(newMemory(at(59)), Rating.Again, at(59));
    const results = analyseAssignment(
      input({
        memories: [ada, bo, cem].map((student) => ({ studentId: student.id, factId: "fact-q1", memory: wrong })),
      }),
    );
    expect(results.facts.find((f) => f.id === "fact-q1")).toMatchObject({
      mastery: 0,
      studied: 3,
      spread: { know: 0, fading: 0, wrong: 3, unanswered: 0 },
    });
  });

  it("lists the weakest facts first, ties by subject", () => {
    const results = analyseAssignment(
      input({
        questions: [q1, q2, question("q3", 2, { factIds: ["fact-q3", "fact-q1"] })],
        facts: [
          ...input().facts,
          { id: "fact-q3", subject: "Ankara", relation: "population", answer: "5.8m", articleSlug: "turkey-election" },
        ],
        memories: [{ studentId: bo.id, factId: "fact-q1", memory: learnt }],
      }),
    );
    // fact-q1 appears in two questions and is listed once.
    expect(results.facts.map((f) => f.subject)).toEqual(["Ankara", "Istanbul", "Turkey"]);
    expect(results.facts.map((f) => f.studied)).toEqual([0, 0, 1]);
  });

  it("refuses a set whose facts were not all loaded", () => {
    expect(() => analyseAssignment(input({ facts: [] }))).toThrow(/fact-q1/);
  });
});

describe("analyseAssignment: summary and projector", () => {
  const classResults = () =>
    analyseAssignment(
      input({
        attempts: [
          attempt("a1", ada.id, 1, { finished: 5, score: 1 }),
          attempt("b1", bo.id, 1, { finished: 5, score: 0.5 }),
          attempt("c1", cem.id, 1),
        ],
        responses: [
          answer("a1", "q1", "Ankara", { correct: true }),
          answer("a1", "q2", "Imamoglu", { correct: true }),
          answer("b1", "q1", "Izmir"),
          // Bo typed a classmate's name: a lone typed answer stays off the projector.
          answer("b1", "q2", "Ada Byron"),
          answer("c1", "q1", "Izmir"),
        ],
      }),
    );

  it("summarises done students and the mean share right", () => {
    expect(classResults().summary).toEqual({
      done: 2,
      total: 3,
      meanScoreOfDone: 0.75,
      meanShareRight: (1 / 3 + 1 / 2) / 2,
    });
    expect(analyseAssignment(input()).summary).toEqual({
      done: 0,
      total: 3,
      meanScoreOfDone: null,
      meanShareRight: null,
    });
  });

  it("shows the class the questions and the counts, never a student's name or id", () => {
    const results = classResults();
    const shown = JSON.stringify(results.projector);
    for (const student of [ada, bo, cem]) {
      expect(shown).not.toContain(student.id);
      expect(shown).not.toContain(student.displayName);
      expect(shown).not.toContain(student.username ?? student.id);
    }
    expect(results.projector).toMatchObject({ notStarted: 0, inProgress: 1, done: 2 });
    expect(results.projector.questions[0]).toMatchObject({
      answered: 3,
      right: 1,
      mostChosenWrong: { answer: "Izmir", count: 2 },
    });
    // The teacher still sees the lone typed answer.
    expect(results.questions[1]!.mostChosenWrong).toEqual({ answer: "Ada Byron", count: 1 });
    expect(results.projector.questions[1]!.mostChosenWrong).toBeNull();
  });
});

describe("csvRows", () => {
  it("has a header and one row per roster student per question, from the counted attempt", () => {
    const rows = csvRows(
      input({
        assignment: { dueAt: at(30), maxAttempts: 2 },
        attempts: [
          attempt("a1", ada.id, 1, { finished: 5, score: 0 }),
          attempt("a2", ada.id, 2, { started: 10, finished: 40, score: 1 }),
        ],
        responses: [
          answer("a1", "q1", "Izmir", { minute: 2 }),
          answer("a1", "q2", "Erdogan", { minute: 3 }),
          answer("a2", "q1", "Ankara", { correct: true, minute: 12 }),
          answer("a2", "q2", "Imamoglu", { correct: true, minute: 40, late: true }),
        ],
      }),
    );
    expect(rows).toHaveLength(1 + 3 * 2);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows[1]).toEqual([
      "Ada Byron",
      "ada.byron",
      "1",
      "Which city is meant in q1?",
      "Ankara",
      "yes",
      "1",
      "no",
      "2026-03-02T09:12:00.000Z",
      "2",
    ]);
    expect(rows[2]).toMatchObject({ 4: "Imamoglu", 7: "yes", 9: "2" });
    // Bo never started: his rows are there, with the answer cells empty.
    expect(rows[3]).toEqual(["Bo Chen", "", "1", "Which city is meant in q1?", "", "", "", "no", "", ""]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      "Ada Byron",
      "Ada Byron",
      "Bo Chen",
      "Bo Chen",
      "Cem Demir",
      "Cem Demir",
    ]);
  });
});

describe("gradebookRows", () => {
  it("has one row per roster student: score, answered, time, late, and a mark per question in set order", () => {
    const rows = gradebookRows(
      input({
        questions: [q2, q1, question("q3", 2, { type: "MATCHING" })],
        assignment: { dueAt: at(30), maxAttempts: 2 },
        attempts: [
          attempt("a1", ada.id, 1, { finished: 5, score: 0 }),
          attempt("a2", ada.id, 2, { started: 10, finished: 40, score: 2.5 / 3 }),
          attempt("c1", cem.id, 1, { started: 20 }),
        ],
        responses: [
          answer("a1", "q1", "Izmir", { minute: 2 }),
          answer("a2", "q1", "Ankara", { correct: true, minute: 12 }),
          answer("a2", "q2", "Imamoglu", { correct: true, minute: 31, late: true }),
          { ...answer("a2", "q3", "3 of 6 pairs", { minute: 40 }), score: 0.5 },
          answer("c1", "q2", "Erdogan", { minute: 21 }),
        ],
      }),
    );
    expect(rows[0]).toEqual([
      "student",
      "username",
      "status",
      "score",
      "answered (of 3)",
      "time taken (minutes)",
      "late",
      "attempt counted",
      "attempts used",
      "Q1. Which city is meant in q1?",
      "Q2. Which city is meant in q2?",
      "Q3. Which city is meant in q3?",
    ]);
    expect(rows.slice(1)).toEqual([
      ["Ada Byron", "ada.byron", "done", "83%", "3", "30", "yes", "2", "2", "right", "right", "partly (50%)"],
      ["Bo Chen", "", "not started", "", "", "", "yes", "", "0", "", "", ""],
      ["Cem Demir", "cem.demir", "in progress", "0%", "1", "1", "yes", "1", "1", "", "wrong", ""],
    ]);
  });

  it("with a time limit, says who ran out of time; their time taken is the whole limit", () => {
    const rows = gradebookRows(
      input({
        assignment: { dueAt: null, maxAttempts: 1, timeLimitMinutes: 10 },
        attempts: [
          attempt("a1", ada.id, 1, { finished: 10, score: 0.5 }),
          attempt("c1", cem.id, 1, { finished: 4, score: 1 }),
        ],
        responses: [
          answer("a1", "q1", "Ankara", { correct: true, minute: 3 }),
          answer("c1", "q1", "Ankara", { correct: true, minute: 2 }),
          answer("c1", "q2", "Imamoglu", { correct: true, minute: 4 }),
        ],
      }),
    );
    const column = (name: string) => rows[0]!.indexOf(name);
    expect(column("timed out")).toBe(column("late") + 1);
    const [adaRow, boRow, cemRow] = rows.slice(1);
    expect([adaRow![column("timed out")], boRow![column("timed out")], cemRow![column("timed out")]]).toEqual([
      "yes",
      "",
      "no",
    ]);
    expect([adaRow![column("time taken (minutes)")], cemRow![column("time taken (minutes)")]]).toEqual(["10", "4"]);
  });
});
