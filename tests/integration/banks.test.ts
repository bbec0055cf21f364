// Question banks: a GIFT file imported into a set of the teacher's own (each question testing a
// fact of its bank, private to the teacher until shared), a bad file storing nothing, a student's
// answer reaching memory and results, and a set exported as GIFT coming back the same.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAssignment } from "@/lib/assignments/mutations";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { readCsv, writeCsv } from "@/lib/banks/csv";
import { writeGift } from "@/lib/banks/gift";
import { importBank } from "@/lib/banks/mutations";
import { findSetForExport } from "@/lib/banks/queries";
import { listArticles } from "@/lib/articles/queries";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import type { AppError } from "@/lib/errors";
import { setArticleShared } from "@/lib/imports/mutations";
import { assignmentCsvRows, findAssignmentResults } from "@/lib/results/queries";
import { findVisibleSet, listQuestionBank } from "@/lib/sets/queries";

import { enrol, makeClass, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const GIFT = [
  "// Rivers of Freedonia: a bank written for these tests",
  "::Capital::Which city is the capital of Freedonia? {=Fredville ~Sylvania City ~Marxburg####Fredville has been the capital since 1901.}",
  "",
  "The Long River flows north.{F}",
  "",
  "// Quizwire typos: 1",
  "The Long River rises in the {=Blue Hills =Blue Mountains} near the border.",
  "",
  "How long is the Long River, in kilometres?{#420:5}",
  "",
  "Match each town with its river. {=Fredville -> Long River =Marxburg -> Red River =Sylvania City -> Silver River}",
  "",
  "Write a paragraph about the river. {}",
].join("\n");

describe(`question banks on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  const counts = async () => ({
    articles: await test.db.article.count(),
    facts: await test.db.fact.count(),
    questions: await test.db.question.count(),
    sets: await test.db.questionSet.count(),
  });

  it("imports a GIFT file as a set of the teacher's own, each question testing a fact of its bank", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const result = await importBank(test.db, teacher, { fileName: "Rivers.gift", text: GIFT });
    expect(result).toMatchObject({ imported: 5, skipped: 1 });
    const bank = await test.db.article.findUniqueOrThrow({
      where: { slug: result.slug },
      select: { title: true, outlet: true, body: true, source: true, ownerId: true, shared: true },
    });
    expect(bank).toEqual({
      title: "Rivers",
      outlet: "Rivers.gift",
      body: "",
      source: "BANK",
      ownerId: teacher.id,
      shared: false,
    });
    const set = (await findVisibleSet(test.db, teacher, result.setId))!;
    expect(set).toMatchObject({ title: "Rivers", kind: "CUSTOM", ownerId: teacher.id });
    expect(set.items.map((i) => i.question.type)).toEqual([
      "MULTIPLE_CHOICE",
      "TRUE_FALSE",
      "FILL_BLANK",
      "NUMERIC",
      "MATCHING",
    ]);
    const facts = await test.db.fact.findMany({
      where: { article: { slug: result.slug } },
      orderBy: { key: "asc" },
      select: { key: true, answer: true, quote: true, questions: { select: { question: { select: { stem: true } } } } },
    });
    expect(facts.map((f) => [f.key, f.answer, f.quote, f.questions.length])).toEqual([
      ["q1", "Fredville", "", 1],
      ["q2", "False", "", 1],
      ["q3", "Blue Hills", "", 1],
      ["q4", "420 (±5)", "", 1],
      ["q5", "Marxburg: Red River; Sylvania City: Silver River; Fredville: Long River", "", 1],
    ]);
    const fill = await test.db.question.findFirstOrThrow({
      where: { article: { slug: result.slug }, type: "FILL_BLANK" },
      select: { stem: true, answerText: true, tolerance: true, options: { select: { text: true, isCorrect: true } } },
    });
    expect(fill).toEqual({
      stem: "The Long River rises in the _____ near the border.",
      answerText: "Blue Hills",
      tolerance: 1,
      options: [{ text: "Blue Mountains", isCorrect: true }],
    });
    // A bank has no text to read: it is no article of the library.
    expect((await listArticles(test.db, teacher)).map((a) => a.title)).not.toContain("Rivers");
  });

  it("stores nothing from a malformed file, and names the line", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const before = await counts();
    const broken = `${GIFT}\n\nWhich river is longest? {~Long River ~Red River}`;
    const refused = importBank(test.db, teacher, { fileName: "broken.gift", text: broken });
    await rejectsWith(refused, "invalid_input");
    await refused.catch((error: AppError) => {
      expect(error.message).toMatch(
        /^The file has a problem; nothing was imported\. Line 15: No answer is marked right/,
      );
    });
    await rejectsWith(importBank(test.db, teacher, { fileName: "notes.docx", text: GIFT }), "invalid_input");
    expect(await counts()).toEqual(before);
  });

  it("keeps a bank to its teacher and their students until shared", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const { setId, slug } = await importBank(test.db, teacher, { fileName: "Private rivers.gift", text: GIFT });
    // The owner shares the set: still nobody else's while the bank is private.
    await test.db.questionSet.update({ where: { id: setId }, data: { shared: true } });
    expect(await findVisibleSet(test.db, other, setId)).toBeNull();
    expect(await findSetForExport(test.db, other, setId)).toBeNull();
    const bankOf = async (who: Pick<typeof teacher, "id" | "role">) =>
      (await listQuestionBank(test.db, who)).articles.map((a) => a.slug);
    expect(await bankOf(other)).not.toContain(slug);
    expect(await bankOf(teacher)).toContain(slug);
    await rejectsWith(setArticleShared(test.db, other, slug, true), "not_found");
    await setArticleShared(test.db, teacher, slug, true);
    expect(await findVisibleSet(test.db, other, setId)).not.toBeNull();
    expect(await bankOf(other)).toContain(slug);
  });

  it("takes a student's answers into their memory of the bank's facts and the class's results", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const { setId } = await importBank(test.db, teacher, { fileName: "Homework rivers.gift", text: GIFT });
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    const another = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    await enrol(test.db, classroom.id, another.id);
    const { id: assignmentId } = await createAssignment(test.db, teacher, {
      classId: classroom.id,
      setId,
      title: "Rivers homework",
      opensAt: "2020-01-01T08:00",
      dueAt: "",
      maxAttempts: 1,
      feedbackPolicy: "IMMEDIATE",
      timeZone: "Europe/London",
    });
    const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId });
    const capital = await test.db.question.findFirstOrThrow({
      where: { setItems: { some: { setId } }, type: "MULTIPLE_CHOICE" },
      select: { id: true, options: { select: { position: true, isCorrect: true } }, facts: true },
    });
    const right = capital.options.find((o) => o.isCorrect)!;
    const outcome = await recordAnswer(test.db, student, {
      clientId: randomUUID(),
      attemptId,
      questionId: capital.id,
      answer: { type: "MULTIPLE_CHOICE", position: right.position },
      answeredAt: new Date().toISOString(),
      responseMs: 3000,
    });
    expect(outcome.feedback).toMatchObject({
      isCorrect: true,
      expected: "Fredville",
      explanation: "Fredville has been the capital since 1901.",
      quote: "",
      inArticle: false,
    });
    const memory = await test.db.reviewState.findUniqueOrThrow({
      where: { userId_factId: { userId: student.id, factId: capital.facts[0]!.factId } },
    });
    expect(memory.lastRating).toBeGreaterThan(1);
    const csv = (await assignmentCsvRows(test.db, teacher, assignmentId))!;
    expect(csv.rows.flat().join(" ")).toContain("Which city is the capital of Freedonia?");
    expect(csv.rows.flat()).toContain("Fredville");

    // Item analysis: a second student picks a wrong city; the question and its fact show both.
    const { attemptId: anotherAttempt } = await startOrResumeAttempt(test.db, another, { assignmentId });
    const wrong = capital.options.find((o) => !o.isCorrect)!;
    await recordAnswer(test.db, another, {
      clientId: randomUUID(),
      attemptId: anotherAttempt,
      questionId: capital.id,
      answer: { type: "MULTIPLE_CHOICE", position: wrong.position },
      answeredAt: new Date().toISOString(),
      responseMs: 4000,
    });
    const { text: wrongText } = await test.db.questionOption.findFirstOrThrow({
      where: { questionId: capital.id, position: wrong.position },
      select: { text: true },
    });
    const results = (await findAssignmentResults(test.db, teacher, assignmentId))!;
    const item = results.questions.find((q) => q.id === capital.id)!;
    expect(item).toMatchObject({ answered: 2, right: 1, shareRight: 0.5, quote: "" });
    expect(item.mostChosenWrong).toEqual({ answer: wrongText, count: 1 });
    const fact = results.facts.find((f) => f.id === capital.facts[0]!.factId)!;
    expect(fact.answer).toBe("Fredville");
    expect(fact.mastery).toBeGreaterThan(0);
    expect(fact.mastery).toBeLessThan(1);
  });

  it("gives back the same questions when a set is exported as GIFT and imported again", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const first = await importBank(test.db, teacher, { fileName: "Round trip.gift", text: GIFT });
    const exported = (await findSetForExport(test.db, teacher, first.setId))!;
    const { text, omitted } = writeGift(exported.title, exported.questions);
    expect(omitted).toEqual([]);
    const second = await importBank(test.db, teacher, { fileName: "Round trip again.gift", text });
    const again = (await findSetForExport(test.db, teacher, second.setId))!;
    expect(again.questions).toEqual(exported.questions);
    expect(second.imported).toBe(first.imported);
  });

  it("imports a CSV file, and a set exported as CSV comes back the same, ordering included", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const csv = [
      "Question,Answer,Type,Choice 1,Choice 2,Choice 3,Also accepted,Tolerance,Explanation,Source",
      "Put the rivers in order of length.,,ordering,Long River,Red River,Silver River,,,Longest first.,Atlas p. 12",
      '"Which river, in the north, is red?",Red River,multiple choice,Long River,Red River,Silver River,,,,',
      "The Silver River is _____ kilometres long.,90,fill in the blank,,,,ninety,1,,",
    ].join("\n");
    const first = await importBank(test.db, teacher, { fileName: "Rivers.csv", text: csv });
    expect(first.imported).toBe(3);
    const exported = (await findSetForExport(test.db, teacher, first.setId))!;
    expect(exported.questions.map((q) => [q.type, q.source ?? null])).toEqual([
      ["ORDERING", "Atlas p. 12"],
      ["MULTIPLE_CHOICE", null],
      ["FILL_BLANK", null],
    ]);
    const text = writeCsv(exported.questions);
    expect(readCsv(text).problems).toEqual([]);
    const second = await importBank(test.db, teacher, { fileName: "Rivers again.csv", text });
    expect((await findSetForExport(test.db, teacher, second.setId))!.questions).toEqual(exported.questions);
    // A bad row stores nothing and names its line.
    const before = await counts();
    await expect(
      importBank(test.db, teacher, { fileName: "bad.csv", text: `${csv}\nWhich?,Blue,multiple choice,Red,Green,,,,,` }),
    ).rejects.toThrow(/Line 5: The answer “Blue” is not one of the choices\./);
    expect(await counts()).toEqual(before);
  });

  it("gives back an article's quiz, exported as GIFT and imported, question for question", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const quiz = await test.db.questionSet.findFirstOrThrow({
      where: { kind: "ARTICLE", article: { slug: "istanbul-talks-2025-05-16" } },
      select: { id: true },
    });
    const exported = (await findSetForExport(test.db, teacher, quiz.id))!;
    const { text, omitted } = writeGift(exported.title, exported.questions);
    const back = await importBank(test.db, teacher, { fileName: "Istanbul talks.gift", text });
    expect(back.imported).toBe(exported.questions.length - omitted.length);
    // Matching pairs are stored in another order (so no row starts beside its match): compare them as pairs.
    const comparable = ({ type, stem, answer }: (typeof exported.questions)[number]) =>
      answer.type === "MATCHING"
        ? { type, stem, pairs: answer.left.map((left, i) => `${left} -> ${answer.right[i]}`).sort() }
        : { type, stem, answer };
    const expressed = exported.questions.filter((_q, i) => !omitted.some((o) => o.number === i + 1));
    expect(new Set(expressed.map((q) => q.type)).size).toBeGreaterThan(2);
    const again = (await findSetForExport(test.db, teacher, back.setId))!;
    expect(again.questions.map(comparable)).toEqual(expressed.map(comparable));
  });

  it("exports an article's questions with their source sentence and the article they are from", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const quiz = await test.db.questionSet.findFirstOrThrow({
      where: { kind: "ARTICLE", article: { slug: "istanbul-talks-2025-05-16" } },
      select: { id: true, article: { select: { title: true } } },
    });
    const exported = (await findSetForExport(test.db, teacher, quiz.id))!;
    expect(exported.questions.length).toBeGreaterThan(5);
    for (const question of exported.questions) expect(question.source).toContain(`(${quiz.article!.title}, `);
  });
});
