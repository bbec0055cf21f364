// The bench's live phase (BENCH_ONLY=live): one class game played by simulated phones from a
// separate process (scripts/lib/bench-live-players.ts: real HTTP, an event stream each and a
// POST per answer) on SQLite (one app server of two processes, WEB_CONCURRENCY=2) and on
// PostgreSQL (two app servers on one database, the players split between them). The host's
// commands go through the host screen's own server action on the first server, as a teacher's
// click does. Figures: join p99; per question, from the host's "next" until each phone has it
// (p50, p99, max); answer acknowledgement p99 (every player answers within 5 s); answers lost
// or duplicated, counted in the database afterwards; players dropped; CPU and memory per player.
//
// Each player holds one stream (one socket here and one in the server): 2,000 players need
// about 2,100 file descriptors in the players' process and in the servers together, more
// than a default `ulimit -n` of 1,024; the phase checks the limit before it starts.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";

import { encode } from "next-auth/jwt";

import { generateJoinCode } from "../../lib/classes/codes";
import type { Db } from "../../lib/db/client";
import { sqliteFilePath } from "../../lib/db-provider";
import { createGame } from "../../lib/live/mutations";
import { percentile } from "./arrivals";
import type { BenchFigure } from "./bench-http";
import type { PlayersConfig, PlayersReport } from "./bench-live-players";
import { prepareDatabase } from "./prepare";
import { actionForm, actionHeaders, serverActionId } from "./server-actions";
import { childPids, cpuSeconds } from "./processes";
import { UserFacingError } from "./run-main";

const COOKIE = "authjs.session-token";

export interface LiveBenchOptions {
  smoke: boolean;
  secret: string;
  /** The first port of the live servers (this and the next). */
  port: number;
  start: (options: { url: string; port: number; workers: number }) => ChildProcess;
  ready: (server: ChildProcess) => Promise<void>;
}

interface Shape {
  players: number;
  questions: number;
  joinOverMs: number;
  answerWithinMs: number;
}

function shape(smoke: boolean): Shape {
  const players = Number(process.env.BENCH_LIVE_PLAYERS ?? (smoke ? 100 : 2000));
  return {
    players,
    questions: smoke ? 2 : 5,
    // A class typing the PIN: the whole room within 10 s (2 s for the smoke run).
    joinOverMs: smoke ? 2_000 : 10_000,
    answerWithinMs: smoke ? 2_000 : 5_000,
  };
}

/** Whether this process may open `needed` files and sockets: the soft limit from /proc. */
function checkOpenFiles(needed: number): void {
  let limit = Number.POSITIVE_INFINITY;
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft && soft !== "unlimited") limit = Number(soft);
  } catch {
    return; // No /proc: the operating system will say.
  }
  if (limit < needed)
    throw new UserFacingError(
      `The live bench needs about ${needed} open files (one socket per player in this process and in the servers), ` +
        `but "ulimit -n" is ${limit}. Raise it (ulimit -n ${Math.max(4096, needed)}) or set BENCH_LIVE_PLAYERS lower.`,
    );
}

