// Hand-written SQL for the few paths every request or answer takes (reading the session's
// user, recording an answer), on the same database the Prisma client uses. Prisma spends
// 0.1 to 1.5 ms interpreting each query; a cached prepared statement on better-sqlite3 takes
// about 5 µs. The SQL is written once for both engines: quoted identifiers, `?` placeholders
// (numbered for PostgreSQL here), dates as ISO text, booleans read back through asBoolean.
import "server-only";

import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";

import Database from "better-sqlite3";
import pg from "pg";

import { sqliteFilePath } from "@/lib/db-provider";

export type SqlValue = string | number | boolean | null | Date;

export interface SqlStatement {
  text: string;
  params: readonly SqlValue[];
  /** The rows it must change; otherwise the batch is rolled back with SqlConflict. */
  expectChanges?: number;
  /**
   * Run on PostgreSQL only: a row lock (`SELECT ... FOR UPDATE`) that orders concurrent
   * batches there. SQLite skips it (0 changes): its group commit writes one batch at a time.
   */
  postgresOnly?: boolean;
  /** Run on SQLite only (PostgreSQL skips it: 0 changes). */
  sqliteOnly?: boolean;
  /**
   * On PostgreSQL, run as one statement with the next (a WITH query): one parse, plan and
   * execution instead of one each. Neither sees the other's rows, so mark only statements
   * that do not read what the other writes. SQLite runs them one after the other anyway.
   */
  joinNext?: boolean;
}

export interface BatchOptions {
  /**
   * The batch may share its commit with others (PostgreSQL's group commit, below; SQLite's
   * group commit takes every batch): batches sent together take their row locks in the order
   * of this key (an answer's attempt), so that two groups never wait for each other.
   */
  groupKey?: string;
}

export interface Sql {
  all<T>(text: string, params: readonly SqlValue[]): Promise<T[]>;
  one<T>(text: string, params: readonly SqlValue[]): Promise<T | undefined>;
  /** Changes made outside a batch: the rows changed. */
  run(text: string, params: readonly SqlValue[]): Promise<number>;
  /** The statements in one transaction, all or none; resolves to the rows each changed. */
  batch(statements: readonly SqlStatement[], options?: BatchOptions): Promise<number[]>;
  close(): Promise<void>;
}

/** A write met a unique key that is taken: the row it wanted exists now. */
export class SqlUniqueViolation extends Error {
  override name = "SqlUniqueViolation";

  // As SqlConflict's below: the database client throws the copy of whichever route's bundle
  // opened it (a guest's taken nickname, met by a live join's batch, escaped as a 500).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "SqlUniqueViolation";
  }
}

/** A statement in a batch changed other rows than it expected: someone wrote first. */
export class SqlConflict extends Error {
  override name = "SqlConflict";

  // Next bundles this module into each route's code, and the database client (one per process)
  // throws the copy of whichever route opened it: `instanceof` must hold for every copy, or a
  // conflict escapes its catch as a 500 (a live answer arriving as its question closed did).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "SqlConflict";
  }
}

// The format Prisma's SQLite adapter writes (and PostgreSQL's timestamp reads as UTC), so
// dates written here sort and compare with Prisma's in SQL.
function toText(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}

/** A DateTime column as read: text on SQLite, a Date on PostgreSQL. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function asNullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}

/** A Boolean column as read: 0 or 1 on SQLite. */
export function asBoolean(value: unknown): boolean {
  return value === true || value === 1;
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

// How long a read on the main thread retries while another connection holds SQLite's write
// lock. The wait is asynchronous: better-sqlite3's own busy timeout would block the event loop,
// and with it the Prisma transaction in this process that holds the lock.
const SQLITE_BUSY_RETRY_MS = 5000;

/**
 * How long a group commit waits for SQLite's write lock (the writer thread's busy_timeout, or
 * the main thread's retries where no thread could start). The other processes of a cluster hold
 * it for their own groups, and SQLite's busy handler is not a queue: under a join storm on a
 * loaded machine a writer missed the lock for more than 5 s and every join and answer of its
 * group failed with "database is locked". Waiting holds up nothing but this process's queue of
 * writes (the event loop runs on), and those writes would otherwise fail; the wait stays under
 * the minute a proxy in front allows a request, so a lock that is never released still ends in
 * an error a user sees.
 */
export const SQLITE_WRITE_BUSY_MS = 30_000;

function sqliteError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY")
    return new SqlUniqueViolation((error as Error).message);
  return error;
}

