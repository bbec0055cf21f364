// The bench's two-server phase, PostgreSQL's deployment in small: two app servers (separate
// processes on separate ports, as separate machines would be, each with its own
// WEB_CONCURRENCY) on one database, with the load spread evenly over both. On one machine
// they share its cores, so the figure to read is not speed but that every answer is stored
// (no errors) at no more CPU per answer than one server: nothing is coordinated between them
// but the database.
import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";

import type autocannon from "autocannon";

import { fixedRate, percentile, type ArrivalResult } from "./arrivals";
import type { BenchFigure } from "./bench-http";
import { cpuSeconds } from "./processes";

const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3300);

export interface TwoServerBench {
  url: string;
  /** PostgreSQL's main process: its CPU (and its backends') counts beside the app servers'. */
  databasePid: number | undefined;
  smoke: boolean;
  seconds: number;
  /** The one-server figures of the same database, for the ratios. */
  oneServer: BenchFigure[];
  /** The next new answer: a student's cookie and the body. */
  answer: () => { cookie: string; body: string };
  start: (options: { url: string; port: number; workers: number }) => ChildProcess;
  ready: (server: ChildProcess) => Promise<void>;
  load: (options: autocannon.Options) => Promise<autocannon.Result>;
}

/**
 * Processes per server: half the one-server run's (BENCH_WORKERS, else the cores), so both
 * runs have as many processes on this machine; BENCH_SERVER_WORKERS sets it.
 */
function workersPerServer(): number {
  if (process.env.BENCH_SERVER_WORKERS) return Number(process.env.BENCH_SERVER_WORKERS);
  return Math.max(1, Math.floor(Number(process.env.BENCH_WORKERS ?? availableParallelism()) / 2));
}

export async function twoServerFigures(bench: TwoServerBench): Promise<BenchFigure[]> {
  const workers = workersPerServer();
  const ports = [FIRST_PORT, FIRST_PORT + 1];
  const servers = ports.map((port) => bench.start({ url: bench.url, port, workers }));
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const cpu = () => {
    const each = [
      ...servers.map((server) => cpuSeconds(server.pid)),
      bench.databasePid ? cpuSeconds(bench.databasePid) : 0,
    ];
    return each.some((seconds) => seconds === null) ? null : each.reduce((a, b) => a! + b!, 0)!;
  };
  const answerRequest: autocannon.Request = {
    method: "POST",
    path: "/api/answers",
    setupRequest: (request) => {
      const { cookie, body } = bench.answer();
      return { ...request, headers: { ...request.headers, cookie, "content-type": "application/json" }, body };
    },
  };
  try {
    await Promise.all(servers.map((server) => bench.ready(server)));
    // Warm up every process of both, as the one-server run does.
    await Promise.all(
      bases.map((url) =>
        bench.load({ url, connections: 10 * workers, amount: 200 * workers, requests: [answerRequest] }),
      ),
    );

    // 50 connections, half to each, back to back.
    const before = cpu();
    const peaks = await Promise.all(
      bases.map((url) => bench.load({ url, connections: 25, duration: bench.seconds, requests: [answerRequest] })),
    );
    const after = cpu();
    const answers = peaks.reduce((total, peak) => total + peak.requests.total, 0);
    const perSecond = peaks.reduce((total, peak) => total + peak.requests.average, 0);
    const failed = peaks.reduce((total, peak) => total + peak.non2xx + peak.errors, 0);
    const cpuMs = before === null || after === null ? null : ((after - before) * 1000) / Math.max(1, answers);

    // Students answering on their own schedules, each phone reaching either server.
    const rate = bench.smoke ? 100 : 600;
    const arrivals = await Promise.all(
      bases.map((base) =>
        fixedRate({
          base,
          rate: rate / bases.length,
          seconds: bench.seconds,
          next: () => {
            const { cookie, body } = bench.answer();
            return {
              method: "POST",
              path: "/api/answers",
              headers: { cookie, "content-type": "application/json" },
              body,
            };
          },
        }),
      ),
    );
    const merged = mergeArrivals(arrivals);

    const oneServer = (key: string) => bench.oneServer.find((figure) => figure.key === key)?.value;
    const label = `two app servers (${workers} process${workers === 1 ? "" : "es"} each)`;
    const figures: BenchFigure[] = [
      {
        key: "two_servers_answers_peak_per_s",
        label: `${label}: answers/s, 50 connections spread over both (${failed} non-2xx or errors)`,
        value: perSecond,
        unit: "per second",
      },
      {
        key: `two_servers_answers_at_${rate}_p99_ms`,
        label: `${label}: answers arriving at ${rate}/s, half to each: p99`,
        value: percentile(merged.latencies, 99),
        unit: "ms",
      },
      {
        key: `two_servers_answers_at_${rate}_errors`,
        label: `${label}: answers arriving at ${rate}/s: errors and non-2xx (of ${merged.sent})`,
        value: merged.errors + merged.non2xx,
        unit: "count",
        target: "0",
      },
    ];
    const onePeak = oneServer("answers_peak_per_s");
    if (onePeak) {
      figures.push({
        key: "two_servers_to_one_answers_ratio",
        label: "answers/s: two app servers ÷ one",
        value: perSecond / onePeak,
        unit: "ratio",
      });
    }
    if (cpuMs !== null) {
      figures.push({
        key: "two_servers_answer_cpu_ms",
        label: `${label}: CPU per answer (app servers + database)`,
        value: cpuMs,
        unit: "ms",
      });
      const oneCpu = oneServer("answer_cpu_ms");
      if (oneCpu) {
        figures.push({
          key: "two_servers_to_one_cpu_ratio",
          label: "CPU time per answer: two app servers ÷ one",
          value: cpuMs / oneCpu,
          unit: "ratio",
          target: "<= 1.1",
        });
      }
    }
    return figures;
  } finally {
    await Promise.all(
      servers.map((server) => {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      }),
    );
  }
}

function mergeArrivals(results: ArrivalResult[]): ArrivalResult {
  return {
    sent: results.reduce((total, result) => total + result.sent, 0),
    latencies: results.flatMap((result) => result.latencies).sort((a, b) => a - b),
    errors: results.reduce((total, result) => total + result.errors, 0),
    non2xx: results.reduce((total, result) => total + result.non2xx, 0),
  };
}
