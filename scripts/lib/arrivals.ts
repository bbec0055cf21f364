// Requests at a fixed arrival rate, as a class's students send them: each at its own moment,
// whether or not earlier ones have been answered (an open loop). autocannon's `overallRate`
// is not that: each connection sends its quota for the second back to back and then waits
// for the next second, so requests arrive in bursts, and its correction for coordinated
// omission then adds made-up samples at 1 ms steps below each slow one. Here latency is
// measured from the moment a request was due, so a server that falls behind shows it.
import { Agent, request as httpRequest } from "node:http";

export interface Arrival {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ArrivalResult {
  sent: number;
  /** Milliseconds from each request's due moment to the end of its response, sorted. */
  latencies: number[];
  errors: number;
  non2xx: number;
}

/** The latency at a percentile (0 to 100) of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function fixedRate({
  base,
  rate,
  seconds,
  next,
}: {
  base: string;
  rate: number;
  seconds: number;
  next: () => Arrival;
}): Promise<ArrivalResult> {
  const url = new URL(base);
  // Every student's phone keeps its own connection; 1,000 is plenty for these rates.
  const agent = new Agent({ keepAlive: true, maxSockets: 1000 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const finished: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers, body } = next();
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, method, path, headers, timeout: 30_000 },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.end(body);
    });
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out, each timed from when it was due.
      for (; i < total && started + (i * 1000) / rate <= now; i++) finished.push(send(started + (i * 1000) / rate));
      if (i < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(finished);
  agent.destroy();
  return { sent: total, latencies: latencies.sort((a, b) => a - b), errors, non2xx };
}
