// HTTP benchmarks against the production server on SQLite: answer throughput, latency at fixed
// arrival rates, the framework's ceiling on a trivial route, and a whole school opening one
// assignment at once. Students and their sessions are made directly (signed session tokens),
// so the figures measure answering, not signing in.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";

import { generateJoinCode } from "../../lib/classes/codes";
import { providerOf, sqliteFilePath } from "../../lib/db-provider";
import { runPageBench } from "./bench-page";
import { fixedRate, percentile } from "./arrivals";
import { runLiveBench } from "./bench-live";
import { twoServerFigures } from "./bench-two-servers";
import { createDatabase, dropDatabase, startThrowawayPostgres, type ThrowawayPostgres } from "./postgres";
import { prepareDatabase } from "./prepare";
import { cpuSeconds, parentPid } from "./processes";

export interface BenchFigure {
  key: string;
  label: string;
  value: number;
  unit: "ms" | "per second" | "KB" | "count" | "ratio";
  target?: string;
}

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECRET = "bench-only-secret-bench-only-secret-bench";
const COOKIE = "authjs.session-token";

/**
 * The server runs as many processes as the machine has cores (WEB_CONCURRENCY, as a school's
 * server would be set up); BENCH_WORKERS=1 measures one process.
 */
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());

/** A production server for the bench: `workers` processes (WEB_CONCURRENCY) on `port`. */
export function spawnBenchServer({ url, port, workers }: { url: string; port: number; workers: number }): ChildProcess {
  // BENCH_CPU_PROFILE=dir writes the server's CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  return spawn(
    process.execPath,
    [...profile, path.resolve("scripts/server.mjs"), "--port", String(port), "--host", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: SECRET,
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        WEB_CONCURRENCY: String(workers),
      },
    },
  );
}

/** Resolves when the server says every process listens. */
export function readyLine(server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The benchmark server did not start within a minute.")), timeoutMs);
    server.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once("exit", (code) => reject(new Error(`The benchmark server exited (code ${code}) before it was ready.`)));
  });
}

/**
 * The PostgreSQL server's main process (the postmaster, parent of every backend), when it runs
 * on this machine: its CPU counts beside the app server's, so work moved into the database is
 * still counted. Null for SQLite, whose work is done inside the app server.
 */
async function postmasterPid(url: string): Promise<number | undefined> {
  if (providerOf(url) === "sqlite") return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return parentPid(rows[0]!.pid) ?? undefined;
  } finally {
    await client.end();
  }
}

interface CpuPerRequest {
  /** The app server's CPU milliseconds per completed request. */
  server: number;
  /** The database's (0 for SQLite, whose work is inside the app server). */
  database: number;
}

/** CPU seconds of the app server and the database so far. */
interface CpuSample {
  server: number | null;
  database: number | null;
}

/** Runs a load and measures the server's and the database's CPU milliseconds per completed request. */
async function measured(
  server: ChildProcess,
  databasePid: number | undefined,
  options: autocannon.Options,
): Promise<autocannon.Result & { cpuMsPerRequest: CpuPerRequest | null; cpuSeconds: CpuPerRequest | null }> {
  const sample = (): CpuSample => ({
    server: cpuSeconds(server.pid),
    database: databasePid ? cpuSeconds(databasePid) : 0,
  });
  const before = sample();
  const result = await run(options);
  const after = sample();
  const spent = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const server_ = spent(before.server, after.server);
  const database = spent(before.database, after.database);
  const seconds = server_ === null || database === null ? null : { server: server_, database };
  const perRequest = (value: number) => (value * 1000) / Math.max(1, result.requests.total);
  return {
    ...result,
    cpuSeconds: seconds,
    cpuMsPerRequest: seconds && { server: perRequest(seconds.server), database: perRequest(seconds.database) },
  };
}