/** SQL on a SQLite file, on a connection of its own beside Prisma's. */
export function createSqliteSql(url: string): Sql {
  // Opened on first use, as Prisma's is: importing the app (as `next build` does) opens nothing.
  let opened: Database.Database | undefined;
  const connection = () => {
    if (!opened) {
      opened = new Database(sqliteFilePath(url), { timeout: 0 });
      // Every commit reaches the disk before it is acknowledged (SQLite's default, made explicit).
      opened.pragma("synchronous = FULL");
    }
    return opened;
  };
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = connection().prepare(text)));
    return statement;
  };
  const bind = (params: readonly SqlValue[]) =>
    params.map((p) => (p instanceof Date ? toText(p) : typeof p === "boolean" ? (p ? 1 : 0) : p));
  const runStatements = (batch: readonly SqlStatement[]) =>
    batch.map(({ text, params, expectChanges, postgresOnly }) => {
      if (postgresOnly) return 0;
      const { changes } = prepare(text).run(...bind(params));
      if (expectChanges !== undefined && changes !== expectChanges)
        throw new SqlConflict(`Expected ${expectChanges} changed rows, got ${changes}: ${text}`);
      return changes;
    });

  // Group commit: the batches that arrive while the event loop is busy (or while the last
  // group is being written) are written in one transaction, each inside a savepoint of its own
  // (so one that fails is undone alone), and acknowledged after the one commit. Each commit
  // waits for the disk (synchronous=FULL: an acknowledged answer survives a power cut), so this
  // pays that wait once per group instead of once per answer. The groups are written by a
  // thread of their own on a connection of its own (sqliteWriter): better-sqlite3 is
  // synchronous, and a commit written here held the event loop, and every request of the
  // process, for its wait on the disk. Where no thread can be started, they are written here.
  interface Pending {
    batch: readonly SqlStatement[];
    resolve(changes: number[]): void;
    reject(error: unknown): void;
  }
  let pending: Pending[] = [];
  const settle = (group: Pending[], outcomes: ({ changes: number[] } | { error: unknown })[]) =>
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if ("changes" in outcome) item.resolve(outcome.changes);
      else item.reject(outcome.error);
    });
  const writeGroup = (group: Pending[]) => {
    const outcomes: ({ changes: number[] } | { error: unknown })[] = [];
    prepare("BEGIN IMMEDIATE").run();
    try {
      for (const { batch } of group) {
        prepare("SAVEPOINT batch").run();
        try {
          outcomes.push({ changes: runStatements(batch) });
        } catch (error) {
          prepare("ROLLBACK TO batch").run();
          outcomes.push({ error: sqliteError(error) });
        }
        prepare("RELEASE batch").run();
      }
      prepare("COMMIT").run();
    } catch (error) {
      if (connection().inTransaction) prepare("ROLLBACK").run();
      throw error;
    }
    settle(group, outcomes);
  };
  let writer: SqliteWriter | null | undefined;
  let writing = false;
  const batch = (statements: readonly SqlStatement[]) =>
    new Promise<number[]>((resolve, reject) => {
      pending.push({ batch: statements, resolve, reject });
      if (pending.length === 1) setImmediate(() => void flush());
    });
  const flush = async () => {
    if (writing || pending.length === 0) return;
    const group = pending;
    pending = [];
    writing = true;
    try {
      if (writer === undefined) writer = sqliteWriter(sqliteFilePath(url));
      if (writer) {
        const written = await writer
          .write(group.map(({ batch: statements }) => statements.map((s) => ({ ...s, params: bind(s.params) }))))
          .catch((error: unknown) => {
            // The thread failed (not a statement: those come back as outcomes): write here from now on.
            console.error("SQLite writer thread failed; writing on the main thread:", error);
            void writer?.close();
            writer = null;
            return null;
          });
        if (written) settle(group, written);
        else await withBusyRetry(() => writeGroup(group), SQLITE_WRITE_BUSY_MS);
      } else {
        await withBusyRetry(() => writeGroup(group), SQLITE_WRITE_BUSY_MS);
      }
    } catch (error) {
      for (const item of group) item.reject(error);
    } finally {
      writing = false;
    }
    if (pending.length > 0) void flush();
  };
  async function withBusyRetry<T>(work: () => T, waitMs = SQLITE_BUSY_RETRY_MS): Promise<T> {
    const started = Date.now();
    for (let wait = 1; ; wait = Math.min(wait * 2, 32)) {
      try {
        return work();
      } catch (error) {
        const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY");
        if (!busy || Date.now() - started > waitMs) throw sqliteError(error);
        await sleep(wait);
      }
    }
  }
  return {
    all: (text, params) => withBusyRetry(() => prepare(text).all(...bind(params)) as never[]),
    one: (text, params) => withBusyRetry(() => prepare(text).get(...bind(params)) as never),
    // A single change joins the next group commit too: its wait for the disk is shared.
    run: async (text, params) => (await batch([{ text, params }]))[0]!,
    batch,
    close: async () => {
      await writer?.close();
      writer = undefined;
      opened?.close();
      opened = undefined;
      statements.clear();
    },
  };
}

