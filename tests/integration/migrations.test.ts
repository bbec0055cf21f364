import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, sqlOf } from "@/lib/db/client";
import { migrationNames, readMigrationStatus } from "@/lib/db/migration-status";
import { migrate, readMigrations } from "@/scripts/lib/migrations";
import { diffDatabaseToModels } from "@/scripts/lib/schema-diff";
import { writeSchemas } from "@/scripts/lib/prisma-schemas";

import { emptyDatabaseUrl, TEST_PROVIDER } from "./test-db";

describe(`migrations on ${TEST_PROVIDER}`, () => {
  let database: Awaited<ReturnType<typeof emptyDatabaseUrl>>;
  beforeAll(async () => {
    writeSchemas();
    database = await emptyDatabaseUrl();
  });
  afterAll(() => database.remove());

  it("apply to an empty database, then have nothing left to apply", async () => {
    const first = await migrate(database.url);
    expect(first.applied).toEqual(readMigrations(TEST_PROVIDER).map((m) => m.name));
    const second = await migrate(database.url);
    expect(second).toEqual({ provider: TEST_PROVIDER, applied: [], changed: [] });
  });

  it("build exactly the schema of prisma/models.prisma (run npm run db:migration:create -- <name> if not)", async () => {
    expect(await diffDatabaseToModels(database.url)).toBe("");
  });
});

describe(`migrating a database that holds data, on ${TEST_PROVIDER}`, () => {
  let database: Awaited<ReturnType<typeof emptyDatabaseUrl>>;
  beforeAll(async () => {
    database = await emptyDatabaseUrl();
  });
  afterAll(() => database.remove());

  // Rows in every table a later migration rebuilds, written with the first migration's schema.
  const ROWS = [
    `INSERT INTO "User" ("id", "role", "displayName", "username", "createdAt", "updatedAt") VALUES ('u1', 'STUDENT', 'S', 's-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "Article" ("id", "slug", "title", "outlet", "publishedOn", "body", "createdAt", "updatedAt") VALUES ('a1', 'a', 'A', 'O', CURRENT_TIMESTAMP, 'Body', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "Fact" ("id", "articleId", "key", "subject", "relation", "answer", "answerType", "quote", "asOf", "contentHash", "createdAt", "updatedAt") VALUES ('f1', 'a1', 'k', 's', 'r', 'x', 'PERSON', 'Body', CURRENT_TIMESTAMP, 'h', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "Question" ("id", "articleId", "type", "key", "generatorVersion", "stem", "explanation", "quote", "createdAt", "updatedAt") VALUES ('q1', 'a1', 'MULTIPLE_CHOICE', 'qk', 1, 'Stem?', 'E', 'Body', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "QuestionOption" ("id", "questionId", "position", "text", "isCorrect") VALUES ('o1', 'q1', 0, 'x', true)`,
    `INSERT INTO "QuestionFact" ("questionId", "factId") VALUES ('q1', 'f1')`,
    `INSERT INTO "QuestionVersion" ("id", "questionId", "version", "stem", "explanation", "createdAt") VALUES ('v1', 'q1', 1, 'Stem?', 'E', CURRENT_TIMESTAMP)`,
    `INSERT INTO "QuestionSet" ("id", "title", "kind", "createdAt", "updatedAt") VALUES ('s1', 'Set', 'CUSTOM', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "QuestionSetItem" ("id", "setId", "questionId", "position") VALUES ('i1', 's1', 'q1', 0)`,
    `INSERT INTO "Attempt" ("id", "userId", "setId", "number", "startedAt") VALUES ('t1', 'u1', 's1', 1, CURRENT_TIMESTAMP)`,
    `INSERT INTO "Response" ("id", "attemptId", "questionId", "questionVersion", "clientId", "answer", "isCorrect", "score", "answeredAt", "receivedAt") VALUES ('r1', 't1', 'q1', 1, 'c1', '{}', true, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    `INSERT INTO "QuestionReport" ("id", "questionId", "userId", "reason", "createdAt") VALUES ('p1', 'q1', 'u1', 'UNCLEAR', CURRENT_TIMESTAMP)`,
    `INSERT INTO "ReviewState" ("id", "userId", "factId", "due", "stability", "difficulty", "reps", "state", "lastReview", "updatedAt") VALUES ('m1', 'u1', 'f1', CURRENT_TIMESTAMP, 3, 5, 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
  ];
  const TABLES = [
    "User",
    "Article",
    "Fact",
    "Question",
    "QuestionOption",
    "QuestionFact",
    "QuestionVersion",
    "QuestionSet",
    "QuestionSetItem",
    "Attempt",
    "Response",
    "QuestionReport",
    "ReviewState",
  ];

  it("keeps every row through every later migration", async () => {
    const [first, ...rest] = readMigrations(TEST_PROVIDER);
    await migrate(database.url, { until: first!.name });
    const db = createDb(database.url);
    try {
      for (const sql of ROWS) await db.$executeRawUnsafe(sql);
      const applied = await migrate(database.url);
      expect(applied.applied).toEqual(rest.map((m) => m.name));
      for (const table of TABLES) {
        const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
        expect(Number(row!.n), table).toBe(1);
      }
      // The memory learns whether its latest answer was right (it was: a Good rating).
      const [memory] = await db.$queryRawUnsafe<{ lastRating: number | bigint }[]>(
        `SELECT "lastRating" FROM "ReviewState" WHERE "id" = 'm1'`,
      );
      expect(Number(memory!.lastRating)).toBe(3);
    } finally {
      await db.$disconnect();
    }
  });
});

// What /api/health reports: a server of this build is unready until the database has every
// one of its migrations.
describe(`the migration status /api/health reports, on ${TEST_PROVIDER}`, () => {
  let database: Awaited<ReturnType<typeof emptyDatabaseUrl>>;
  beforeAll(async () => {
    database = await emptyDatabaseUrl();
  });
  afterAll(() => database.remove());

  const statusOf = async () => {
    const db = createDb(database.url);
    try {
      return await readMigrationStatus(sqlOf(db), TEST_PROVIDER);
    } finally {
      await db.$disconnect();
    }
  };

  it("is behind by every migration on an empty database, by the newer ones on an older one, and current after db:migrate", async () => {
    const names = migrationNames(TEST_PROVIDER);
    expect(await statusOf()).toEqual({ current: false, pending: names });

    await migrate(database.url, { until: names[0] });
    expect(await statusOf()).toEqual({ current: false, pending: names.slice(1) });

    await migrate(database.url);
    expect(await statusOf()).toEqual({ current: true, pending: [] });
  });
});
