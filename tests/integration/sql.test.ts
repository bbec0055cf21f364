import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sqlOf } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db-provider";
import { asDate, SqlConflict, SqlUniqueViolation, type Sql } from "@/lib/db/sql";

import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

// The hand-written SQL beside Prisma (lib/db/sql.ts), on the engine under test: each batch is
// all or nothing even when many are written together, and what it writes Prisma reads back.
describe(`hand-written SQL on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let sql: Sql;
  const insert = (key: string, value = "v") => ({
    text: `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`,
    params: [key, value, new Date("2026-03-29T01:30:00.123Z")],
  });

  beforeAll(async () => {
    test = await createTestDatabase();
    sql = sqlOf(test.db);
  });
  afterAll(() => test.drop());

  it("writes many batches at once, each whole or not at all", async () => {
    await sql.batch([insert("taken")]);
    const outcomes = await Promise.allSettled([
      sql.batch([insert("a1"), insert("a2")]),
      // Its first row would be new, its second is taken: neither may stay.
      sql.batch([insert("b1"), insert("taken")]),
      sql.batch([insert("c1")]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(SqlUniqueViolation);
    const keys = (await test.db.setting.findMany({ orderBy: { key: "asc" } })).map((s) => s.key);
    expect(keys).toEqual(["a1", "a2", "c1", "taken"]);
  });

  it("undoes a batch whose update finds another row than it expected", async () => {
    await sql.batch([insert("counter", "1")]);
    const stale = {
      text: `UPDATE "Setting" SET "value" = ? WHERE "key" = ? AND "value" = ?`,
      params: ["3", "counter", "2"],
      expectChanges: 1,
    };
    await expect(sql.batch([insert("with-stale"), stale])).rejects.toBeInstanceOf(SqlConflict);
    expect(await test.db.setting.findUnique({ where: { key: "with-stale" } })).toBeNull();
    expect((await test.db.setting.findUniqueOrThrow({ where: { key: "counter" } })).value).toBe("1");
  });

  it("decides a batch by its first failing statement and undoes all of it, the statements after it too", async () => {
    await sql.batch([insert("first-taken"), insert("first-counter", "1")]);
    const stale = {
      text: `UPDATE "Setting" SET "value" = ? WHERE "key" = ? AND "value" = ?`,
      params: ["3", "first-counter", "2"],
      expectChanges: 1,
    };
    // On PostgreSQL the whole batch is sent at once: the taken key after the stale check fails
    // too, but the stale check came first and decides.
    await expect(sql.batch([insert("first-new"), stale, insert("first-taken")])).rejects.toBeInstanceOf(SqlConflict);
    await expect(sql.batch([insert("second-new"), insert("first-taken"), stale])).rejects.toBeInstanceOf(
      SqlUniqueViolation,
    );
    const keys = (await test.db.setting.findMany()).map((s) => s.key);
    expect(keys).not.toContain("first-new");
    expect(keys).not.toContain("second-new");
    // The connection is clean afterwards: the next batch commits.
    expect(await sql.batch([insert("after")])).toEqual([1]);
  });

  it("commits batches that may share a commit together, a failing one undone alone", async () => {
    await sql.batch([insert("group-taken"), insert("group-counter", "1")]);
    const bump = (from: string, to: string) => ({
      text: `UPDATE "Setting" SET "value" = ? WHERE "key" = ? AND "value" = ?`,
      params: [to, "group-counter", from],
      expectChanges: 1,
    });
    // Asked for at once: on PostgreSQL one transaction, sent again without a batch that fails
    // (SQLite's group commit takes every batch anyway).
    const outcomes = await Promise.allSettled([
      sql.batch([insert("group-1")], { groupKey: "b" }),
      sql.batch([insert("group-2"), insert("group-taken")], { groupKey: "a" }),
      sql.batch([insert("group-3"), bump("1", "2")], { groupKey: "c" }),
      // Read the counter when the one before did: it finds the row changed and is undone.
      sql.batch([insert("group-4"), bump("1", "3")], { groupKey: "d" }),
      sql.batch([insert("group-5")], { groupKey: "a" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(SqlUniqueViolation);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(SqlConflict);
    expect((outcomes[2] as PromiseFulfilledResult<number[]>).value).toEqual([1, 1]);
    const keys = (await test.db.setting.findMany({ where: { key: { startsWith: "group-" } } })).map((s) => s.key);
    expect(keys.sort()).toEqual(["group-1", "group-3", "group-5", "group-counter", "group-taken"]);
    expect((await test.db.setting.findUniqueOrThrow({ where: { key: "group-counter" } })).value).toBe("2");
    // The connection is clean afterwards.
    expect(await sql.batch([insert("group-after")], { groupKey: "a" })).toEqual([1]);
  });

  it("keeps a group's statements usable after a failure in it, including those it sent for the first time", async () => {
    await sql.batch([insert("fresh-taken")]);
    // Statement texts no connection has run yet, behind a batch that fails on a taken key.
    const fresh = (key: string, n: number) => ({
      text: `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?) /* fresh ${n} */`,
      params: [key, "v", new Date()],
    });
    const first = await Promise.allSettled([
      sql.batch([insert("fresh-taken")], { groupKey: "a" }),
      sql.batch([fresh("fresh-1", 1), fresh("fresh-2", 2)], { groupKey: "b" }),
    ]);
    expect(first.map((o) => o.status)).toEqual(["rejected", "fulfilled"]);
    // The same statements again, on whichever connection: each runs and is counted.
    const again = await Promise.all([
      sql.batch([fresh("fresh-3", 1)], { groupKey: "c" }),
      sql.batch([fresh("fresh-4", 2), fresh("fresh-5", 1)], { groupKey: "d" }),
    ]);
    expect(again).toEqual([[1], [1, 1]]);
    const keys = (await test.db.setting.findMany({ where: { key: { startsWith: "fresh-" } } })).map((s) => s.key);
    expect(keys.sort()).toEqual(["fresh-1", "fresh-2", "fresh-3", "fresh-4", "fresh-5", "fresh-taken"]);
  });

  it("fails alone a statement that cannot run (a mistake in its SQL), among reads and among batches sharing a commit", async () => {
    await sql.batch([insert("mistake-1", "one"), insert("mistake-2", "two")]);
    const read = (key: string) => sql.one<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = ?`, [key]);
    // Asked for together: on PostgreSQL one pipeline, where the table that does not exist fails
    // before any of them runs.
    const reads = await Promise.allSettled([
      read("mistake-1"),
      sql.one(`SELECT "value" FROM "NoSuchTable" WHERE "key" = ?`, ["mistake-1"]),
      read("mistake-2"),
    ]);
    expect(reads.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((reads[2] as PromiseFulfilledResult<unknown>).value).toEqual({ value: "two" });
    // A value the column cannot take fails as it runs, after the read before it ran, before the one after it.
    const running = await Promise.allSettled([
      read("mistake-1"),
      sql.one(`SELECT "value" FROM "Setting" WHERE "updatedAt" > ?`, ["not a date"]),
      read("mistake-2"),
    ]);
    expect(running.map((o) => o.status)).toEqual(
      TEST_PROVIDER === "postgres" ? ["fulfilled", "rejected", "fulfilled"] : ["fulfilled", "fulfilled", "fulfilled"],
    );
    expect((running[0] as PromiseFulfilledResult<unknown>).value).toEqual({ value: "one" });
    expect((running[2] as PromiseFulfilledResult<unknown>).value).toEqual({ value: "two" });

    const batches = await Promise.allSettled([
      sql.batch([insert("mistake-a")], { groupKey: "a" }),
      sql.batch([insert("mistake-b"), { text: `UPDATE "NoSuchTable" SET "x" = ?`, params: [1] }], { groupKey: "b" }),
      sql.batch([insert("mistake-c")], { groupKey: "c" }),
    ]);
    expect(batches.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const keys = (await test.db.setting.findMany({ where: { key: { startsWith: "mistake-" } } })).map((s) => s.key);
    expect(keys.sort()).toEqual(["mistake-1", "mistake-2", "mistake-a", "mistake-c"]);
    // The connections are clean afterwards.
    expect(await read("mistake-1")).toEqual({ value: "one" });
    expect(await sql.batch([insert("mistake-d")], { groupKey: "d" })).toEqual([1]);
  });

  it("runs statements joined to the next as one, counting each, and undoes them all when one finds other rows", async () => {
    await sql.batch([insert("joined-counter", "1")]);
    const bump = (from: string, to: string) => ({
      text: `UPDATE "Setting" SET "value" = ? WHERE "key" = ? AND "value" = ?`,
      params: [to, "joined-counter", from],
      expectChanges: 1,
    });
    expect(
      await sql.batch([
        { ...insert("joined-1"), joinNext: true },
        { ...bump("1", "2"), joinNext: true },
        insert("joined-2"),
        { text: `UPDATE "Setting" SET "value" = ? WHERE "key" LIKE ?`, params: ["j", "joined-_"] },
      ]),
    ).toEqual([1, 1, 1, 2]);
    await expect(
      sql.batch([{ ...insert("joined-3"), joinNext: true }, { ...bump("1", "3"), joinNext: true }, insert("joined-4")]),
    ).rejects.toBeInstanceOf(SqlConflict);
    const keys = (await test.db.setting.findMany({ where: { key: { startsWith: "joined-" } } })).map((s) => s.key);
    expect(keys.sort()).toEqual(["joined-1", "joined-2", "joined-counter"]);
    expect((await test.db.setting.findUniqueOrThrow({ where: { key: "joined-counter" } })).value).toBe("2");
  });

  it("answers each of many statements asked for at once with its own rows, one that fails alone", async () => {
    await sql.batch([insert("many-taken", "t"), ...Array.from({ length: 20 }, (_, i) => insert(`many-${i}`, `v${i}`))]);
    const read = (i: number) =>
      sql.one<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = ?`, [`many-${i}`]);
    // More than go together on one connection on PostgreSQL, with a failing write among them.
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => read(i)),
      sql.run(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`, ["many-taken", "x", new Date()]),
      ...Array.from({ length: 10 }, (_, i) => read(i + 10)),
      sql.all<{ key: string }>(`SELECT "key" FROM "Setting" WHERE "key" LIKE ? ORDER BY "key"`, ["many-1%"]),
    ]);
    expect(outcomes[10]!.status).toBe("rejected");
    expect((outcomes[10] as PromiseRejectedResult).reason).toBeInstanceOf(SqlUniqueViolation);
    const values = outcomes
      .slice(0, 21)
      .flatMap((o, i) => (i === 10 ? [] : [(o as PromiseFulfilledResult<unknown>).value]));
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => ({ value: `v${i}` })));
    expect((outcomes[21] as PromiseFulfilledResult<{ key: string }[]>).value.map((r) => r.key)).toEqual([
      "many-1",
      ...Array.from({ length: 10 }, (_, i) => `many-1${i}`),
    ]);
    // The connections are clean afterwards.
    expect(await sql.one(`SELECT "value" FROM "Setting" WHERE "key" = ?`, ["many-taken"])).toEqual({ value: "t" });
  });

  it("runs a PostgreSQL-only row lock there and skips it on SQLite, in the same batch", async () => {
    await sql.batch([insert("locked")]);
    const changes = await sql.batch([
      { text: `SELECT 1 FROM "Setting" WHERE "key" = ? FOR UPDATE`, params: ["locked"], postgresOnly: true },
      { text: `UPDATE "Setting" SET "value" = ? WHERE "key" = ?`, params: ["w", "locked"], expectChanges: 1 },
    ]);
    expect(changes[1]).toBe(1);
    expect((await test.db.setting.findUniqueOrThrow({ where: { key: "locked" } })).value).toBe("w");
  });

  it("writes dates Prisma reads back to the millisecond, and reads Prisma's", async () => {
    await sql.batch([insert("dated")]);
    const viaPrisma = await test.db.setting.findUniqueOrThrow({ where: { key: "dated" } });
    expect(viaPrisma.updatedAt.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    const at = new Date("2025-10-26T00:59:59.999Z");
    await test.db.setting.create({ data: { key: "prisma", value: "p", updatedAt: at } });
    const row = await sql.one<{ updatedAt: unknown }>(`SELECT "updatedAt" FROM "Setting" WHERE "key" = ?`, ["prisma"]);
    expect(asDate(row!.updatedAt).toISOString()).toBe(at.toISOString());
    // Compared in SQL as Prisma writes them: the text forms sort as the instants do.
    const later = await sql.all<{ key: string }>(`SELECT "key" FROM "Setting" WHERE "updatedAt" > ? ORDER BY "key"`, [
      new Date("2026-01-01T00:00:00.000Z"),
    ]);
    expect(later.map((r) => r.key)).not.toContain("prisma");
    expect(later.map((r) => r.key)).toContain("dated");
  });

  // Another process of the cluster holding SQLite's write lock for longer than the 5 s a group
  // commit used to wait (under a join storm on a loaded machine): the group waits for it, as
  // a queue would, instead of failing every join and answer in it with "database is locked".
  it.runIf(TEST_PROVIDER === "sqlite")(
    "waits for another process's write lock held longer than 5 s, then commits",
    async () => {
      await sql.batch([insert("before-lock")]);
      const other = new Database(sqliteFilePath(test.url));
      other.prepare("BEGIN IMMEDIATE").run();
      other.prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('other', 'o', '2026-01-01')`).run();
      const started = Date.now();
      const written = sql.batch([insert("while-locked")]);
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      other.prepare("COMMIT").run();
      other.close();
      await expect(written).resolves.toEqual([1]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5_500);
      const keys = (await test.db.setting.findMany({ where: { key: { in: ["other", "while-locked"] } } })).map(
        (s) => s.key,
      );
      expect(keys.sort()).toEqual(["other", "while-locked"]);
    },
    20_000,
  );
});