/** A group of batches, as the writer thread is sent them: parameters bound already. */
type WrittenGroup = readonly (readonly SqlStatement[])[];
type Outcome = { changes: number[] } | { error: unknown };

interface SqliteWriter {
  /** Writes the group in one transaction; each batch's outcome, or rejects if the thread failed. */
  write(group: WrittenGroup): Promise<Outcome[]>;
  close(): Promise<void>;
}

// The writer thread's code, run as given (eval): Next bundles this module, so the thread cannot
// be a file of the app's own; better-sqlite3 is loaded by its path, as the main thread resolves it.
// It may wait for SQLite's write lock (busy_timeout): only this thread waits.
const WRITER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma("synchronous = FULL");
const statements = new Map();
const prepare = (text) => {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement;
};
const describe = (error) => ({ name: error.name, message: error.message, code: error.code });
const run = (batch) =>
  batch.map(({ text, params, expectChanges, postgresOnly }) => {
    if (postgresOnly) return 0;
    const { changes } = prepare(text).run(...params);
    if (expectChanges !== undefined && changes !== expectChanges) {
      const error = new Error("Expected " + expectChanges + " changed rows, got " + changes + ": " + text);
      error.name = "SqlConflict";
      throw error;
    }
    return changes;
  });
parentPort.on("message", ({ id, group }) => {
  if (group === null) {
    db.close();
    parentPort.postMessage({ id, closed: true });
    return;
  }
  const outcomes = [];
  try {
    prepare("BEGIN IMMEDIATE").run();
    try {
      for (const batch of group) {
        prepare("SAVEPOINT batch").run();
        try {
          outcomes.push({ changes: run(batch) });
        } catch (error) {
          prepare("ROLLBACK TO batch").run();
          outcomes.push({ error: describe(error) });
        }
        prepare("RELEASE batch").run();
      }
      prepare("COMMIT").run();
    } catch (error) {
      if (db.inTransaction) prepare("ROLLBACK").run();
      throw error;
    }
    parentPort.postMessage({ id, outcomes });
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
`;

/** An error as the writer thread describes it, made again: a conflict, a unique key, or SQLite's own. */
function revive(described: { name: string; message: string; code?: string }): unknown {
  if (described.name === "SqlConflict") return new SqlConflict(described.message);
  return sqliteError(Object.assign(new Error(described.message), { code: described.code }));
}

/**
 * The writer thread for a SQLite file, or null when none can be started (then the caller writes
 * on its own thread). It keeps the process alive only while a group is being written.
 */
function sqliteWriter(file: string): SqliteWriter | null {
  let worker: Worker;
  try {
    const modulePath = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
    worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { module: modulePath, file, busyTimeoutMs: SQLITE_WRITE_BUSY_MS },
    });
  } catch (error) {
    console.error("SQLite writer thread not started; writing on the main thread:", error);
    return null;
  }
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve(reply: WriterReply): void; reject(error: unknown): void }>();
  interface WriterReply {
    outcomes?: { changes?: number[]; error?: { name: string; message: string; code?: string } }[];
    error?: { name: string; message: string; code?: string };
    closed?: boolean;
  }
  const failAll = (error: unknown) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", ({ id, ...reply }: WriterReply & { id: number }) => {
    const waiter = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    waiter?.resolve(reply);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`The SQLite writer thread exited (code ${code}).`)));
  const ask = (group: WrittenGroup | null) =>
    new Promise<WriterReply>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, group });
    });
  return {
    async write(group) {
      const reply = await ask(group);
      // The transaction itself failed (a busy lock past its wait, a full disk): every batch fails with it.
      if (reply.error) {
        const error = revive(reply.error);
        return group.map(() => ({ error }));
      }
      return reply.outcomes!.map((outcome) =>
        outcome.error ? { error: revive(outcome.error) } : { changes: outcome.changes! },
      );
    },
    async close() {
      await ask(null).catch(() => undefined);
      await worker.terminate();
    },
  };
}

// Prisma stores DateTime in `timestamp(3)` columns, without a time zone, in UTC; pg would
// read them as local time.
const TIMESTAMP_OID = 1114;
const timestampTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function postgresError(error: unknown): unknown {
  return (error as { code?: string }).code === "23505" ? new SqlUniqueViolation((error as Error).message) : error;
}

/**
 * Runs `send` with the connection's socket corked: the queries it sends (pipelined) leave in one
 * write instead of one each. On loopback a write costs both ends a wakeup, and per statement
 * that was most of a batch's CPU.
 */
function corked<T>(client: pg.PoolClient, send: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection
    ?.stream;
  stream?.cork?.();
  try {
    return send();
  } finally {
    stream?.uncork?.();
  }
}

// The text a failed check carries (PostgreSQL's 22P02, invalid text for an integer).
const CHECK_FAILED = " rows changed, not the rows expected";

/**
 * A statement that must change (or lock) `expected` rows, made to fail when it does not, so that
 * PostgreSQL refuses the rest of its transaction and the COMMIT already sent behind it rolls
 * back: a checked batch takes one round trip, not one to read the counts and one to commit.
 * Its one row is the rows it changed. (The count is only known as the statement runs, so the
 * failing cast cannot be folded ahead of time.)
 */
function checkedText(text: string, expected: number): string {
  return `WITH "changed" AS (${counted(text)}) SELECT ${checkedCount("COUNT(*)", expected)} AS "changed" FROM "changed"`;
}

/** A statement's rows to count: a locking SELECT's (FOR SHARE / FOR UPDATE) own, a write's the rows it changed. */
function counted(text: string): string {
  return /^\s*SELECT\b/i.test(text) ? text : `${text} RETURNING 1`;
}

/** The count, or a failing cast when it is not the one expected. */
function checkedCount(count: string, expected: number): string {
  if (!Number.isInteger(expected)) throw new Error(`expectChanges must be a whole number, got ${expected}.`);
  return `CASE WHEN ${count} = ${expected} THEN ${count} ELSE CAST(${count} || '${CHECK_FAILED}' AS INTEGER) END`;
}

/**
 * What PostgreSQL is sent for a batch: each statement alone, but a run of statements marked
 * `joinNext` as one WITH query whose one row counts each one's rows (checked as checkedText does).
 */
interface Sent {
  text: string;
  params: readonly SqlValue[];
  /** The batch's statements it runs. */
  parts: readonly SqlStatement[];
  /** A SQLite-only statement: nothing is sent. */
  skip?: boolean;
}

function sentStatements(batch: readonly SqlStatement[]): Sent[] {
  const sent: Sent[] = [];
  let run: SqlStatement[] = [];
  const close = () => {
    if (run.length === 1) {
      const only = run[0]!;
      sent.push({
        text: only.expectChanges === undefined ? only.text : checkedText(only.text, only.expectChanges),
        params: only.params,
        parts: run,
      });
    } else if (run.length > 1) {
      const parts = run;
      const counts = parts.map(({ expectChanges }, i) => {
        const count = `(SELECT COUNT(*) FROM "s${i}")`;
        return `${expectChanges === undefined ? count : checkedCount(count, expectChanges)} AS "c${i}"`;
      });
      sent.push({
        text: `WITH ${parts.map(({ text }, i) => `"s${i}" AS (${counted(text)})`).join(", ")} SELECT ${counts.join(", ")}`,
        params: parts.flatMap((part) => part.params),
        parts,
      });
    }
    run = [];
  };
  for (const statement of batch) {
    if (statement.sqliteOnly) {
      close();
      sent.push({ text: "", params: [], parts: [statement], skip: true });
      continue;
    }
    run.push(statement);
    if (!statement.joinNext) close();
  }
  close();
  return sent;
}

function isCheckFailure(error: { code?: string; message?: string }): boolean {
  return error.code === "22P02" && (error.message ?? "").includes(CHECK_FAILED);
}

/** What pg's connection offers a query as it is sent: the protocol's messages, and its statements' names. */
interface PgConnection {
  stream: { cork?(): void; uncork?(): void };
  parsedStatements: Record<string, string>;
  parse(message: { text: string; name: string; types: never[] }): void;
  bind(message: { portal: string; statement: string; values: (string | null)[]; binary: boolean }): void;
  describe(message: { type: "P"; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
}

/** A statement as sent by pipelined(): a named statement and its parameters. */
interface NamedStatement {
  name: string;
  text: string;
  values: (string | null)[];
}

/** What pipelined() resolves to: the results of the statements that ran, and the error that stopped the rest. */
interface PipelineOutcome {
  /** One per statement that completed, in order (all of them when there is no error). */
  results: pg.QueryResult[];
  error?: unknown;
}

/**
 * Statements sent as one pipeline with a single Sync (pg's own queries end each statement with
 * one): PostgreSQL runs them in one implicit transaction, commits it at the Sync and answers with
 * one flush, where a Sync per statement made it answer, and wake the app, once per statement.
 * An error stops the rest and rolls everything back; the results before it are returned with it.
 * Every statement not yet parsed on the connection is parsed first, ahead of all execution, so
 * that an error while running leaves each one parsed as recorded.
 */
function pipelined(client: pg.PoolClient, statements: readonly NamedStatement[]): Promise<PipelineOutcome> {
  // A pg Query is the one kind a pipelined client accepts; its own handlers collect one result
  // per statement (a new result at each statement's row description or completion).
  const Query = pg.Query as unknown as new (config: object) => {
    submit(connection: PgConnection): Error | null;
    _results?: pg.QueryResult | pg.QueryResult[];
    _result?: pg.QueryResult & { command: string | null };
  };
  return new Promise((resolve) => {
    const completed = (query: InstanceType<typeof Query>): pg.QueryResult[] => {
      const all = query._results === undefined ? [] : Array.isArray(query._results) ? query._results : [query._results];
      return all.filter((result) => (result as { command: string | null }).command !== null);
    };
    const query = new Query({
      text: statements.map((statement) => statement.name).join(";"),
      types: timestampTypes,
      callback: (error: unknown) =>
        resolve(error ? { results: completed(query), error } : { results: completed(query) }),
    });
    query.submit = (connection) => {
      connection.stream.cork?.();
      try {
        for (const { name, text } of statements) {
          if (connection.parsedStatements[name] !== undefined) continue;
          connection.parse({ text, name, types: [] });
          connection.parsedStatements[name] = text;
        }
        for (const { name, values } of statements) {
          connection.bind({ portal: "", statement: name, values, binary: false });
          connection.describe({ type: "P", name: "" });
          connection.execute({ portal: "", rows: 0 });
        }
        connection.sync();
      } finally {
        connection.stream.uncork?.();
      }
      return null;
    };
    client.query(query as unknown as pg.Submittable);
  });
}

/** Parameters as the protocol carries them (text), as pg would write them: dates as toText does. */
function textValues(params: readonly SqlValue[]): (string | null)[] {
  return params.map((p) => (p === null ? null : p instanceof Date ? toText(p) : typeof p === "string" ? p : String(p)));
}

/**
 * A statement that only reads and locks nothing: it may share one transaction with other
 * requests' reads (pipelined), since one's failure undoes nothing of another's.
 */
function isPlainRead(text: string): boolean {
  return /^\s*SELECT\b/i.test(text) && !/\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b/i.test(text);
}

/**
 * An error after which a connection's record of its parsed statements may be wrong (a statement
 * that failed to parse, or one it does not have): the connection is closed rather than reused.
 */
function breaksParsedStatements(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === undefined || code.startsWith("42") || code.startsWith("26");
}

/**
 * The most statements sent together on one connection: PostgreSQL runs them one after another,
 * so a larger group would queue behind its slowest while other connections idle.
 */
const GROUP_LIMIT = 8;

/**
 * The most batches in one group commit: a failed batch sends the others again, and a group
 * holds its rows' locks until its one commit.
 */
const COMMIT_GROUP_LIMIT = 32;

/**
 * Groups being written at once per process: the batches that arrive while one commits wait
 * for it and go together in the next, so the busier the process, the fuller its groups (the
 * answer bench measured 1.2 ms of CPU per answer, app and database, with one; 1.3 with two;
 * 1.7 with a group per turn of the event loop).
 */
const GROUPS_IN_FLIGHT = 1;

// What a statement gets when an earlier one of its transaction failed (25P02).
const IN_FAILED_TRANSACTION = "25P02";
// A lock wait PostgreSQL broke to end a deadlock (40P01), or a serialization failure (40001):
// the batch lost a race, as a stale check does, and is read and tried again.
const LOST_RACE = new Set(["40P01", "40001"]);

function refusedAfterFailure(error: unknown): boolean {
  return (error as { code?: string }).code === IN_FAILED_TRANSACTION;
}

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );
}

type BatchOutcome = { changes: number[] } | { error: unknown };

/**
 * A batch's result from what was sent and its results: the first statement that failed decides,
 * as if each had been awaited in turn (the ones after it ran in a transaction that rolled back);
 * else the rows each statement changed.
 */
function batchOutcome(sent: readonly Sent[], settled: PromiseSettledResult<pg.QueryResult>[]): BatchOutcome {
  const changes: number[] = [];
  for (const [i, outcome] of settled.entries()) {
    const { parts, skip } = sent[i]!;
    const texts = parts.map((part) => part.text).join("; ");
    if (outcome.status === "rejected") {
      const error = outcome.reason as { code?: string; message?: string };
      if (isCheckFailure(error))
        return { error: new SqlConflict(`Other rows changed than expected (${error.message}): ${texts}`) };
      if (LOST_RACE.has(error.code ?? "")) return { error: new SqlConflict(`${error.message}: ${texts}`) };
      return { error: outcome.reason };
    }
    if (skip) changes.push(0);
    else if (parts.length > 1) {
      const row = outcome.value.rows[0] as Record<string, string>;
      parts.forEach((_, n) => changes.push(Number(row[`c${n}`])));
    } else
      changes.push(
        parts[0]!.expectChanges === undefined
          ? (outcome.value.rowCount ?? 0)
          : Number((outcome.value.rows[0] as { changed: string }).changed),
      );
  }
  return { changes };
}

/** SQL on PostgreSQL through a pool (the same pool the Prisma client is given). */
export function createPostgresSql(pool: pg.Pool): Sql {
  // Named statements are parsed and planned once per connection.
  const names = new Map<string, { name: string; text: string }>();
  const nameOf = (text: string) => {
    let named = names.get(text);
    if (!named) names.set(text, (named = { name: `quizwire_${names.size}`, text: numbered(text) }));
    return named;
  };
  const query = (client: pg.PoolClient, text: string, params: readonly SqlValue[]) => {
    const named = nameOf(text);
    const values = params.map((p) => (p instanceof Date ? toText(p) : p));
    return client.query({ ...named, values, types: timestampTypes }).catch((error: unknown) => {
      throw postgresError(error);
    });
  };
  // Statements outside a batch that are asked for in one turn of the event loop (an answer's
  // reads, side by side; the requests that arrived together) leave together: up to
  // GROUP_LIMIT on one connection, pipelined, in one write. Per statement sent alone, the
  // pool's checkout and the socket's write and wakeup cost more CPU than PostgreSQL's work.
  interface Queued {
    text: string;
    params: readonly SqlValue[];
    resolve(result: pg.QueryResult): void;
    reject(error: unknown): void;
  }
  let queued: Queued[] = [];
  /** A connection for a group of statements, or none: each is refused with the pool's error. */
  const connectFor = async (group: Queued[]): Promise<pg.PoolClient | undefined> => {
    try {
      return await pool.connect();
    } catch (error) {
      for (const item of group) item.reject(error);
      return undefined;
    }
  };
  const sendGroup = async (group: Queued[]) => {
    // Reads only: one pipeline, one Sync (pipelined), one answer from PostgreSQL. Anything else:
    // a Sync each, so that a write stands or fails alone.
    if (!group.every(({ text }) => isPlainRead(text))) return sendEach(group);
    const client = await connectFor(group);
    if (!client) return;
    let outcome: PipelineOutcome;
    try {
      outcome = await pipelined(
        client,
        group.map(({ text, params }) => ({ ...nameOf(text), values: textValues(params) })),
      );
    } catch (error) {
      // Not sent at all (the connection refused it): every read fails with it.
      client.release(true);
      for (const item of group) item.reject(error);
      return;
    }
    client.release(outcome.error !== undefined && breaksParsedStatements(outcome.error));
    const { results, error } = outcome;
    const failed = results.length;
    group.forEach((item, i) => {
      if (i < failed) item.resolve(results[i]!);
    });
    if (error === undefined || failed >= group.length) return;
    const rest = group.slice(failed);
    // The connection broke: the reads not answered fail with it.
    if ((error as { code?: string }).code === undefined) for (const item of rest) item.reject(error);
    // A statement that failed to parse (before any ran), or one the connection lacked: which one
    // is not known, so each goes again with its own Sync, and fails alone.
    else if (breaksParsedStatements(error)) void sendEach(rest);
    // A read that failed as it ran: it fails; the ones after it (not run) are asked for again.
    else {
      rest[0]!.reject(postgresError(error));
      for (const item of rest.slice(1)) ask(item);
    }
  };
  const flushQueued = () => {
    const all = queued;
    queued = [];
    for (let i = 0; i < all.length; i += GROUP_LIMIT) void sendGroup(all.slice(i, i + GROUP_LIMIT));
  };
  const ask = (item: Queued) => {
    queued.push(item);
    if (queued.length === 1) setImmediate(flushQueued);
  };
  const single = (text: string, params: readonly SqlValue[]) =>
    new Promise<pg.QueryResult>((resolve, reject) => ask({ text, params, resolve, reject }));
  // One statement of a batch as sent (sentStatements), on a connection inside its transaction.
  const sendStatement = (client: pg.PoolClient, { text, params, skip }: Sent) =>
    skip ? Promise.resolve({ rowCount: 0, rows: [] } as unknown as pg.QueryResult) : query(client, text, params);

  // A batch in a transaction of its own: BEGIN, its statements and COMMIT, each with its Sync.
  const batchAlone = async (statements: readonly Sent[]): Promise<number[]> => {
    const client = await pool.connect();
    try {
      const sent = corked(client, () => [
        client.query("BEGIN"),
        ...statements.map((statement) => sendStatement(client, statement)),
        client.query("COMMIT"),
      ]);
      const settled = await Promise.all(sent.map(settle));
      for (const outcome of [settled[0]!, settled.at(-1)!])
        if (outcome.status === "rejected" && !refusedAfterFailure(outcome.reason)) throw outcome.reason;
      const outcome = batchOutcome(statements, settled.slice(1, -1));
      if ("error" in outcome) throw outcome.error;
      return outcome.changes;
    } finally {
      client.release();
    }
  };
  // Statements asked for outside a batch, each sent with its own Sync: one that fails fails alone.
  const sendEach = async (group: Queued[]) => {
    const client = await connectFor(group);
    if (!client) return;
    try {
      const sent = corked(client, () => group.map(({ text, params }) => query(client, text, params)));
      await Promise.all(sent.map((result, i) => result.then(group[i]!.resolve, group[i]!.reject)));
    } finally {
      // Each statement is its own transaction: one that fails leaves the connection usable, and
      // the pool discards one that broke.
      client.release();
    }
  };

  // Group commit for the batches that may share one (BatchOptions.groupKey: an answer's
  // writes). Those asked for while the previous group commits leave together, on one
  // connection, in one write: BEGIN, each batch's statements, one COMMIT. A group pays one
  // round trip, one commit and one wait for the disk (fsync stays on: each batch is
  // acknowledged only after the COMMIT that made it durable). A batch that fails is undone
  // alone: PostgreSQL refuses everything after the failed statement and the pipelined COMMIT
  // rolls the group back, so the others are sent again, without it, in a new transaction (its
  // failure stands: it happened after the batches before it, which are sent again before it
  // would be). Every batch is settled after the last COMMIT, so one that lost a race to another
  // of its group (the same memory row) reads the winner's rows when it tries again.
  interface Grouped {
    batch: readonly Sent[];
    key: string;
    resolve(changes: number[]): void;
    reject(error: unknown): void;
  }
  let waiting: Grouped[] = [];
  let connecting = false;
  let inFlight = 0;
  const scheduleGroup = () => {
    if (connecting || waiting.length === 0 || inFlight >= GROUPS_IN_FLIGHT) return;
    connecting = true;
    inFlight++;
    setImmediate(() => void startGroup());
  };
  const startGroup = async () => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      connecting = false;
      inFlight--;
      const failed = waiting;
      waiting = [];
      for (const item of failed) item.reject(error);
      return;
    }
    connecting = false;
    const group = waiting.splice(0, COMMIT_GROUP_LIMIT);
    // The next batches find a connection of their own meanwhile.
    scheduleGroup();
    let broken = false;
    const alone: Grouped[] = [];
    try {
      const outcomes = await commitGroup(client, group);
      group.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome === "alone") alone.push(item);
        else if ("changes" in outcome) item.resolve(outcome.changes);
        else item.reject(outcome.error);
      });
      broken = alone.length > 0;
    } catch (error) {
      for (const item of group) item.reject(error);
      broken = breaksParsedStatements(error);
    } finally {
      // A connection the group left unsure of its statements (or broken) is closed, not reused.
      client.release(broken);
      inFlight--;
      // The batches that arrived meanwhile: the next group.
      scheduleGroup();
    }
    // A group with a statement that did not parse: each of its batches written alone, on
    // connections of their own, so that the one at fault fails alone.
    for (const item of alone) batchAlone(item.batch).then(item.resolve, item.reject);
  };
  // A group is one pipeline with one Sync (pipelined): PostgreSQL runs its batches in one implicit
  // transaction and commits it, durably, before it answers.
  const commitGroup = async (client: pg.PoolClient, group: Grouped[]): Promise<(BatchOutcome | "alone")[]> => {
    // Row locks in the order of the key, the same in every group: two groups never wait for
    // each other in a circle (PostgreSQL would break it after a second: deadlock_timeout).
    const order = group
      .map((item, i) => ({ item, i }))
      .sort((a, b) => (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
    const outcomes: (BatchOutcome | "alone")[] = new Array(group.length);
    const skipped = {
      status: "fulfilled",
      value: { rowCount: 0, rows: [] },
    } as unknown as PromiseSettledResult<pg.QueryResult>;
    let left = order;
    while (left.length > 0) {
      // Each statement sent, with the batch (of `left`) and the place in it it came from.
      const sent: { n: number; statement: NamedStatement }[] = [];
      // Where each batch's statements are in `sent` (-1: not sent, SQLite's alone).
      const places = left.map(({ item }, n) =>
        item.batch.map(({ text, params, skip }) => {
          if (skip) return -1;
          return sent.push({ n, statement: { ...nameOf(text), values: textValues(params) } }) - 1;
        }),
      );
      const { results, error } = await pipelined(
        client,
        sent.map(({ statement }) => statement),
      );
      // Batch n's statements as settled: the results of those that ran, the error where it stopped.
      const settledOf = (n: number): PromiseSettledResult<pg.QueryResult>[] =>
        places[n]!.map((at) => {
          if (at === -1) return skipped;
          if (at < results.length) return { status: "fulfilled", value: results[at]! };
          return { status: "rejected", reason: at === results.length ? postgresError(error) : error };
        });
      if (error === undefined) {
        left.forEach(({ item, i }, n) => (outcomes[i] = batchOutcome(item.batch, settledOf(n))));
        return outcomes;
      }
      // The connection broke, or the commit itself failed once every statement ran: every
      // batch of the group fails with it.
      if ((error as { code?: string }).code === undefined || results.length >= sent.length) throw error;
      // A statement that failed to parse (before any ran), or one the connection lacked: which
      // batch's is not known, so each is written alone, and fails alone.
      if (breaksParsedStatements(error)) {
        for (const { i } of left) outcomes[i] = "alone";
        return outcomes;
      }
      // The batch whose statement failed is settled with that failure; the others go again
      // without it (its failure stands: it happened after the batches before it, sent again
      // before it would be).
      const { n: failed } = sent[results.length]!;
      const loser = left[failed]!;
      outcomes[loser.i] = batchOutcome(loser.item.batch, settledOf(failed));
      left = left.filter((_, n) => n !== failed);
    }
    return outcomes;
  };

  return {
    all: async (text, params) => (await single(text, params)).rows as never[],
    one: async (text, params) => (await single(text, params)).rows[0] as never,
    run: async (text, params) => (await single(text, params)).rowCount ?? 0,
    // The whole batch is sent at once on a pipelined connection (see createDb): BEGIN, each
    // statement, and COMMIT, one round trip instead of one per statement. A statement that
    // fails makes PostgreSQL refuse the rest of the transaction, and the COMMIT behind it
    // rolls back; a checked statement (expectChanges) fails itself when it changes other rows
    // than expected (checkedText), so a stale optimistic check rolls everything back too.
    async batch(batch, options) {
      if (options?.groupKey !== undefined)
        return new Promise<number[]>((resolve, reject) => {
          waiting.push({ batch: sentStatements(batch), key: options.groupKey!, resolve, reject });
          scheduleGroup();
        });
      return batchAlone(sentStatements(batch));
    },
    close: () => pool.end(),
  };
}
