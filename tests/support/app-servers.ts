// Several Quizwire app servers on one database, as separate machines behind a load balancer
// would run them: each its own process (scripts/server.mjs on the production build) on its
// own port, all with the same AUTH_SECRET. For tests that check that whatever one server
// stores or counts holds on the others.
import { once } from "node:events";
import { existsSync } from "node:fs";

import { freePort } from "@/e2e/lib/app-server";
import { spawnServer } from "@/scripts/lib/server-process";

export interface AppServer {
  url: string;
  /** What the server has written to stdout since it was ready (its request log). */
  output(): string;
  stop(): Promise<void>;
}

/** Why these tests cannot run here, or undefined when they can. */
export function missingBuild(): string | undefined {
  return existsSync(".next/BUILD_ID")
    ? undefined
    : "there is no production build: run `npx next build` (npm test's integration step builds first)";
}

export async function startAppServers(count: number, env: Record<string, string>): Promise<AppServer[]> {
  return Promise.all(Array.from({ length: count }, () => startAppServer(env)));
}

async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  let output = "";
  const child = await new Promise<ReturnType<typeof spawnServer>>((resolve, reject) => {
    const spawned = spawnServer(
      { port, host: "127.0.0.1" },
      { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      () => resolve(spawned),
    );
    spawned.once("exit", (code) => reject(new Error(`An app server exited (code ${code}) before it was ready.`)));
  });
  // Kept for the test; spawnServer passes it on too, so keep it off the test's output.
  child.stdout!.removeAllListeners("data");
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
