import { randomUUID } from "node:crypto";

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeAssignment, createAssignment, updateAssignment } from "@/lib/assignments/mutations";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { assignmentCsvRows, findAssignmentResults } from "@/lib/results/queries";
import {
  createSet,
  editQuestion,
  renameSet,
  reorderSet,
  retireQuestion,
  setSetShared,
  shuffleSet,
} from "@/lib/sets/mutations";
import { findVisibleSet, listTeacherSets } from "@/lib/sets/queries";

import { enrol, makeClass, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const SLUG = "istanbul-talks-2025-05-16";

describe(`teaching on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let served: { id: string; type: string }[];

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    served = await test.db.question.findMany({
      where: { status: "SERVED", type: "MULTIPLE_CHOICE" },
      orderBy: { key: "asc" },
      take: 5,
      select: { id: true, type: true },
    });
  });
  afterAll(() => test.drop());

  const assignmentInput = (classId: string, setId: string) => ({
    classId,
    setId,
    title: "Homework",
    opensAt: "2026-03-02T08:00",
    dueAt: "2026-03-09T17:00",
    maxAttempts: 2,
    feedbackPolicy: "IMMEDIATE" as const,
    timeZone: "Europe/Istanbul",
  });

  it("builds sets from picked questions or whole articles; only the owner changes them", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const picked = await createSet(test.db, teacher, {
      title: "Picked",
      questionIds: served.map((q) => q.id),
      shared: false,
    });
    const whole = await createSet(test.db, teacher, {
      title: "Whole",
      questionIds: [],
      articleSlugs: [SLUG],
      shared: false,
    });
    expect((await findVisibleSet(test.db, teacher, whole.id))!.items.length).toBe(
      await test.db.question.count({ where: { status: "SERVED" } }),
    );

    expect(await findVisibleSet(test.db, other, picked.id)).toBeNull();
    expect((await listTeacherSets(test.db, other)).map((s) => s.id)).not.toContain(picked.id);
    await rejectsWith(renameSet(test.db, other, picked.id, "Mine"), "not_found");
    await rejectsWith(reorderSet(test.db, other, picked.id, served.map((q) => q.id).reverse()), "not_found");
    await rejectsWith(shuffleSet(test.db, other, picked.id), "not_found");
    await rejectsWith(setSetShared(test.db, other, picked.id, true), "not_found");

    await reorderSet(test.db, teacher, picked.id, served.map((q) => q.id).reverse());
    expect((await findVisibleSet(test.db, teacher, picked.id))!.items.map((i) => i.question.id)).toEqual(
      served.map((q) => q.id).reverse(),
    );
    await setSetShared(test.db, teacher, picked.id, true);
    expect(await findVisibleSet(test.db, other, picked.id)).not.toBeNull();
    await rejectsWith(createSet(test.db, teacher, { title: "Empty", questionIds: [], shared: false }), "invalid_input");
  });

  it("assigns with dates in the teacher's zone stored in UTC; another teacher cannot assign to, change or close it", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const otherClass = await makeClass(test.db, other.id);
    const set = await createSet(test.db, teacher, {
      title: "Set",
      questionIds: served.map((q) => q.id),
      shared: false,
    });

    await rejectsWith(createAssignment(test.db, other, assignmentInput(classroom.id, set.id)), "not_found");
    await rejectsWith(createAssignment(test.db, other, assignmentInput(otherClass.id, set.id)), "not_found");
    const assignment = await createAssignment(test.db, teacher, assignmentInput(classroom.id, set.id));
    const stored = await test.db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    // Istanbul is UTC+3.
    expect(stored.opensAt.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(stored.dueAt!.toISOString()).toBe("2026-03-09T14:00:00.000Z");

    await rejectsWith(
      updateAssignment(test.db, other, assignment.id, { ...assignmentInput(classroom.id, set.id), title: "Hijacked" }),
      "not_found",
    );
    await rejectsWith(closeAssignment(test.db, other, assignment.id), "not_found");
    expect(await findAssignmentResults(test.db, other, assignment.id)).toBeNull();
    expect(await assignmentCsvRows(test.db, other, assignment.id)).toBeNull();
    await updateAssignment(test.db, teacher, assignment.id, {
      ...assignmentInput(classroom.id, set.id),
      maxAttempts: 3,
    });
    await closeAssignment(test.db, teacher, assignment.id);
    expect(await test.db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      maxAttempts: 3,
      closedAt: expect.any(Date),
    });
  });

  it("shows each student's answers in the results and the CSV, one row per student per question", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const [ana, ben, cy] = [
      await makeUser(test.db, "STUDENT", "Ana"),
      await makeUser(test.db, "STUDENT", "Ben"),
      await makeUser(test.db, "STUDENT", "Cy"),
    ];
    for (const s of [ana, ben, cy]) await enrol(test.db, classroom.id, s.id);
    const set = await createSet(test.db, teacher, {
      title: "Set",
      questionIds: served.map((q) => q.id),
      shared: false,
    });
    const assignment = await createAssignment(test.db, teacher, {
      ...assignmentInput(classroom.id, set.id),
      opensAt: "2020-01-01T00:00",
      dueAt: "2099-01-01T00:00",
    });

    const answerAll = async (student: typeof ana, right: boolean) => {
      const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assignment.id });
      for (const q of served) {
        const option = await test.db.questionOption.findFirstOrThrow({ where: { questionId: q.id, isCorrect: right } });
        await recordAnswer(test.db, student, {
          clientId: randomUUID(),
          attemptId,
          questionId: q.id,
          answer: { type: "MULTIPLE_CHOICE", position: option.position },
          answeredAt: new Date().toISOString(),
        });
      }
    };
    await answerAll(ana, true);
    await answerAll(ben, false);

    const results = (await findAssignmentResults(test.db, teacher, assignment.id))!;
    expect(results.students.map((s) => [s.displayName, s.status, s.score])).toEqual([
      ["Ana", "done", 1],
      ["Ben", "done", 0],
      ["Cy", "not started", null],
    ]);
    for (const q of results.questions) {
      expect(q).toMatchObject({ answered: 2, right: 1, shareRight: 0.5 });
      expect(q.mostChosenWrong?.count).toBe(1);
    }
    // Who knows each fact now: Ana (right) does, Ben (wrong, just now) does not, Cy never answered.
    for (const fact of results.facts) {
      expect(fact.studied).toBe(2);
      expect(fact.mastery).toBeGreaterThan(0.3);
      expect(fact.mastery).toBeLessThanOrEqual(1 / 3);
    }
    expect(JSON.stringify(results.projector)).not.toMatch(/Ana|Ben|Cy/);

    const csv = (await assignmentCsvRows(test.db, teacher, assignment.id))!;
    const rows = parse(stringify(csv.rows, { bom: true, escape_formulas: true }), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(3 * served.length);
    expect(rows.filter((r) => r.student === "Ana" && r.correct === "yes")).toHaveLength(served.length);
    expect(rows.filter((r) => r.student === "Cy").every((r) => r.correct === "")).toBe(true);

    const gradebook = (await assignmentCsvRows(test.db, teacher, assignment.id, "gradebook"))!.rows;
    expect(gradebook.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ["Ana", expect.any(String), "done", "100%", String(served.length)],
      ["Ben", expect.any(String), "done", "0%", String(served.length)],
      ["Cy", expect.any(String), "not started", "", ""],
    ]);
  });

  it("rewords a question as a new version and retires one for good (an admin, for shipped content)", async () => {
    const teacher = await makeUser(test.db, "ADMIN");
    const question = served[0]!;
    const before = await test.db.question.findUniqueOrThrow({ where: { id: question.id } });
    const { version } = await editQuestion(test.db, teacher, question.id, {
      stem: "Reworded: who chaired it?",
      explanation: "Because the article says so.",
    });
    expect(version).toBe(before.version + 1);
    const versions = await test.db.questionVersion.findMany({
      where: { questionId: question.id },
      orderBy: { version: "asc" },
    });
    expect(versions.at(-1)).toMatchObject({ stem: "Reworded: who chaired it?", editedById: teacher.id });

    const articleQuiz = await test.db.questionSet.findFirstOrThrow({
      where: { kind: "ARTICLE" },
      include: { items: true },
    });
    const inQuiz = articleQuiz.items[0]!.questionId;
    await retireQuestion(test.db, teacher, inQuiz);
    // Loading the content again keeps both decisions.
    await syncContent(test.db, loadContent("content"));
    expect(await test.db.question.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({
      stem: "Reworded: who chaired it?",
    });
    expect(await test.db.question.findUniqueOrThrow({ where: { id: inQuiz } })).toMatchObject({
      status: "RETIRED",
      retiredById: teacher.id,
    });
    expect(await test.db.questionSetItem.count({ where: { setId: articleQuiz.id, questionId: inQuiz } })).toBe(0);
  });

  it("leaves the questions of a teacher's unshared import to that teacher", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const admin = await makeUser(test.db, "ADMIN");
    const article = await test.db.article.create({
      data: {
        slug: `private-${randomUUID().slice(0, 8)}`,
        title: "Private import",
        outlet: "Wire",
        publishedOn: new Date("2025-06-01"),
        body: "Body.",
        source: "IMPORT",
        ownerId: owner.id,
        shared: false,
      },
    });
    const question = await test.db.question.create({
      data: {
        articleId: article.id,
        type: "FILL_BLANK",
        key: `private-${article.id}`,
        generatorVersion: 1,
        stem: "Who chairs it?",
        explanation: "The article says so.",
        quote: "Body.",
        answerText: "Ada",
      },
    });
    const reworded = { stem: "Who chairs it now?", explanation: "The article says so." };
    for (const stranger of [other, admin]) {
      await rejectsWith(retireQuestion(test.db, stranger, question.id), "not_found");
      await rejectsWith(editQuestion(test.db, stranger, question.id, reworded), "not_found");
    }
    expect(await test.db.question.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({
      status: "SERVED",
      version: 1,
      stem: "Who chairs it?",
    });
    expect(await editQuestion(test.db, owner, question.id, reworded)).toMatchObject({ version: 2, ownVersion: false });
    await retireQuestion(test.db, owner, question.id);
  });
});
