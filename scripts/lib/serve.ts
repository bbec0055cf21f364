// What `npm start` and `npm run dev` share: resolve the database and secret, bring the
// database up to date, create demo accounts on a new embedded database, and run Next.js.
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath, type DbProvider } from "../../lib/db-provider";
import { pruneCounters } from "../../lib/auth/rate-limit";
import { seedDemo } from "../../lib/demo/seed";
import { applyRetention } from "../../lib/privacy/retention";
import { formatDemoLogins } from "./demo-print";
import { formatSyncReport } from "./format";
import { prepareDatabase } from "./prepare";
import { securePrivateData } from "./private-files";
import { retentionDays } from "./retention-days";
import { UserFacingError } from "./run-main";
import { resolveAuthSecret } from "./secrets";
import { spawnServer } from "./server-process";

export interface ServeSetup {
  url: string;
  provider: DbProvider;
  port: number;
  env: NodeJS.ProcessEnv;
  /** The demo logins, when this run created them. */
  demo?: string;
}

export async function setUpServing({ demo: wantDemo }: { demo: boolean }): Promise<ServeSetup> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`PORT must be a port number; got "${process.env.PORT}".`);
  }
  if (!(await isPortFree(port))) {
    throw new UserFacingError(
      `Port ${port} is already in use (another Quizwire?). Stop it, or start on another port: PORT=${port + 1} npm start`,
    );
  }
  let url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const provider = providerOf(url);
  // An absolute path, so the server finds the same file whatever its working directory.
  if (provider === "sqlite") url = `file:${path.resolve(sqliteFilePath(url))}`;
  const authSecret = resolveAuthSecret(provider);

  const prepared = await prepareDatabase(url);
  // An install made before data files were private: readable by this account only from now on.
  securePrivateData("data", url);
  if (prepared.migrations.applied.length > 0) {
    console.log(`Database (${provider}): applied ${prepared.migrations.applied.length} migration(s).`);
  }
  if (prepared.content) console.log(formatSyncReport(prepared.content));
  let demo: string | undefined;
  try {
    if (prepared.isNew && provider === "sqlite" && wantDemo) demo = formatDemoLogins(await seedDemo(prepared.db));
    const retention = await applyRetention(prepared.db, { days: retentionDays() });
    // Rate-limit windows of days ago (the running servers also prune as they count).
    await pruneCounters(prepared.db);
    if (retention.classes > 0) {
      console.log(
        `Retention: cleared ${retention.classes} archived class(es), deleted ${retention.students} student(s).`,
      );
    }
    if (retention.guests > 0) console.log(`Retention: deleted ${retention.guests} live-game guest(s).`);
  } finally {
    await prepared.db.$disconnect();
  }
  return {
    url,
    provider,
    port,
    demo,
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      // The app's QR codes and links use the LAN address with this port (lib/public-url.ts).
      PORT: String(port),
    },
  };
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((net) => net && net.family === "IPv4" && !net.internal)
    .map((net) => net!.address);
}

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/**
 * Runs the Quizwire HTTP server (scripts/server.mjs) until it exits, passing on Ctrl+C;
 * prints `banner()` once it is ready.
 */
export async function runServer(
  options: { dev?: boolean; port: number; host: string },
  env: NodeJS.ProcessEnv,
  banner: () => string,
): Promise<number> {
  const server = spawnServer(options, env, () => console.log(banner()));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise<number>((resolve) => server.on("exit", (code: number | null) => resolve(code ?? 0)));
}

export function readyBanner(setup: ServeSetup, seconds: number, wantDemo: boolean): string {
  const lines = [
    "",
    `Quizwire is ready (${seconds.toFixed(1)} s) on ${setup.provider === "sqlite" ? `SQLite ${sqliteFilePath(setup.url)}` : "PostgreSQL"}:`,
    `  on this computer   http://localhost:${setup.port}`,
    ...lanAddresses().map((address) => `  on the same Wi-Fi  http://${address}:${setup.port}`),
  ];
  if (setup.demo) lines.push("", setup.demo);
  else if (setup.provider === "sqlite" && wantDemo) {
    lines.push(
      "",
      "Demo logins were printed when the database was created; `npm run db:seed -- --demo` makes new passwords.",
    );
  }
  lines.push("", "Press Ctrl+C to stop.", "");
  return lines.join("\n");
}
