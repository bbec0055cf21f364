// A production server of a test's own, from the same build and on the same e2e database as
// Playwright's: Playwright owns its webServer, and a restart mid-quiz (the fault suite) or a
// killed process (the cluster test) needs a server the test may kill.
import { once } from "node:events";
import { createServer } from "node:net";

import { spawnServer } from "../../scripts/lib/server-process";
import { e2eServerEnv } from "../env";

export interface AppServer {
  url: string;
  /** The process started (with WEB_CONCURRENCY > 1, the one that supervises the others). */
  pid(): number | undefined;
  /** Kills the server without warning, as a crash does: requests in flight are cut off. */
  crash(): Promise<void>;
  /** Starts it (again) and waits until it listens. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  let child: ReturnType<typeof spawnServer> | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const spawned = spawnServer({ port, host: "127.0.0.1" }, { ...e2eServerEnv(), ...env }, resolve);
      spawned.once("exit", (code) => reject(new Error(`The app server exited (${code}) before it was ready.`)));
      child = spawned;
    });
  const kill = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill(signal);
    await once(running, "exit");
  };

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: () => child?.pid,
    crash: () => kill("SIGKILL"),
    start,
    stop: () => kill("SIGTERM"),
  };
}