/** CPU per request of the app server, of the database, and of both together. */
function cpuFigures(cpu: CpuPerRequest | null, key: string, what: string): BenchFigure[] {
  if (cpu === null) return [];
  return [
    { key: `${key}_server_cpu_ms`, label: `app server CPU time per ${what}`, value: cpu.server, unit: "ms" },
    { key: `${key}_database_cpu_ms`, label: `database CPU time per ${what}`, value: cpu.database, unit: "ms" },
    {
      key: `${key}_cpu_ms`,
      label: `CPU per ${what} (app server + database)`,
      value: cpu.server + cpu.database,
      unit: "ms",
    },
  ];
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// BENCH_ONLY=peak (or rates, open, page, two, live; comma-separated) runs only those phases, to profile one.
const only = process.env.BENCH_ONLY?.split(",");
type Phase = "peak" | "rates" | "open" | "page" | "two" | "live";
const wanted = (phase: Phase) => !only || only.includes(phase);
/** The phases on the answering bench's databases (the live phase makes its own). */
const answering = (["peak", "rates", "open", "page", "two"] as const).some(wanted);

/**
 * The HTTP figures on SQLite and on PostgreSQL when one is reachable: the server named by
 * BENCH_DATABASE_URL (a database "quizwire_bench" is made on it), else a throwaway cluster of
 * the installed PostgreSQL with its durable defaults (fsync on, as SQLite here). Both app
 * servers run at once (ports BENCH_PORT and the next) and take each phase in turn, the peak
 * in slices (BENCH_SLICES, 5 by default) that alternate between them: on a machine whose load
 * changes from minute to minute, both meet the same load, and their ratios hold.
 */
export async function runHttpBench({ smoke }: { smoke: boolean }): Promise<BenchFigure[]> {
  const sqliteUrl = `file:${path.resolve("data/bench/quizwire.db")}`;
  rmSync(path.dirname(sqliteFilePath(sqliteUrl)), { recursive: true, force: true });
  const seconds = smoke ? 2 : 10;

  let throwaway: ThrowawayPostgres | undefined;
  let postgresServer = process.env.BENCH_DATABASE_URL;
  if (!postgresServer) {
    try {
      throwaway = await startThrowawayPostgres({ durable: true });
      postgresServer = throwaway.url;
    } catch (error) {
      console.log(`\nPostgreSQL figures skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    const sqliteFigures: BenchFigure[] = [];
    const postgresFigures: BenchFigure[] = [];
    // Their targets hold on both databases: their labels name the database.
    const liveFigures: BenchFigure[] = [];
    if (answering) {
      let postgres: Bench | undefined;
      const sqlite = await openBench({ smoke, url: sqliteUrl, port: PORT });
      try {
        if (postgresServer) {
          const url = await createDatabase(postgresServer, "quizwire_bench");
          postgres = await openBench({ smoke, url, port: PORT + 1 });
        }
        const benches = [
          { bench: sqlite, figures: sqliteFigures },
          ...(postgres ? [{ bench: postgres, figures: postgresFigures }] : []),
        ];
        if (wanted("page")) sqliteFigures.push(...(await sqlite.page()));
        if (wanted("peak")) {
          const slices = smoke ? 1 : Number(process.env.BENCH_SLICES ?? 5);
          const taken = benches.map(() => [] as { answers: Measured; trivial: Measured }[]);
          for (let i = 0; i < slices; i++)
            for (const [n, { bench }] of benches.entries()) taken[n]!.push(await bench.peakSlice(seconds / slices));
          benches.forEach(({ figures }, n) => figures.push(...peakFigures(taken[n]!)));
        }
        if (wanted("rates"))
          for (const rate of smoke ? [100] : [300, 600, 1000])
            for (const { bench, figures } of benches) figures.push(...(await bench.rateFigures(rate)));
        if (wanted("open")) for (const { bench, figures } of benches) figures.push(...(await bench.openFigures()));
      } finally {
        await Promise.all([sqlite.stop(), postgres?.stop()]);
      }
      // Several app servers on one database: PostgreSQL's deployment (scripts/lib/bench-two-servers.ts).
      if (postgres && wanted("two"))
        postgresFigures.push(
          ...(await twoServerFigures({
            url: postgres.url,
            databasePid: postgres.databasePid,
            smoke,
            seconds,
            oneServer: postgresFigures,
            answer: postgres.nextAnswer,
            start: spawnBenchServer,
            ready: readyLine,
            load: run,
          })),
        );
      if (postgres) await dropDatabase(postgresServer!, "quizwire_bench");
    }
    // The live game: simulated phones from another process (scripts/lib/bench-live.ts).
    if (wanted("live")) {
      const live = { smoke, secret: SECRET, port: PORT + 2, start: spawnBenchServer, ready: readyLine };
      const url = postgresServer ? await createDatabase(postgresServer, "quizwire_bench_live") : undefined;
      const figures = await runLiveBench(live, url ? { url, databasePid: await postmasterPid(url) } : undefined);
      if (url) await dropDatabase(postgresServer!, "quizwire_bench_live");
      liveFigures.push(...figures);
    }
    const figures = [
      ...sqliteFigures,
      // The targets are SQLite's: these are for comparison.
      ...postgresFigures.map(({ target: _target, ...f }) => ({
        ...f,
        key: `postgres_${f.key}`,
        label: `PostgreSQL: ${f.label}`,
      })),
    ];
    return [...figures, ...comparedFigures(figures), ...liveFigures];
  } finally {
    throwaway?.stop();
  }
}

/** PostgreSQL's figures over SQLite's from the same run (the machine's load cancels out). */
function comparedFigures(figures: BenchFigure[]): BenchFigure[] {
  const value = (key: string) => figures.find((f) => f.key === key)?.value;
  const ratio = (key: string) => {
    const sqlite = value(key);
    const postgres = value(`postgres_${key}`);
    return sqlite === undefined || postgres === undefined || sqlite === 0 ? [] : [postgres / sqlite];
  };
  return [
    ...ratio("answers_peak_per_s").map((v) => ({
      key: "postgres_to_sqlite_answers_per_s",
      label: "PostgreSQL ÷ SQLite: answers/s at 50 connections",
      value: v,
      unit: "ratio" as const,
      target: ">= 0.8",
    })),
    ...ratio("answer_cpu_ms").map((v) => ({
      key: "postgres_to_sqlite_answer_cpu",
      label: "PostgreSQL ÷ SQLite: CPU per answer (app server + database)",
      value: v,
      unit: "ratio" as const,
      target: "<= 1.25",
    })),
  ];
}

/** The peak figures from its slices: answers and requests per second over all of them, the worst p99. */
function peakFigures(slices: { answers: Measured; trivial: Measured }[]): BenchFigure[] {
  const total = (results: Measured[]) => {
    const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
    const seconds = results.reduce((sum, r) => sum + r.duration, 0);
    const cpu = results.every((r) => r.cpuSeconds)
      ? {
          server: (results.reduce((sum, r) => sum + r.cpuSeconds!.server, 0) * 1000) / Math.max(1, requests),
          database: (results.reduce((sum, r) => sum + r.cpuSeconds!.database, 0) * 1000) / Math.max(1, requests),
        }
      : null;
    return {
      perSecond: requests / seconds,
      p99: Math.max(...results.map((r) => r.latency.p99)),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      cpu,
    };
  };
  const peak = total(slices.map((s) => s.answers));
  const trivial = total(slices.map((s) => s.trivial));
  return [
    {
      key: "answers_peak_per_s",
      label: `answers/s, 50 connections back to back, ${WORKERS} server processes (${peak.non2xx} non-2xx, ${peak.errors} errors)`,
      value: peak.perSecond,
      unit: "per second",
      target: ">= 1000",
    },
    { key: "answers_peak_p99_ms", label: "answer latency p99 at peak (worst slice)", value: peak.p99, unit: "ms" },
    {
      key: "trivial_route_per_s",
      label: "trivial route (/api/health) requests/s, 50 connections",
      value: trivial.perSecond,
      unit: "per second",
    },
    {
      key: "answers_to_trivial_ratio",
      label: "answers/s ÷ trivial route requests/s",
      value: peak.perSecond / trivial.perSecond,
      unit: "ratio",
      target: ">= 0.5",
    },
    ...cpuFigures(peak.cpu, "answer", "answer"),
    ...cpuFigures(trivial.cpu, "trivial_route", "trivial request"),
  ];
}

/** One database's bench: its server started and warmed up, and each phase's load. */
interface Bench {
  url: string;
  /** The next new answer: a student's cookie and the body. */
  nextAnswer: () => { cookie: string; body: string };
  databasePid: number | undefined;
  /** The quiz page in a browser (Lighthouse and its JavaScript). */
  page(): Promise<BenchFigure[]>;
  /** Answers back to back on 50 connections for `seconds`, then the trivial route. */
  peakSlice(seconds: number): Promise<{ answers: Measured; trivial: Measured }>;
  rateFigures(rate: number): Promise<BenchFigure[]>;
  openFigures(): Promise<BenchFigure[]>;
  stop(): Promise<void>;
}

type Measured = Awaited<ReturnType<typeof measured>>;

async function openBench({ smoke, url, port }: { smoke: boolean; url: string; port: number }): Promise<Bench> {
  const BASE = `http://127.0.0.1:${port}`;
  const seconds = smoke ? 2 : 10;
  // Students who answer, each through the whole quiz once before any answer repeats, and
  // students who only open the assignment (and the quiz page in a browser): never the same.
  // Enough that no answer repeats on PostgreSQL, which also runs the two-server phase.
  const answerers = smoke ? 500 : 5000;
  const openers = smoke ? 100 : 1000;
  const students = answerers + openers;
  const { db } = await prepareDatabase(url);

  // A class of `students` students, one assignment of the seed quiz, one attempt each.
  const teacher = await db.user.create({
    data: { role: "TEACHER", email: "bench@quizwire.test", displayName: "Bench" },
  });
  const classroom = await db.class.create({
    data: { name: "Bench", teacherId: teacher.id, joinCode: generateJoinCode() },
  });
  const set = await db.questionSet.findFirstOrThrow({
    where: { kind: "ARTICLE" },
    select: {
      id: true,
      items: { select: { question: { select: { id: true, type: true, answerText: true, options: true } } } },
    },
  });
  const assignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: set.id,
      title: "Bench",
      opensAt: new Date(Date.now() - 60_000),
      createdById: teacher.id,
    },
  });
  const ids = Array.from({ length: students }, (_, i) => `bench-student-${i}`);
  await db.user.createMany({
    data: ids.map((id, i) => ({ id, role: "STUDENT", username: `bench-${i}`, displayName: `Student ${i}` })),
  });
  await db.enrolment.createMany({ data: ids.map((studentId) => ({ classId: classroom.id, studentId })) });
  await db.attempt.createMany({
    data: ids.map((userId) => ({
      id: `attempt-${userId}`,
      userId,
      setId: set.id,
      assignmentId: assignment.id,
      number: 1,
    })),
  });
  await db.$disconnect();
  const cookies = await Promise.all(
    ids.map(
      async (sub) =>
        `${COOKIE}=${await encode({ token: { sub, role: "STUDENT", sv: 0 }, secret: SECRET, salt: COOKIE })}`,
    ),
  );

  // Every (student, question) pair once: each request is a new answer, never a duplicate.
  const answers = set.items.map(({ question: q }) => {
    const options = [...q.options].sort((a, b) => a.position - b.position);
    const answer =
      q.type === "MULTIPLE_CHOICE" || q.type === "TRUE_FALSE"
        ? { type: q.type, position: 0 }
        : q.type === "FILL_BLANK" || q.type === "NUMERIC"
          ? { type: q.type, text: q.answerText ?? "1" }
          : q.type === "MATCHING"
            ? { type: q.type, matches: options.map((o) => o.matchText ?? "") }
            : { type: q.type, order: options.map((o) => o.position) };
    return { questionId: q.id, answer };
  });
  let next = 0;
  const nextAnswer = (): { cookie: string; body: string } => {
    const i = next++;
    const student = Math.floor(i / answers.length) % answerers;
    const { questionId, answer } = answers[i % answers.length]!;
    return {
      cookie: cookies[student]!,
      body: JSON.stringify({
        clientId: `bench-${i}-${Date.now().toString(36)}`,
        attemptId: `attempt-${ids[student]}`,
        questionId,
        answer,
        answeredAt: new Date().toISOString(),
        responseMs: 5000,
      }),
    };
  };
  const answerRequest: autocannon.Request = {
    method: "POST",
    path: "/api/answers",
    setupRequest: (request) => {
      const { cookie, body } = nextAnswer();
      return { ...request, headers: { ...request.headers, cookie, "content-type": "application/json" }, body };
    },
  };

  const databasePid = await postmasterPid(url);
  const server = spawnBenchServer({ url, port, workers: WORKERS });
  const stop = async () => {
    // Wait for it to finish (and write its CPU profile, when asked for one).
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  };
  try {
    await readyLine(server);
    // Warm up every process: the first requests compile routes and fill caches.
    await run({ url: BASE, connections: 10 * WORKERS, amount: 200 * WORKERS, requests: [answerRequest] });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    nextAnswer,
    databasePid,
    // While the last student has answered nothing yet.
    page: () =>
      runPageBench({ base: BASE, cookie: cookies[students - 1]!, quizPath: `/assignments/${assignment.id}`, smoke }),
    async peakSlice(seconds) {
      const answers = await measured(server, databasePid, {
        url: BASE,
        connections: 50,
        duration: seconds,
        requests: [answerRequest],
      });
      const trivial = await measured(server, databasePid, {
        url: `${BASE}/api/health`,
        connections: 50,
        duration: seconds,
      });
      return { answers, trivial };
    },
    rateFigures,
    openFigures,
    stop,
  };

  // Students answering on their own schedules: `rate` answers a second, open loop.
  async function rateFigures(rate: number): Promise<BenchFigure[]> {
    const result = await fixedRate({
      base: BASE,
      rate,
      seconds,
      next: () => {
        const { cookie, body } = nextAnswer();
        return {
          method: "POST",
          path: "/api/answers",
          headers: { cookie, "content-type": "application/json" },
          body,
        };
      },
    });
    const at = (p: number) => percentile(result.latencies, p);
    return [
      { key: `answers_at_${rate}_p50_ms`, label: `answers arriving at ${rate}/s: p50`, value: at(50), unit: "ms" },
      { key: `answers_at_${rate}_p95_ms`, label: `answers arriving at ${rate}/s: p95`, value: at(95), unit: "ms" },
      {
        key: `answers_at_${rate}_p99_ms`,
        label: `answers arriving at ${rate}/s: p99`,
        value: at(99),
        unit: "ms",
        target: rate === 600 ? "<= 100" : undefined,
      },
      {
        key: `answers_at_${rate}_errors`,
        label: `answers arriving at ${rate}/s: errors and non-2xx (of ${result.sent})`,
        value: result.errors + result.non2xx,
        unit: "count",
        target: "0",
      },
    ];
  }

  // A whole school opens the same assignment within 10 seconds, each with their own session,
  // none of whom has answered yet (each has an attempt in progress, made above: the page reads only).
  async function openFigures(): Promise<BenchFigure[]> {
    let opener = 0;
    const start = await measured(server, databasePid, {
      url: BASE,
      connections: 100,
      amount: openers,
      overallRate: openers / 10,
      requests: [
        {
          method: "GET",
          path: `/assignments/${assignment.id}`,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, cookie: cookies[answerers + (opener++ % openers)]! },
          }),
        },
      ],
    });
    return [
      {
        key: "assignment_open_p99_ms",
        label: `${openers} students open one assignment within 10 s: p99`,
        value: start.latency.p99,
        unit: "ms",
        target: "<= 1000",
      },
      ...cpuFigures(start.cpuMsPerRequest, "assignment_open", "assignment page"),
      {
        key: "assignment_open_errors",
        label: `${openers} students open one assignment: errors and non-2xx (${start.timeouts} timeouts, ${start.non2xx} non-2xx)`,
        value: start.errors + start.non2xx,
        unit: "count",
        target: "0",
      },
    ];
  }
}
