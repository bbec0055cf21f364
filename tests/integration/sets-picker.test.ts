// The question picker and the set page's changes (issue 15, "The teacher's tools"): the bank a
// teacher picks from (search, filters, choices and answers, how hard each question has
// proved), and adding and removing questions of a set: only questions in the teacher's view,
// only of their own set, and only while no student has started it.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { addDraftFact, createDraft, publishDraft, setArticleShared } from "@/lib/imports/mutations";
import { DIFFICULTY_MIN_ANSWERS } from "@/lib/sets/picker";
import { addToSet, ANSWERED_SET_MESSAGE, createSet, removeFromSet, reorderSet } from "@/lib/sets/mutations";
import { filterQuestionBank, findVisibleSet, listQuestionBank } from "@/lib/sets/queries";

import { makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const SHIPPED = "istanbul-talks-2025-05-16";

describe(`the question picker on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  type User = Awaited<ReturnType<typeof makeUser>>;

  /** A teacher's import, published unshared as the app publishes one. */
  async function publishImport(owner: User) {
    const { id } = await createDraft(test.db, owner, {
      title: `Council ${randomUUID().slice(0, 6)}`,
      outlet: "Wire",
      url: "",
      publishedOn: "2025-06-02",
      body: "The city council elected Maria Novak as its new chair on Monday. The council meets in Ljubljana every month.",
    });
    await addDraftFact(test.db, owner, {
      draftId: id,
      subject: "The city council",
      relation: "new chair",
      answer: "Maria Novak",
      type: "person",
      quote: "The city council elected Maria Novak as its new chair on Monday",
    });
    const { slug } = await publishDraft(test.db, owner, id, { leaveOutUnreviewed: true });
    const questions = await test.db.question.findMany({
      where: { article: { slug }, status: "SERVED" },
      select: { id: true },
    });
    expect(questions.length).toBeGreaterThan(0);
    return { slug, questionIds: questions.map((q) => q.id) };
  }

  /** `right` right answers and `wrong` wrong ones to a question, each from a student's own attempt at a set of it. */
  async function answer(questionId: string, right: number, wrong: number) {
    const set = await test.db.questionSet.create({
      data: { title: "Practice", kind: "CUSTOM", items: { create: { questionId, position: 0 } } },
    });
    for (let i = 0; i < right + wrong; i++) {
      const student = await makeUser(test.db, "STUDENT");
      const attempt = await test.db.attempt.create({ data: { userId: student.id, setId: set.id, number: 1 } });
      await test.db.response.create({
        data: {
          attemptId: attempt.id,
          questionId,
          questionVersion: 1,
          clientId: randomUUID(),
          answer: "{}",
          isCorrect: i < right,
          score: i < right ? 1 : 0,
          answeredAt: new Date(),
        },
      });
    }
  }

  it("lists every served question with its choices, right answer and facts, and searches and filters them", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const bank = await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED });
    const served = await test.db.question.count({ where: { status: "SERVED", article: { slug: SHIPPED } } });
    expect(bank.questions).toHaveLength(served);
    expect(bank.articles).toEqual([expect.objectContaining({ slug: SHIPPED, served })]);

    // Each question shows its choices with the right one marked, or its typed answer.
    const choice = bank.questions.find((q) => q.type === "MULTIPLE_CHOICE")!;
    expect(choice.options.length).toBeGreaterThanOrEqual(3);
    expect(choice.options.filter((o) => o.right)).toEqual([{ text: choice.answer, right: true }]);
    const typed = bank.questions.find((q) => q.type === "FILL_BLANK")!;
    expect(typed.options).toEqual([]);
    expect(typed.answer).not.toBe("");

    // Facts come in the order the article states them.
    const body = (await test.db.article.findUniqueOrThrow({ where: { slug: SHIPPED } })).body;
    const places = bank.facts.map((f) => body.indexOf(f.quote)).filter((at) => at >= 0);
    expect(places).toEqual([...places].sort((a, b) => a - b));

    // Search: the stem's words, in any case and order; the answer; an option; the fact's quote.
    const word = choice.stem.split(" ").filter((w) => w.length > 5)[0]!;
    expect(filterQuestionBank(bank, { q: word.toUpperCase() }).map((q) => q.id)).toContain(choice.id);
    const wrongOption = choice.options.find((o) => !o.right)!.text;
    expect(filterQuestionBank(bank, { q: wrongOption }).map((q) => q.id)).toContain(choice.id);
    const fact = bank.facts.find((f) => f.id === choice.factIds[0])!;
    const byQuote = filterQuestionBank(bank, { q: fact.quote.split(" ").slice(0, 4).join(" ") });
    expect(byQuote.map((q) => q.id)).toContain(choice.id);
    expect(filterQuestionBank(bank, { q: "zzyzx nowhere" })).toEqual([]);

    // Type and fact filters, together.
    const onFact = filterQuestionBank(bank, { fact: fact.id });
    expect(onFact.length).toBeGreaterThan(1);
    expect(onFact.every((q) => q.factIds.includes(fact.id))).toBe(true);
    const mcOnFact = filterQuestionBank(bank, { fact: fact.id, type: "MULTIPLE_CHOICE" });
    expect(mcOnFact.map((q) => q.id)).toContain(choice.id);
    expect(mcOnFact.every((q) => q.type === "MULTIPLE_CHOICE")).toBe(true);
    expect(mcOnFact.length).toBeLessThan(onFact.length);
  });

  it("rates difficulty from the share of right answers once a question has enough of them", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const [easy, hard, few] = (await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED })).questions;
    await answer(easy!.id, DIFFICULTY_MIN_ANSWERS, 0);
    await answer(hard!.id, 1, DIFFICULTY_MIN_ANSWERS);
    await answer(few!.id, DIFFICULTY_MIN_ANSWERS - 1, 0);
    const bank = await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED });
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    expect(byId.get(easy!.id)).toMatchObject({ difficulty: "easy", answered: DIFFICULTY_MIN_ANSWERS, shareRight: 1 });
    expect(byId.get(hard!.id)).toMatchObject({ difficulty: "hard", answered: DIFFICULTY_MIN_ANSWERS + 1 });
    expect(byId.get(few!.id)).toMatchObject({ difficulty: "unanswered", answered: DIFFICULTY_MIN_ANSWERS - 1 });
    expect(filterQuestionBank(bank, { difficulty: "easy" }).map((q) => q.id)).toEqual([easy!.id]);
    expect(filterQuestionBank(bank, { difficulty: "hard" }).map((q) => q.id)).toEqual([hard!.id]);
    expect(filterQuestionBank(bank, { difficulty: "unanswered" })).toHaveLength(bank.questions.length - 2);
  });

  it("adds questions at the end of the teacher's own set, once each, and removes them", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const bank = await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED });
    const [a, b, c, d] = bank.questions.map((q) => q.id);
    const set = await createSet(test.db, teacher, { title: "Mine", questionIds: [a!, b!], shared: false });

    expect(await addToSet(test.db, teacher, set.id, { questionIds: [d!, a!, c!] })).toBe(2);
    const after = (await findVisibleSet(test.db, teacher, set.id))!;
    expect(after.items.map((i) => i.question.id)).toEqual([a, b, d, c]);
    // The set page shows each question's choices and answer.
    expect(after.items[0]!.question.options.length + (after.items[0]!.question.answerText ? 1 : 0)).toBeGreaterThan(0);

    await removeFromSet(test.db, teacher, set.id, b!);
    expect((await findVisibleSet(test.db, teacher, set.id))!.items.map((i) => i.question.id)).toEqual([a, d, c]);

    // Another teacher's set is not theirs to change, nor to learn of.
    await rejectsWith(addToSet(test.db, other, set.id, { questionIds: [b!] }), "not_found");
    await rejectsWith(removeFromSet(test.db, other, set.id, a!), "not_found");
    await rejectsWith(addToSet(test.db, teacher, set.id, { questionIds: [] }), "invalid_input");
  });

  it("refuses a question of another teacher's private import, until they share it", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const teacher = await makeUser(test.db, "TEACHER");
    const { slug, questionIds } = await publishImport(owner);
    const shipped = (await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED })).questions[0]!.id;
    const set = await createSet(test.db, teacher, { title: "Mine", questionIds: [shipped], shared: false });

    expect((await listQuestionBank(test.db, teacher)).questions.map((q) => q.id)).not.toContain(questionIds[0]);
    expect((await listQuestionBank(test.db, teacher, { articleSlug: slug })).questions).toEqual([]);
    await rejectsWith(addToSet(test.db, teacher, set.id, { questionIds: [questionIds[0]!] }), "invalid_input");
    // A whole article they cannot see adds nothing.
    expect(await addToSet(test.db, teacher, set.id, { questionIds: [], articleSlugs: [slug] })).toBe(0);
    expect((await findVisibleSet(test.db, teacher, set.id))!.items.map((i) => i.question.id)).toEqual([shipped]);

    // The owner's own bank has them; once shared, so does everyone's.
    expect((await listQuestionBank(test.db, owner, { articleSlug: slug })).questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(questionIds),
    );
    await setArticleShared(test.db, owner, slug, true);
    expect(await addToSet(test.db, teacher, set.id, { questionIds: [questionIds[0]!] })).toBe(1);
  });

  it("refuses to change the questions of a set a student has started, with a message saying why", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const student = await makeUser(test.db, "STUDENT");
    const [a, b, c] = (await listQuestionBank(test.db, teacher, { articleSlug: SHIPPED })).questions.map((q) => q.id);
    const set = await createSet(test.db, teacher, { title: "Started", questionIds: [a!, b!], shared: false });
    await test.db.attempt.create({ data: { userId: student.id, setId: set.id, number: 1 } });

    await expect(addToSet(test.db, teacher, set.id, { questionIds: [c!] })).rejects.toMatchObject({
      code: "conflict",
      message: ANSWERED_SET_MESSAGE,
    });
    await expect(removeFromSet(test.db, teacher, set.id, a!)).rejects.toMatchObject({
      code: "conflict",
      message: ANSWERED_SET_MESSAGE,
    });
    // A new order that leaves a question out would remove it too.
    await expect(reorderSet(test.db, teacher, set.id, [b!])).rejects.toMatchObject({
      code: "conflict",
      message: ANSWERED_SET_MESSAGE,
    });
    expect(ANSWERED_SET_MESSAGE).toMatch(/keeps the questions they saw/);
    expect((await findVisibleSet(test.db, teacher, set.id))!.items.map((i) => i.question.id)).toEqual([a, b]);
    // Moving a question keeps every question: still allowed.
    await reorderSet(test.db, teacher, set.id, [b!, a!]);
    expect((await findVisibleSet(test.db, teacher, set.id))!.items.map((i) => i.question.id)).toEqual([b, a]);
  });
});
