// A production server of the fault suite's own, from the same build and on the same e2e
// database as Playwright's: Playwright owns its webServer, and a restart mid-quiz needs a
// server the test may kill.
import { once } from "node:events";
import { createServer } from "node:net";

import { spawnServer } from "../../scripts/lib/server-process";
import { e2eServerEnv } from "../env";

export interface AppServer {
  url: string;
  /** Kills the server without warning, as a crash does: requests in flight are cut off. */
  crash(): Promise<void>;
  /** Starts it (again) and waits until it listens. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

export async function startAppServer(): Promise<AppServer> {
  const port = await freePort();
  let child: ReturnType<typeof spawnServer> | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const spawned = spawnServer({ port, host: "127.0.0.1" }, e2eServerEnv(), resolve);
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
  return { url: `http://127.0.0.1:${port}`, crash: () => kill("SIGKILL"), start, stop: () => kill("SIGTERM") };
}