/** Resident memory of a process and its children (KB), from /proc. */
function rssKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const own = (p: number) => {
    try {
      const line = readFileSync(`/proc/${p}/status`, "utf8")
        .split("\n")
        .find((l) => l.startsWith("VmRSS:"));
      return Number(line?.match(/\d+/)?.[0] ?? 0);
    } catch {
      return 0;
    }
  };
  return own(pid) + childPids(pid).reduce((total, child) => total + own(child), 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A class of `players` students with a session each, and a game of `questions` choice questions. */
async function makeGame(db: Db, { players, questions }: Shape, secret: string) {
  const tag = Date.now().toString(36);
  const teacher = await db.user.create({
    data: { role: "TEACHER", email: `live-${tag}@quizwire.test`, displayName: "Live bench" },
  });
  const classroom = await db.class.create({
    data: { name: "Live bench", teacherId: teacher.id, joinCode: generateJoinCode() },
  });
  const ids = Array.from({ length: players }, (_, i) => `live-${tag}-${i}`);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.user.createMany({
      data: chunk.map((id, j) => ({
        id,
        role: "STUDENT",
        username: `live-${tag}-${i + j}`,
        displayName: `Player ${i + j + 1}`,
      })),
    });
    await db.enrolment.createMany({ data: chunk.map((studentId) => ({ classId: classroom.id, studentId })) });
  }
  const chosen = await db.question.findMany({
    where: { status: "SERVED", ownerId: null, copyOfId: null, type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] } },
    orderBy: { id: "asc" },
    take: questions,
    select: { id: true },
  });
  if (chosen.length < questions)
    throw new Error(`The content has ${chosen.length} choice questions, not ${questions}.`);
  const set = await db.questionSet.create({
    data: {
      title: "Live bench",
      kind: "CUSTOM",
      ownerId: teacher.id,
      items: { create: chosen.map((q, position) => ({ questionId: q.id, position })) },
    },
  });
  const { gameId } = await createGame(
    db,
    { id: teacher.id, role: "TEACHER" },
    { classId: classroom.id, setId: set.id, questionSeconds: 60, allowLateJoin: false, hideNames: false },
  );
  const pin = (await db.game.findUniqueOrThrow({ where: { id: gameId }, select: { pin: true } })).pin!;
  const cookie = async (sub: string, role: string) =>
    `${COOKIE}=${await encode({ token: { sub, role, sv: 0 }, secret, salt: COOKIE })}`;
  return {
    gameId,
    pin,
    teacherCookie: await cookie(teacher.id, "TEACHER"),
    cookies: await Promise.all(ids.map((id) => cookie(id, "STUDENT"))),
  };
}

/** The players' process: forked with this process's loader (tsx), spoken to over IPC. */
function startPlayers(): {
  child: ChildProcess;
  ask: <T>(message: object, reply: string) => Promise<T>;
} {
  const child = fork(path.resolve("scripts/lib/bench-live-players.ts"), [], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (answer: { type: string } & T) => {
        if (answer.type !== reply) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(answer);
      };
      const onExit = (code: number | null) => reject(new Error(`The players' process exited (code ${code}).`));
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(message);
    });
  return { child, ask };
}

async function hostCommand(base: string, gameId: string, command: string, id: string, cookie: string) {
  const response = await fetch(`${base}/present/live/${gameId}`, {
    method: "POST",
    headers: actionHeaders(id, cookie),
    body: actionForm({ gameId, command }),
  });
  const text = await response.text();
  if (!response.ok || !text.includes('"ok":true'))
    throw new Error(`The host's "${command}" failed: ${response.status} ${text.slice(0, 300)}`);
}

