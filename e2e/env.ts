// Where the end-to-end suite runs: its own port and its own SQLite file, so it never
// touches the database that `npm start` serves.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATABASE_URL = `file:${path.resolve("data/e2e/quizwire.db")}`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags Debian's Chromium needs as root on a machine with no outside network (STACK.md). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The environment every e2e app server runs with (scripts/e2e-server.ts and the fault suite's own). */
export function e2eServerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: E2E_DATABASE_URL,
    AUTH_SECRET: "e2e-only-secret-e2e-only-secret-e2e-only",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // A line per request would bury the suite's own output (LOG_REQUESTS=json to see them).
    LOG_REQUESTS: process.env.LOG_REQUESTS ?? "off",
    // "Forgot password" works only where mail is set up: the e2e servers write their mail to files.
    SMTP_URL: `file:${path.resolve("data/e2e/outbox")}`,
    // No schedule ticking behind the tests' backs (the matrices compare the database before and
    // after each call): a followed feed is read at once and its items drafted right after, which
    // is what e2e/teacher/feeds.spec.ts checks; the schedule itself is tested in tests/integration/feeds.test.ts.
    FEEDS_SCHEDULE: "off",
  };
}
