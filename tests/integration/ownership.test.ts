// Who may use and change whose content: a teacher's unshared import is theirs alone (item 1
// of the security issue), the facts a draft may replace are the teacher's own (item 4), and
// content shared by everyone is changed for everyone only by its owner; anyone else's edit
// makes their own version (item 5). Private content is made as the app makes it: by
// publishing an import through publishDraft.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { adminResetPassword, setUserDisabled } from "@/lib/accounts/mutations";
import { createAssignment } from "@/lib/assignments/mutations";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { addDraftFact, createDraft, publishDraft, setArticleShared } from "@/lib/imports/mutations";
import { listSupersedableFacts } from "@/lib/imports/queries";
import { prepareReviewSet } from "@/lib/learning/queries";
import { createSet, editQuestion, retireQuestion } from "@/lib/sets/mutations";
import { findVisibleSet, listArticleQuestions, listTeacherSets } from "@/lib/sets/queries";

import { enrol, makeClass, makeDueMemory, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const SHIPPED = "istanbul-talks-2025-05-16";
const BODY =
  "The city council elected Maria Novak as its new chair on Monday, the council said in a statement. The council meets in Ljubljana every month.";

describe(`who owns content on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  type User = Awaited<ReturnType<typeof makeUser>>;

  /** An import published as a teacher publishes one: unshared, with its quiz. */
  async function publishImport(owner: User, title = `Council ${randomUUID().slice(0, 6)}`, supersedes?: string) {
    const { id } = await createDraft(test.db, owner, {
      title,
      outlet: "Wire",
      url: "",
      publishedOn: "2025-06-02",
      body: BODY,
    });
    await addDraftFact(test.db, owner, {
      draftId: id,
      subject: "The city council",
      relation: "new chair",
      answer: "Maria Novak",
      type: "person",
      quote: "The city council elected Maria Novak as its new chair on Monday",
      ...(supersedes ? { supersedes } : {}),
    });
    await addDraftFact(test.db, owner, {
      draftId: id,
      subject: "The city council",
      relation: "meets in",
      answer: "Ljubljana",
      type: "place",
      quote: "The council meets in Ljubljana every month",
    });
    const { slug } = await publishDraft(test.db, owner, id, { leaveOutUnreviewed: true });
    const article = await test.db.article.findUniqueOrThrow({
      where: { slug },
      select: {
        id: true,
        slug: true,
        facts: { select: { id: true, key: true } },
        questionSets: { select: { id: true, items: { select: { questionId: true } } } },
      },
    });
    const quiz = article.questionSets[0]!;
    expect(quiz.items.length).toBeGreaterThan(0);
    return { slug, article, quizId: quiz.id, questionIds: quiz.items.map((i) => i.questionId) };
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

  const stemOf = async (id: string) => (await test.db.question.findUniqueOrThrow({ where: { id } })).stem;

  describe("item 1: a private import is its owner's alone", () => {
    it("another teacher or an admin cannot list, open, assign or reuse its quiz and questions", async () => {
      const owner = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const admin = await makeUser(test.db, "ADMIN");
      const { slug, quizId, questionIds } = await publishImport(owner);
      // The owner shares a set of those questions; the article stays unshared.
      const ownersSet = await createSet(test.db, owner, { title: "Mine", questionIds, shared: true });

      for (const stranger of [other, admin]) {
        const classroom = await makeClass(test.db, stranger.id);
        const listed = (await listTeacherSets(test.db, stranger)).map((s) => s.id);
        expect(listed).not.toContain(quizId);
        expect(listed).not.toContain(ownersSet.id);
        expect(await findVisibleSet(test.db, stranger, quizId)).toBeNull();
        expect(await findVisibleSet(test.db, stranger, ownersSet.id)).toBeNull();
        expect(await listArticleQuestions(test.db, stranger, slug)).toBeNull();
        await rejectsWith(createAssignment(test.db, stranger, assignment(classroom.id, quizId)), "not_found");
        await rejectsWith(createAssignment(test.db, stranger, assignment(classroom.id, ownersSet.id)), "not_found");
        await rejectsWith(createSet(test.db, stranger, { title: "x", questionIds, shared: false }), "invalid_input");
        await rejectsWith(
          createSet(test.db, stranger, { title: "x", questionIds: [], articleSlugs: [slug], shared: false }),
          "invalid_input",
        );
        expect(await test.db.assignment.count({ where: { classId: classroom.id } })).toBe(0);
      }

      // The owner can do all of it.
      const classroom = await makeClass(test.db, owner.id);
      expect((await listTeacherSets(test.db, owner)).map((s) => s.id)).toContain(quizId);
      expect(await findVisibleSet(test.db, owner, quizId)).not.toBeNull();
      await createAssignment(test.db, owner, assignment(classroom.id, quizId));
    });

    it("when the owner stops sharing, assignments already made keep working, and nothing new can be made of it", async () => {
      const owner = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const { slug, quizId, questionIds } = await publishImport(owner);
      await setArticleShared(test.db, owner, slug, true);

      const classroom = await makeClass(test.db, other.id);
      const student = await makeUser(test.db, "STUDENT");
      await enrol(test.db, classroom.id, student.id);
      const assigned = await createAssignment(test.db, other, assignment(classroom.id, quizId));
      const ownSet = await createSet(test.db, other, { title: "Borrowed", questionIds, shared: false });
      const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assigned.id });

      await setArticleShared(test.db, owner, slug, false);

      // The student keeps the assignment they have.
      const again = await startOrResumeAttempt(test.db, student, { assignmentId: assigned.id });
      expect(again.attemptId).toBe(attemptId);
      expect((await findQuizState(test.db, student, attemptId))!.questions.length).toBe(questionIds.length);
      // The teacher keeps seeing their own set, but can no longer assign it or the quiz anew.
      expect(await findVisibleSet(test.db, other, ownSet.id)).not.toBeNull();
      expect(await findVisibleSet(test.db, other, quizId)).toBeNull();
      await rejectsWith(createAssignment(test.db, other, assignment(classroom.id, quizId)), "not_found");
      await expect(createAssignment(test.db, other, assignment(classroom.id, ownSet.id))).rejects.toThrow(
        /author no longer shares/,
      );
      await rejectsWith(createSet(test.db, other, { title: "x", questionIds, shared: false }), "invalid_input");
      expect(await test.db.assignment.count({ where: { classId: classroom.id } })).toBe(1);
    });
  });

  describe("item 4: the facts a draft may replace", () => {
    it("lists only the teacher's own facts, never another teacher's private facts or shipped ones", async () => {
      const owner = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const { slug, article } = await publishImport(owner);
      const later = new Date("2026-01-01");
      const refs = (facts: { ref: string; label: string }[]) => facts.map((f) => f.ref);
      const ownRefs = article.facts.map((f) => `${slug}#${f.key}`);

      const othersList = await listSupersedableFacts(test.db, other, later);
      expect(refs(othersList)).not.toEqual(expect.arrayContaining([ownRefs[0]]));
      expect(othersList.some((f) => f.label.includes("Maria Novak") || f.ref.startsWith(SHIPPED))).toBe(false);
      expect(refs(await listSupersedableFacts(test.db, owner, later))).toEqual(expect.arrayContaining(ownRefs));
    });
  });

  describe("item 5: shared content is changed for everyone only by its owner", () => {
    async function shippedQuizQuestion() {
      const quiz = await test.db.questionSet.findFirstOrThrow({
        where: { kind: "ARTICLE", article: { slug: SHIPPED } },
        select: { id: true, items: { orderBy: { position: "asc" }, select: { question: true } } },
      });
      const question = quiz.items.find((i) => i.question.type === "MULTIPLE_CHOICE")!.question;
      return { quizId: quiz.id, question };
    }

    it("a teacher's rewording of shipped content is their own version, in their sets only, graded as any question", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const colleague = await makeUser(test.db, "TEACHER");
      const { quizId, question } = await shippedQuizQuestion();
      const before = question.stem;
      const earlierSet = await createSet(test.db, teacher, {
        title: "Earlier",
        questionIds: [question.id],
        shared: false,
      });

      const reworded = { stem: "In my words: who led it?", explanation: "As the article says." };
      await editQuestion(test.db, teacher, question.id, reworded);

      // Everyone else keeps the original.
      expect(await stemOf(question.id)).toBe(before);
      const quizItems = await test.db.questionSetItem.findMany({ where: { setId: quizId } });
      expect(quizItems.map((i) => i.questionId)).toContain(question.id);
      const colleagues = (await listArticleQuestions(test.db, colleague, SHIPPED))!.questions;
      expect(colleagues.map((q) => q.stem)).toContain(before);
      expect(colleagues.map((q) => q.stem)).not.toContain(reworded.stem);

      // The teacher sees their version in place of the original, and their sets use it.
      const own = (await listArticleQuestions(test.db, teacher, SHIPPED))!.questions;
      expect(own.map((q) => q.stem)).toContain(reworded.stem);
      expect(own.map((q) => q.id)).not.toContain(question.id);
      const copy = own.find((q) => q.stem === reworded.stem)!;
      const earlier = (await findVisibleSet(test.db, teacher, earlierSet.id))!;
      expect(earlier.items.map((i) => i.question.id)).toEqual([copy.id]);
      const sets = await listTeacherSets(test.db, teacher);
      // The article's quiz, as the teacher now has it: their own set, in place of the shared one.
      expect(sets.map((s) => s.id)).not.toContain(quizId);
      const versionSet = sets.find((s) => s.mine && s.id !== earlierSet.id)!;
      const versionItems = (await findVisibleSet(test.db, teacher, versionSet.id))!.items.map((i) => i.question.id);
      expect(versionItems).toContain(copy.id);
      expect(versionItems).not.toContain(question.id);
      expect(versionItems).toHaveLength(quizItems.length);
      expect((await listTeacherSets(test.db, colleague)).map((s) => s.id)).toContain(quizId);

      // A second edit is a new version of the teacher's copy; the original still does not move.
      await editQuestion(test.db, teacher, question.id, { ...reworded, stem: "In my words, again: who led it?" });
      expect(await stemOf(question.id)).toBe(before);
      expect(await stemOf(copy.id)).toBe("In my words, again: who led it?");

      // The teacher's students get it, and it is graded and versioned as any question.
      const classroom = await makeClass(test.db, teacher.id);
      const student = await makeUser(test.db, "STUDENT");
      await enrol(test.db, classroom.id, student.id);
      const assigned = await createAssignment(test.db, teacher, assignment(classroom.id, versionSet.id));
      const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assigned.id });
      const state = (await findQuizState(test.db, student, attemptId))!;
      expect(JSON.stringify(state)).toContain("In my words, again: who led it?");
      expect(JSON.stringify(state)).not.toContain(before);
      const right = await test.db.questionOption.findFirstOrThrow({ where: { questionId: copy.id, isCorrect: true } });
      const outcome = await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId: copy.id,
        answer: { type: "MULTIPLE_CHOICE", position: right.position },
        answeredAt: new Date().toISOString(),
      });
      expect(outcome.feedback?.isCorrect).toBe(true);
      expect(await test.db.response.findFirstOrThrow({ where: { attemptId, questionId: copy.id } })).toMatchObject({
        questionVersion: 2,
        isCorrect: true,
      });

      // Loading the content again changes neither version.
      await syncContent(test.db, loadContent("content"));
      expect(await stemOf(question.id)).toBe(before);
      expect(await test.db.question.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
        status: "SERVED",
        stem: "In my words, again: who led it?",
      });

      // Nobody else may change the teacher's version, nor reuse it.
      await rejectsWith(editQuestion(test.db, colleague, copy.id, reworded), "not_found");
      await rejectsWith(retireQuestion(test.db, colleague, copy.id), "not_found");
      await rejectsWith(
        createSet(test.db, colleague, { title: "x", questionIds: [copy.id], shared: false }),
        "invalid_input",
      );
    });

    it("a teacher's retiring of shipped content takes it out of their own sets only", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const colleague = await makeUser(test.db, "TEACHER");
      const { quizId, question } = await shippedQuizQuestion();
      const earlierSet = await createSet(test.db, teacher, {
        title: "Earlier",
        questionIds: [
          question.id,
          (
            await test.db.questionSetItem.findFirstOrThrow({
              where: { setId: quizId, questionId: { not: question.id } },
            })
          ).questionId,
        ],
        shared: false,
      });
      await retireQuestion(test.db, teacher, question.id);

      expect(await test.db.question.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({
        status: "SERVED",
        retiredById: null,
      });
      expect((await test.db.questionSetItem.findMany({ where: { setId: quizId } })).map((i) => i.questionId)).toContain(
        question.id,
      );
      const earlier = (await findVisibleSet(test.db, teacher, earlierSet.id))!;
      expect(earlier.items.map((i) => i.question.id)).not.toContain(question.id);
      await rejectsWith(
        createSet(test.db, teacher, { title: "x", questionIds: [question.id], shared: false }),
        "invalid_input",
      );
      const own = (await listArticleQuestions(test.db, teacher, SHIPPED))!.questions;
      expect(own.filter((q) => q.status === "SERVED").map((q) => q.stem)).not.toContain(question.stem);
      const theirs = (await listArticleQuestions(test.db, colleague, SHIPPED))!.questions;
      expect(theirs.find((q) => q.id === question.id)?.status).toBe("SERVED");
    });

    it("the owner's and an admin's edits change it for everyone; an edit of another's shared import is a copy", async () => {
      const owner = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const admin = await makeUser(test.db, "ADMIN");
      const { slug, questionIds } = await publishImport(owner);
      await setArticleShared(test.db, owner, slug, true);
      const [first, second] = questionIds as [string, string];
      const original = await stemOf(first);

      for (const stranger of [other, admin]) {
        await editQuestion(test.db, stranger, first, { stem: "Reworded by a stranger?", explanation: "Because." });
        await retireQuestion(test.db, stranger, second);
      }
      expect(await stemOf(first)).toBe(original);
      expect((await test.db.question.findUniqueOrThrow({ where: { id: second } })).status).toBe("SERVED");

      await editQuestion(test.db, owner, first, { stem: "Reworded by its owner?", explanation: "Because." });
      expect(await stemOf(first)).toBe("Reworded by its owner?");

      const { question } = await shippedQuizQuestion();
      await editQuestion(test.db, admin, question.id, { stem: "Reworded by an admin?", explanation: "Because." });
      expect(await stemOf(question.id)).toBe("Reworded by an admin?");
    });

    it("review never serves a teacher's own version to other students", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const learner = await makeUser(test.db, "LEARNER");
      const { question } = await shippedQuizQuestion();
      await editQuestion(test.db, teacher, question.id, {
        stem: "A private wording: who led it?",
        explanation: "x x x x x",
      });
      const fact = await test.db.questionFact.findFirstOrThrow({ where: { questionId: question.id } });
      // Only the teacher's copy and the original test this fact.
      await test.db.question.updateMany({
        where: { id: { not: question.id }, copyOfId: null, facts: { some: { factId: fact.factId } } },
        data: { status: "RETIRED" },
      });
      await test.db.question.update({ where: { id: question.id }, data: { status: "RETIRED" } });
      await makeDueMemory(test.db, learner.id, fact.factId, new Date(0));
      const setId = await prepareReviewSet(test.db, learner);
      const items = setId
        ? await test.db.questionSetItem.findMany({ where: { setId }, select: { questionId: true } })
        : [];
      const stems = await Promise.all(items.map((i) => stemOf(i.questionId)));
      expect(stems).not.toContain("A private wording: who led it?");
    });

    it("an import may replace only facts of its teacher's own articles, never shipped ones", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const shipped = await test.db.fact.findFirstOrThrow({ where: { article: { slug: SHIPPED } } });
      const { id } = await createDraft(test.db, teacher, {
        title: "Another round",
        outlet: "Wire",
        url: "",
        publishedOn: "2025-06-02",
        body: BODY,
      });
      await addDraftFact(test.db, teacher, {
        draftId: id,
        subject: "The city council",
        relation: "new chair",
        answer: "Maria Novak",
        type: "person",
        quote: "The city council elected Maria Novak as its new chair on Monday",
        supersedes: `${SHIPPED}#${shipped.key}`,
      });
      await expect(publishDraft(test.db, teacher, id, { leaveOutUnreviewed: true })).rejects.toThrow(
        new RegExp(`${SHIPPED}#${shipped.key}`),
      );
      expect((await test.db.fact.findUniqueOrThrow({ where: { id: shipped.id } })).supersededById).toBeNull();

      const { slug, article } = await publishImport(teacher);
      const own = article.facts[0]!;
      await publishImport(teacher, "Council, later", `${slug}#${own.key}`);
      expect((await test.db.fact.findUniqueOrThrow({ where: { id: own.id } })).supersededById).not.toBeNull();
    });
  });

  it("an admin cannot reset another admin's password or disable them", async () => {
    const admin = await makeUser(test.db, "ADMIN");
    const otherAdmin = await makeUser(test.db, "ADMIN");
    const teacher = await makeUser(test.db, "TEACHER");
    const before = await test.db.user.findUniqueOrThrow({ where: { id: otherAdmin.id } });
    await rejectsWith(adminResetPassword(test.db, admin, otherAdmin.id), "forbidden");
    await rejectsWith(setUserDisabled(test.db, admin, otherAdmin.id, true), "forbidden");
    expect(await test.db.user.findUniqueOrThrow({ where: { id: otherAdmin.id } })).toMatchObject({
      passwordHash: before.passwordHash,
      sessionVersion: before.sessionVersion,
      disabledAt: null,
    });
    expect(typeof (await adminResetPassword(test.db, admin, teacher.id))).toBe("string");
  });
});