/** Figures of one game on one database: `servers` app servers of `workers` processes each. */
async function playGame(
  options: LiveBenchOptions,
  { url, servers: serverCount, workers, label }: { url: string; servers: number; workers: number; label: string },
  databasePid: number | undefined,
): Promise<BenchFigure[]> {
  const game = shape(options.smoke);
  checkOpenFiles(game.players + 200);
  const { db } = await prepareDatabase(url);
  const made = await makeGame(db, game, options.secret);
  const ports = Array.from({ length: serverCount }, (_, i) => options.port + i);
  const servers = ports.map((port) => options.start({ url, port, workers }));
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const players = startPlayers();
  const stopAll = async () => {
    if (players.child.connected) players.child.send({ type: "stop" });
    await Promise.all(
      servers.map((server) => {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        return Promise.race([exited, sleep(15_000)]);
      }),
    );
  };
  try {
    await Promise.all(servers.map((server) => options.ready(server)));
    const commandId = serverActionId("app/(teacher)/teacher/live/actions.ts", "hostCommandAction");
    // Warm up every process: the first request of a route loads its code (the host's pages and
    // stream, and the phones' routes, which refuse a teacher: the code is loaded all the same).
    const warm = async (base: string) => {
      const teacher = { cookie: made.teacherCookie };
      const requests: [string, RequestInit][] = [
        ["/api/health", {}],
        [`/present/live/${made.gameId}`, { headers: teacher }],
        [`/api/live/games/${made.gameId}/events?once=1`, { headers: teacher }],
        [
          "/api/live/join",
          {
            method: "POST",
            headers: { ...teacher, "content-type": "application/json" },
            body: `{"pin":"${made.pin}"}`,
          },
        ],
        [`/play/${made.gameId}`, { headers: { ...teacher, rsc: "1" } }],
        [
          `/api/live/games/${made.gameId}/answers`,
          { method: "POST", headers: { ...teacher, "content-type": "application/json" }, body: "{}" },
        ],
      ];
      for (const [path_, init] of requests) await fetch(`${base}${path_}`, init).then((r) => r.arrayBuffer());
    };
    for (const base of bases) await Promise.all(Array.from({ length: 4 * workers }, () => warm(base)));
    const cpu = () => {
      const each = [...servers.map((s) => cpuSeconds(s.pid)), databasePid ? cpuSeconds(databasePid) : 0];
      return each.some((s) => s === null) ? null : each.reduce((a, b) => a! + b!, 0)!;
    };
    const rss = () => servers.reduce((total, server) => total + rssKb(server.pid), 0);
    const loadBefore = loadavg()[0]!;
    const rssBefore = rss();
    const cpuBefore = cpu();

    const config: PlayersConfig = {
      bases,
      gameId: made.gameId,
      pin: made.pin,
      cookies: made.cookies,
      joinOverMs: game.joinOverMs,
      answerWithinMs: game.answerWithinMs,
      retryShare: 0.05,
    };
    const phaseStarted = Date.now();
    const progress = (what: string) =>
      console.log(`Live bench, ${label}: ${what} (${((Date.now() - phaseStarted) / 1000).toFixed(1)} s)`);
    // The projector, on the first server, as the teacher's screen follows the game.
    const projector = new AbortController();
    const projectorRead = fetch(`${bases[0]}/api/live/games/${made.gameId}/events`, {
      headers: { cookie: made.teacherCookie, accept: "text/event-stream" },
      signal: projector.signal,
    })
      .then(async (response) => {
        const reader = response.body!.getReader();
        while (!(await reader.read()).done);
      })
      .catch(() => undefined);
    await players.ask({ type: "join", config }, "joined");
    const report = () => players.ask<{ report: PlayersReport }>({ type: "report" }, "report").then((r) => r.report);
    // Until every player has its first view (or 10 s more).
    for (let waited = 0; waited < 10_000; waited += 250) {
      if ((await report()).joinMs.every((ms) => ms >= 0)) break;
      await sleep(250);
    }
    await sleep(1_000);
    const rssJoined = rss();
    progress(`${game.players} players joined`);

    const sentAt: number[] = [];
    const closedAt: number[] = [];
    const waitFor = async (done: (r: PlayersReport) => boolean, ms: number) => {
      for (let waited = 0; waited < ms; waited += 100) {
        if (done(await report())) return;
        await sleep(100);
      }
    };
    // Every player that joined (one whose join failed is counted as dropped, not waited for).
    const joined = (await report()).joinMs.map((ms) => ms >= 0);
    const joinedCount = joined.filter(Boolean).length;
    const all = (list: number[] | undefined) => !!list && list.every((at, i) => at >= 0 || !joined[i]);
    for (let position = 0; position < game.questions; position++) {
      sentAt[position] = Date.now();
      await hostCommand(bases[0]!, made.gameId, position === 0 ? "start" : "next", commandId, made.teacherCookie);
      await waitFor((r) => all(r.shownAt[position]), 10_000);
      // Everyone answers within answerWithinMs of seeing it: until every answer to this question
      // is acknowledged or refused (those of earlier questions do not count).
      await waitFor(
        (r) => (r.answerMs[position]?.length ?? 0) + (r.answerFailed[position] ?? 0) >= joinedCount,
        game.answerWithinMs + 10_000,
      );
      closedAt[position] = Date.now();
      await hostCommand(bases[0]!, made.gameId, "close", commandId, made.teacherCookie);
      await waitFor((r) => all(r.closedAt[position]), 10_000);
      progress(`question ${position + 1} played`);
    }
    await hostCommand(bases[0]!, made.gameId, "end", commandId, made.teacherCookie);
    const cpuAfter = cpu();
    projector.abort();
    await projectorRead;
    const loadAfter = loadavg()[0]!;
    const final = await report();

    // What the database holds: one response per acknowledged answer, none twice, each scored.
    const stored = await db.response.findMany({
      where: { attempt: { gamePlayer: { gameId: made.gameId } } },
      select: { clientId: true, attemptId: true, questionId: true },
    });
    const storedIds = new Set(stored.map((r) => r.clientId));
    const pairs = new Set(stored.map((r) => `${r.attemptId} ${r.questionId}`));
    const acknowledged = Object.values(final.acknowledged).flatMap((ids) => ids.filter((id): id is string => !!id));
    const lost = acknowledged.filter((id) => !storedIds.has(id)).length;
    const scored = await db.gameAnswer.count({ where: { gameId: made.gameId } });
    const gameAnswers = await db.gameAnswer.findMany({
      where: { gameId: made.gameId },
      select: { playerId: true, position: true },
    });
    const duplicated =
      stored.length -
      pairs.size +
      gameAnswers.length -
      new Set(gameAnswers.map((a) => `${a.playerId} ${a.position}`)).size;
    await db.$disconnect();

    const joinMs = final.joinMs.filter((ms) => ms >= 0).sort((a, b) => a - b);
    const dropped = made.cookies.filter(
      (_, i) => final.joinMs[i]! < 0 || sentAt.some((_, q) => (final.shownAt[q]?.[i] ?? -1) < 0),
    ).length;
    const figures: BenchFigure[] = [];
    const key = (name: string) => `live_${name}`;
    figures.push(
      {
        key: key("players_joined"),
        label: `${label}: players joined of ${game.players} (${final.joinErrors.length} join errors${final.joinErrors[0] ? `, first: ${final.joinErrors[0]}` : ""})`,
        value: joinMs.length,
        unit: "count",
        target: String(game.players),
      },
      {
        key: key("join_p99_ms"),
        label: `${label}: join (the PIN form, the game's page, then the first view on the stream), ${game.players} within ${game.joinOverMs / 1000} s: p99`,
        value: percentile(joinMs, 99),
        unit: "ms",
      },
    );
    let worstShown = 0;
    for (let q = 0; q < game.questions; q++) {
      const shown = (final.shownAt[q] ?? [])
        .filter((at) => at >= 0)
        .map((at) => at - sentAt[q]!)
        .sort((a, b) => a - b);
      worstShown = Math.max(worstShown, percentile(shown, 99));
      figures.push({
        key: key(`q${q + 1}_shown_ms`),
        label: `${label}: question ${q + 1}, host's "${q === 0 ? "start" : "next"}" to each phone: p50 ${percentile(shown, 50).toFixed(0)} ms, max ${shown.at(-1)?.toFixed(0)} ms (${shown.length} phones); p99`,
        value: percentile(shown, 99),
        unit: "ms",
      });
    }
    figures.push({
      key: key("shown_worst_p99_ms"),
      label: `${label}: host's "next" to each phone, worst question's p99`,
      value: worstShown,
      unit: "ms",
      target: "<= 500",
    });
    const closed = Object.entries(final.closedAt)
      .flatMap(([q, list]) => list.filter((at) => at >= 0).map((at) => at - closedAt[Number(q)]!))
      .sort((a, b) => a - b);
    const answerMs = Object.values(final.answerMs)
      .flat()
      .sort((a, b) => a - b);
    figures.push(
      {
        key: key("closed_p99_ms"),
        label: `${label}: host's "close" to each phone's result (points, rank), all questions: p50 ${percentile(closed, 50).toFixed(0)} ms, max ${closed.at(-1)?.toFixed(0)} ms; p99`,
        value: percentile(closed, 99),
        unit: "ms",
      },
      {
        key: key("answer_p99_ms"),
        label: `${label}: answer acknowledgement, every player within ${game.answerWithinMs / 1000} s of the question (${answerMs.length} answers, 5% sent twice): p50 ${percentile(answerMs, 50).toFixed(0)} ms, max ${answerMs.at(-1)?.toFixed(0)} ms; p99`,
        value: percentile(answerMs, 99),
        unit: "ms",
        target: "<= 300",
      },
      {
        key: key("answer_errors"),
        label: `${label}: answers refused or failed${final.answerErrors[0] ? ` (first: ${final.answerErrors[0].slice(0, 160)})` : ""}`,
        value: final.answerErrors.length,
        unit: "count",
        target: "0",
      },
      {
        key: key("answers_lost"),
        label: `${label}: answers acknowledged but not in the database (of ${acknowledged.length}; ${scored} scored)`,
        value: lost,
        unit: "count",
        target: "0",
      },
      {
        key: key("answers_duplicated"),
        label: `${label}: answers stored or scored twice`,
        value: duplicated,
        unit: "count",
        target: "0",
      },
      {
        key: key("players_dropped"),
        label: `${label}: players who missed a question (${final.breaks} streams broke, ${final.reconnects} reconnections)`,
        value: dropped,
        unit: "count",
        target: "0",
      },
    );
    if (cpuBefore !== null && cpuAfter !== null)
      figures.push({
        key: key("cpu_ms_per_player"),
        label: `${label}: server CPU per player over the game (${game.questions} questions${databasePid ? ", database included" : ""})`,
        value: ((cpuAfter - cpuBefore) * 1000) / game.players,
        unit: "ms",
      });
    figures.push(
      {
        key: key("memory_kb_per_player"),
        label: `${label}: server memory per connected player (resident, ${(rssBefore / 1024).toFixed(0)} MB before the joins)`,
        value: Math.max(0, rssJoined - rssBefore) / game.players,
        unit: "KB",
      },
      {
        key: key("load_average"),
        label: `${label}: the machine's 1-minute load average at the start (at the end ${loadAfter.toFixed(2)}; ${availableParallelism()} cores)`,
        value: loadBefore,
        unit: "ratio",
      },
    );
    return figures;
  } finally {
    await stopAll();
  }
}

/** The live figures on SQLite and, when a PostgreSQL database is given, on PostgreSQL. */
export async function runLiveBench(
  options: LiveBenchOptions,
  postgres?: { url: string; databasePid: number | undefined },
): Promise<BenchFigure[]> {
  const sqliteUrl = `file:${path.resolve("data/bench-live/quizwire.db")}`;
  rmSync(path.dirname(sqliteFilePath(sqliteUrl)), { recursive: true, force: true });
  const figures = await playGame(
    options,
    { url: sqliteUrl, servers: 1, workers: 2, label: "live, SQLite, 1 server of 2 processes" },
    undefined,
  );
  if (postgres) {
    const workers = Number(process.env.BENCH_SERVER_WORKERS ?? Math.max(1, Math.floor(availableParallelism() / 2)));
    const pgFigures = await playGame(
      options,
      {
        url: postgres.url,
        servers: 2,
        workers,
        label: `live, PostgreSQL, 2 servers of ${workers} process${workers === 1 ? "" : "es"}`,
      },
      postgres.databasePid,
    );
    figures.push(...pgFigures.map((f) => ({ ...f, key: `postgres_${f.key}` })));
  }
  return figures;
}
