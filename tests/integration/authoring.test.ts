// A teacher's options and answers (issue 15, "The teacher's tools"): editing a question's options
// and answer is a new version, for everyone or as the teacher's own version by the rule rewording
// follows; an answer given earlier keeps its version and its mark; a wrong option the article
// makes true too is refused; and a question a teacher writes, of each type, is theirs alone,
// served in their sets, graded, and remembered as any question. Content is made as the app makes
// it: an import published through publishDraft.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAssignment } from "@/lib/assignments/mutations";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { AppError } from "@/lib/errors";
import { addDraftFact, createDraft, publishDraft, setArticleShared } from "@/lib/imports/mutations";
import type { GivenAnswer } from "@/lib/questions/kinds";
import { editQuestionAnswer, writeQuestion } from "@/lib/sets/authoring";
import { createSet, editQuestion } from "@/lib/sets/mutations";
import { listArticleQuestions, listTeacherSets } from "@/lib/sets/queries";

import { enrol, makeClass, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const BODY =
  "The cup final was held at Brackenfield Stadium in Dorvale on Sunday, the league said. The winners paraded through Marlow on Monday. About 40,000 fans watched the final.";

describe(`a teacher's options, answers and own questions on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  type User = Awaited<ReturnType<typeof makeUser>>;

  /** The owner's import, shared: the venue and town of the final (one subject), the parade's town, the crowd. */
  async function publishFinal(owner: User) {
    const { id } = await createDraft(test.db, owner, {
      title: `Cup final ${randomUUID().slice(0, 6)}`,
      outlet: "Wire",
      url: "",
      publishedOn: "2025-06-02",
      body: BODY,
    });
    const fact = (subject: string, relation: string, answer: string, type: "place" | "number", quote: string) =>
      addDraftFact(test.db, owner, { draftId: id, subject, relation, answer, type, quote });
    const finalQuote = "The cup final was held at Brackenfield Stadium in Dorvale on Sunday";
    await fact("The cup final", "held at", "Brackenfield Stadium", "place", finalQuote);
    await fact("The cup final", "held in", "Dorvale", "place", finalQuote);
    await fact("The winners' parade", "held in", "Marlow", "place", "The winners paraded through Marlow on Monday");
    await fact("Fans who watched the final", "number", "40,000", "number", "About 40,000 fans watched the final");
    const { slug } = await publishDraft(test.db, owner, id, { leaveOutUnreviewed: true });
    await setArticleShared(test.db, owner, slug, true);
    const article = await test.db.article.findUniqueOrThrow({
      where: { slug },
      select: { id: true, facts: { select: { id: true, key: true, answer: true } } },
    });
    return { slug, articleId: article.id, facts: article.facts };
  }

  const assignment = (classId: string, setId: string) => ({
    classId,
    setId,
    title: "Homework",
    opensAt: "2020-01-01T08:00",
    dueAt: "",
    maxAttempts: 1,
    feedbackPolicy: "IMMEDIATE" as const,
    timeZone: "Europe/London",
  });

  /** A class of the teacher's with one student, an attempt at the set, and a way to answer. */
  async function studentAt(teacher: User, setId: string) {
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const assigned = await createAssignment(test.db, teacher, assignment(classroom.id, setId));
    const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assigned.id });
    const answer = async (questionId: string, given: GivenAnswer) => {
      const outcome = await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId,
        answer: given,
        answeredAt: new Date().toISOString(),
      });
      return outcome.feedback?.isCorrect;
    };
    return { student, attemptId, answer };
  }

  const fieldErrorsOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors ?? {};
  };

  const optionsOf = async (questionId: string) =>
    (await test.db.questionOption.findMany({ where: { questionId }, orderBy: { position: "asc" } })).map((o) =>
      o.isCorrect ? `*${o.text}` : o.text,
    );

  it("edits options for everyone as the article's owner, for themselves as anyone else; earlier answers keep their mark", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const colleague = await makeUser(test.db, "TEACHER");
    const { slug, facts } = await publishFinal(owner);
    const venue = facts.find((f) => f.answer === "Brackenfield Stadium")!;
    // The owner's multiple-choice question on the venue, in a set a student answers right.
    const { id: questionId } = await writeQuestion(test.db, owner, {
      slug,
      factKeys: [venue.key],
      stem: "Where was the cup final played?",
      explanation: "The league said so.",
      type: "MULTIPLE_CHOICE",
      options: ["Marlow Arena", "Brackenfield Stadium", "Colne Park"],
      correct: "1",
    });
    // A question the owner wrote is theirs alone: to test "for everyone", make it the article's.
    await test.db.question.update({ where: { id: questionId }, data: { ownerId: null } });
    const set = await createSet(test.db, owner, { title: "Final", questionIds: [questionId], shared: false });
    const { attemptId, answer } = await studentAt(owner, set.id);
    expect(await answer(questionId, { type: "MULTIPLE_CHOICE", position: 1 })).toBe(true);

    const change = await editQuestionAnswer(test.db, owner, questionId, {
      type: "MULTIPLE_CHOICE",
      options: ["Brackenfield Stadium", "Ashby Ground", "Colne Park", "Kestrel Hall"],
      correct: "0",
    });
    expect(change).toMatchObject({ version: 2, ownVersion: false, message: "Saved as version 2 for everyone." });
    expect(await optionsOf(questionId)).toEqual([
      "*Brackenfield Stadium",
      "Ashby Ground",
      "Colne Park",
      "Kestrel Hall",
    ]);
    // The answer given before keeps its version and its mark; version 1 still says what it showed.
    expect(await test.db.response.findFirstOrThrow({ where: { attemptId, questionId } })).toMatchObject({
      questionVersion: 1,
      isCorrect: true,
      score: 1,
    });
    const versions = await test.db.questionVersion.findMany({ where: { questionId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0]!.snapshot)).toMatchObject({
      options: [{ text: "Marlow Arena" }, { text: "Brackenfield Stadium", isCorrect: true }, { text: "Colne Park" }],
    });
    expect(JSON.parse(versions[1]!.snapshot)).toMatchObject({
      options: [{ text: "Brackenfield Stadium", isCorrect: true }, {}, {}, {}],
    });

    // Another teacher's edit makes their own version; the shared question does not move.
    const own = await editQuestionAnswer(test.db, colleague, questionId, {
      type: "MULTIPLE_CHOICE",
      options: ["Colne Park", "Brackenfield Stadium"],
      correct: "1",
    });
    expect(own).toMatchObject({ version: 2, ownVersion: true });
    expect(await optionsOf(questionId)).toEqual([
      "*Brackenfield Stadium",
      "Ashby Ground",
      "Colne Park",
      "Kestrel Hall",
    ]);
    const copy = await test.db.question.findFirstOrThrow({ where: { copyOfId: questionId, ownerId: colleague.id } });
    expect(await optionsOf(copy.id)).toEqual(["Colne Park", "*Brackenfield Stadium"]);
    const seen = (await listArticleQuestions(test.db, colleague, slug))!.questions.find(
      (q) => q.originalId === questionId,
    );
    expect(seen).toMatchObject({ id: copy.id, ownVersion: true, version: 2 });

    // Nothing to change is said so, and a type that is not the question's is refused.
    await rejectsWith(
      editQuestionAnswer(test.db, colleague, questionId, {
        type: "MULTIPLE_CHOICE",
        options: ["Colne Park", "Brackenfield Stadium"],
        correct: "1",
      }),
      "invalid_input",
    );
    await rejectsWith(
      editQuestionAnswer(test.db, colleague, questionId, { type: "TRUE_FALSE", truth: "true" }),
      "invalid_input",
    );
  });

  it("refuses a wrong option that the article makes true as well, and changes nothing", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const { slug, facts } = await publishFinal(owner);
    const venue = facts.find((f) => f.answer === "Brackenfield Stadium")!;
    const write = (options: string[]) =>
      writeQuestion(test.db, owner, {
        slug,
        factKeys: [venue.key],
        stem: "Where was the cup final played?",
        explanation: "The league said so.",
        type: "MULTIPLE_CHOICE",
        options,
        correct: "0",
      });
    // Dorvale holds the stadium, and another fact says the final was held there.
    expect((await fieldErrorsOf(write(["Brackenfield Stadium", "Dorvale", "Colne Park"])))["options.1"]).toMatch(
      /^“Dorvale” cannot be a wrong option: it /,
    );
    expect(await test.db.question.count({ where: { ownerId: owner.id } })).toBe(0);

    const { id } = await write(["Brackenfield Stadium", "Colne Park", "Ashby Ground"]);
    const errors = await fieldErrorsOf(
      editQuestionAnswer(test.db, owner, id, {
        type: "MULTIPLE_CHOICE",
        options: ["Dorvale", "Brackenfield Stadium"],
        correct: "0",
      }),
    );
    expect(errors["options.1"]).toMatch(/^“Brackenfield Stadium” cannot be a wrong option/);
    expect(await optionsOf(id)).toEqual(["*Brackenfield Stadium", "Colne Park", "Ashby Ground"]);
    expect((await test.db.question.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("a question written of each type is the teacher's alone, served in their set, graded and remembered", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const teacher = await makeUser(test.db, "TEACHER");
    const colleague = await makeUser(test.db, "TEACHER");
    const { slug, facts } = await publishFinal(owner);
    const key = (answer: string) => facts.find((f) => f.answer === answer)!.key;
    const base = { slug, explanation: "As the article says." };
    const written = {
      MULTIPLE_CHOICE: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("Marlow")],
        stem: "Where did the winners parade?",
        type: "MULTIPLE_CHOICE",
        options: ["Colne", "Marlow", "Ashby"],
        correct: "1",
      }),
      TRUE_FALSE: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("Dorvale")],
        stem: "The cup final was held in Marlow.",
        type: "TRUE_FALSE",
        truth: "false",
      }),
      FILL_BLANK: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("Brackenfield Stadium")],
        stem: "The cup final was held at ___ in Dorvale.",
        type: "FILL_BLANK",
        answerText: "Brackenfield Stadium",
        alternatives: "Brackenfield",
        tolerance: "2",
      }),
      NUMERIC: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("40,000")],
        stem: "About how many fans watched the final?",
        type: "NUMERIC",
        answerText: "40,000",
        tolerance: "1000",
      }),
      MATCHING: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("Dorvale"), key("Marlow")],
        stem: "Match each event to its town.",
        type: "MATCHING",
        left: ["The final", "The parade"],
        right: ["Dorvale", "Marlow"],
      }),
      ORDERING: await writeQuestion(test.db, teacher, {
        ...base,
        factKeys: [key("Brackenfield Stadium"), key("Marlow")],
        stem: "Put these in the order they happened.",
        type: "ORDERING",
        items: ["The final", "The parade"],
      }),
    };
    const ids = Object.values(written).map((w) => w.id);
    const stored = await test.db.question.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        ownerId: true,
        copyOfId: true,
        quote: true,
        facts: { select: { factId: true } },
      },
    });
    expect(stored.every((q) => q.status === "SERVED" && q.ownerId === teacher.id && q.copyOfId === null)).toBe(true);
    expect(stored.find((q) => q.id === written.NUMERIC.id)!.quote).toBe("About 40,000 fans watched the final");
    expect(stored.find((q) => q.id === written.MATCHING.id)!.facts).toHaveLength(2);

    // In the teacher's view (and so in the set picker), and nobody else's.
    const mine = (await listArticleQuestions(test.db, teacher, slug))!.questions;
    expect(
      mine
        .filter((q) => q.written)
        .map((q) => q.id)
        .sort(),
    ).toEqual([...ids].sort());
    for (const other of [colleague, owner]) {
      const theirs = (await listArticleQuestions(test.db, other, slug))!.questions.map((q) => q.id);
      expect(theirs.some((id) => ids.includes(id))).toBe(false);
      await rejectsWith(
        editQuestionAnswer(test.db, other, written.TRUE_FALSE.id, { type: "TRUE_FALSE", truth: "true" }),
        "not_found",
      );
      await rejectsWith(
        editQuestion(test.db, other, written.TRUE_FALSE.id, { stem: "The final was in Marlow.", explanation: "Yes." }),
        "not_found",
      );
      await rejectsWith(
        createSet(test.db, other, { title: "x", questionIds: [written.MATCHING.id], shared: false }),
        "invalid_input",
      );
    }
    // Writing a question is no version of the article's: its quiz stays in the teacher's list.
    const quiz = await test.db.questionSet.findUniqueOrThrow({
      where: { articleId: (await test.db.article.findUniqueOrThrow({ where: { slug } })).id },
    });
    expect((await listTeacherSets(test.db, teacher)).map((s) => s.id)).toContain(quiz.id);

    // Served in the teacher's set, graded, and each answer updates memory of the facts it tests.
    const set = await createSet(test.db, teacher, { title: "My questions", questionIds: ids, shared: false });
    const { student, attemptId, answer } = await studentAt(teacher, set.id);
    const state = JSON.stringify(await findQuizState(test.db, student, attemptId));
    expect(state).toContain("Put these in the order they happened.");
    expect(state).not.toContain("40,000");
    const ordering = await test.db.questionOption.findMany({
      where: { questionId: written.ORDERING.id },
      orderBy: { correctPosition: "asc" },
    });
    expect(await answer(written.MULTIPLE_CHOICE.id, { type: "MULTIPLE_CHOICE", position: 1 })).toBe(true);
    expect(await answer(written.TRUE_FALSE.id, { type: "TRUE_FALSE", position: 0 })).toBe(false);
    expect(await answer(written.FILL_BLANK.id, { type: "FILL_BLANK", text: "brackenfeld" })).toBe(true);
    expect(await answer(written.NUMERIC.id, { type: "NUMERIC", text: "39,500" })).toBe(true);
    expect(await answer(written.MATCHING.id, { type: "MATCHING", matches: ["Dorvale", "Marlow"] })).toBe(true);
    expect(await answer(written.ORDERING.id, { type: "ORDERING", order: ordering.map((o) => o.position) })).toBe(true);
    const memory = await test.db.reviewState.findMany({
      where: { userId: student.id },
      select: { factId: true, reps: true },
    });
    expect(new Set(memory.map((m) => m.factId))).toEqual(new Set(facts.map((f) => f.id)));

    // The teacher may change their own question in place: a new version, theirs still.
    expect(
      await editQuestionAnswer(test.db, teacher, written.TRUE_FALSE.id, { type: "TRUE_FALSE", truth: "true" }),
    ).toMatchObject({ version: 2, message: "Saved as version 2 of your question." });
    expect(await test.db.question.count({ where: { copyOfId: written.TRUE_FALSE.id } })).toBe(0);
  });

  it("a written question asks for its facts and keeps through a content load", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const shipped = "istanbul-talks-2025-05-16";
    const fact = await test.db.fact.findFirstOrThrow({
      where: { article: { slug: shipped }, retiredAt: null, supersededById: null },
    });
    const base = {
      slug: shipped,
      stem: "Is this statement true?",
      explanation: "As the article says.",
      type: "TRUE_FALSE" as const,
      truth: "true",
    };
    expect(await fieldErrorsOf(writeQuestion(test.db, teacher, { ...base, factKeys: [] }))).toEqual({
      factKeys: "Choose the one fact it tests.",
    });
    expect(
      await fieldErrorsOf(
        writeQuestion(test.db, teacher, {
          ...base,
          type: "ORDERING",
          factKeys: [fact.key],
          items: ["a", "b"],
        } as never),
      ),
    ).toEqual({ factKeys: "Choose at least two facts: this question tests several." });
    await rejectsWith(
      writeQuestion(test.db, teacher, { ...base, slug: "no-such-article", factKeys: [fact.key] }),
      "not_found",
    );
    const { id } = await writeQuestion(test.db, teacher, { ...base, factKeys: [fact.key] });
    await syncContent(test.db, loadContent("content"));
    expect(await test.db.question.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SERVED",
      ownerId: teacher.id,
    });
    // Nor is it served to anyone's review.
    expect(await test.db.question.count({ where: { id, status: "SERVED", copyOfId: null, ownerId: null } })).toBe(0);
  });
});
