// The server Playwright tests against: a fresh database with content/, then the production
// build (made beforehand by `npm run build` or scripts/test.ts) on E2E_PORT.
import { rmSync } from "node:fs";
import path from "node:path";

import { E2E_DATABASE_URL, E2E_PORT, e2eServerEnv } from "../e2e/env";
import { sqliteFilePath } from "../lib/db-provider";
import { prepareDatabase } from "./lib/prepare";
import { runMain } from "./lib/run-main";
import { runServer } from "./lib/serve";

await runMain(async () => {
  rmSync(path.dirname(sqliteFilePath(E2E_DATABASE_URL)), { recursive: true, force: true });
  const { db } = await prepareDatabase(E2E_DATABASE_URL);
  await db.$disconnect();
  process.exitCode = await runServer(
    { port: E2E_PORT, host: "127.0.0.1" },
    e2eServerEnv(),
    () => `e2e server ready on port ${E2E_PORT}`,
  );
});
