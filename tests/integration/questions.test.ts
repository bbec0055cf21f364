import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { editQuestion } from "@/lib/sets/mutations";

import { makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const SLUG = "istanbul-talks-2025-05-16";

describe(`stored questions on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let root: string;
  const factsFile = () => path.join(root, "articles", SLUG, "facts.yaml");

  beforeAll(async () => {
    test = await createTestDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), "quizwire-content-"));
    cpSync("content", root, { recursive: true });
    await syncContent(test.db, loadContent(root));
  });
  afterAll(async () => {
    await test.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("stores a pool of at least 80 served questions of all six types, and a default quiz of 10 to 15", async () => {
    const served = await test.db.question.groupBy({ by: ["type"], where: { status: "SERVED" }, _count: true });
    expect(served.map((g) => g.type).sort()).toEqual([
      "FILL_BLANK",
      "MATCHING",
      "MULTIPLE_CHOICE",
      "NUMERIC",
      "ORDERING",
      "TRUE_FALSE",
    ]);
    expect(served.reduce((sum, g) => sum + g._count, 0)).toBeGreaterThanOrEqual(80);
    const heldBack = await test.db.question.findMany({
      where: { status: "HELD_BACK" },
      select: { heldBackReason: true },
    });
    for (const q of heldBack) expect(q.heldBackReason).toBeTruthy();

    const quiz = await test.db.questionSet.findFirstOrThrow({
      where: { kind: "ARTICLE", article: { slug: SLUG } },
      include: { items: { include: { question: { include: { facts: true } } } } },
    });
    expect(quiz.items.length).toBeGreaterThanOrEqual(10);
    expect(quiz.items.length).toBeLessThanOrEqual(15);
    for (const item of quiz.items) expect(item.question.status).toBe("SERVED");
    const factIds = quiz.items.flatMap((item) => item.question.facts.map((f) => f.factId));
    expect(new Set(factIds).size).toBe(factIds.length);
  });

  it("every question records the facts it tests, and its options", async () => {
    const questions = await test.db.question.findMany({ include: { facts: true, options: true } });
    for (const q of questions) {
      expect(q.facts.length, q.key).toBeGreaterThan(0);
      if (q.type === "MULTIPLE_CHOICE" && q.status === "SERVED") {
        expect(q.options).toHaveLength(4);
        expect(q.options.filter((o) => o.isCorrect)).toHaveLength(1);
      }
    }
  });

  it("keeps the same rows (same ids) when nothing changed", async () => {
    const before = await test.db.question.findMany({
      orderBy: { key: "asc" },
      select: { id: true, key: true, version: true },
    });
    const report = await syncContent(test.db, loadContent(root));
    expect(report.questions).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(
      await test.db.question.findMany({ orderBy: { key: "asc" }, select: { id: true, key: true, version: true } }),
    ).toEqual(before);
  });

  it("gives a changed fact's questions a new version, and earlier answers keep the version they answered", async () => {
    const fact = await test.db.fact.findFirstOrThrow({
      where: { answer: "Hakan Fidan", quote: { contains: "chaired" } },
    });
    const question = await test.db.question.findFirstOrThrow({
      where: { type: "MULTIPLE_CHOICE", facts: { some: { factId: fact.id } } },
    });
    const student = await makeUser(test.db, "STUDENT");
    const set = await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } });
    const attempt = await test.db.attempt.create({ data: { userId: student.id, setId: set.id, number: 1 } });
    await test.db.response.create({
      data: {
        attemptId: attempt.id,
        questionId: question.id,
        questionVersion: question.version,
        clientId: "c-1",
        answer: "{}",
        isCorrect: true,
        score: 1,
        answeredAt: new Date(),
      },
    });

    const text = readFileSync(factsFile(), "utf8");
    const edited = text.replace(`relation: ${fact.relation}\n`, `relation: presided over\n`);
    expect(edited).not.toBe(text);
    writeFileSync(factsFile(), edited);
    const report = await syncContent(test.db, loadContent(root));
    expect(report.questions.updated).toBeGreaterThan(0);

    const after = await test.db.question.findUniqueOrThrow({
      where: { id: question.id },
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(after.version).toBe(question.version + 1);
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(after.versions[0]!.snapshot)).toMatchObject({ key: question.key, stem: question.stem });
    const response = await test.db.response.findUniqueOrThrow({ where: { clientId: "c-1" } });
    expect(response.questionVersion).toBe(1);
    writeFileSync(factsFile(), text);
  });

  it("a teacher's own version follows its original's regenerated content, keeps the teacher's wording, and retires with it", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const fact = await test.db.fact.findFirstOrThrow({
      where: { answer: "Hakan Fidan", quote: { contains: "chaired" } },
    });
    const original = await test.db.question.findFirstOrThrow({
      where: { type: "MULTIPLE_CHOICE", copyOfId: null, facts: { some: { factId: fact.id } } },
    });
    const wording = { stem: "In my words: who chaired the talks?", explanation: "The article says so." };
    await editQuestion(test.db, teacher, original.id, wording);
    const copy = await test.db.question.findFirstOrThrow({ where: { copyOfId: original.id, ownerId: teacher.id } });

    const text = readFileSync(factsFile(), "utf8");
    writeFileSync(factsFile(), text.replace(`relation: ${fact.relation}\n`, `relation: was chaired by\n`));
    await syncContent(test.db, loadContent(root));
    const options = (id: string) =>
      test.db.questionOption.findMany({
        where: { questionId: id },
        orderBy: { position: "asc" },
        select: { text: true, isCorrect: true },
      });
    const [after, afterCopy] = await Promise.all([
      test.db.question.findUniqueOrThrow({ where: { id: original.id } }),
      test.db.question.findUniqueOrThrow({ where: { id: copy.id }, include: { versions: true } }),
    ]);
    expect(after.version).toBeGreaterThan(original.version);
    expect(afterCopy).toMatchObject({
      version: 2,
      stem: wording.stem,
      status: "SERVED",
      contentHash: after.contentHash,
    });
    expect(afterCopy.versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(await options(copy.id)).toEqual(await options(original.id));

    // The fact leaves its file: the original and the teacher's version are retired together.
    const start = text.indexOf(`  - id: ${fact.key}\n`);
    const next = text.indexOf("\n  - id: ", start + 1);
    writeFileSync(factsFile(), text.slice(0, start) + (next === -1 ? "" : text.slice(next + 1)));
    await syncContent(test.db, loadContent(root));
    expect((await test.db.question.findUniqueOrThrow({ where: { id: copy.id } })).status).toBe("RETIRED");
    writeFileSync(factsFile(), text);
    await syncContent(test.db, loadContent(root));
  });

  it("retires the questions of a removed fact instead of deleting them", async () => {
    const fact = await test.db.fact.findFirstOrThrow({ where: { answer: "Rustem Umerov" }, orderBy: { key: "asc" } });
    const questions = await test.db.question.findMany({
      where: { facts: { some: { factId: fact.id } } },
      select: { id: true },
    });
    expect(questions.length).toBeGreaterThan(0);
    const text = readFileSync(factsFile(), "utf8");
    const start = text.indexOf(`  - id: ${fact.key}\n`);
    const next = text.indexOf("\n  - id: ", start + 1);
    writeFileSync(factsFile(), text.slice(0, start) + (next === -1 ? "" : text.slice(next + 1)));
    await syncContent(test.db, loadContent(root));
    const after = await test.db.question.findMany({
      where: { id: { in: questions.map((q) => q.id) } },
      select: { status: true },
    });
    expect(after).toHaveLength(questions.length);
    for (const q of after) expect(q.status).toBe("RETIRED");
    writeFileSync(factsFile(), text);
    await syncContent(test.db, loadContent(root));
  });
});
