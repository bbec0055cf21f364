// Where the end-to-end suite runs: its own port and its own SQLite file, so it never
// touches the database that `npm start` serves.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATABASE_URL = `file:${path.resolve("data/e2e/quizwire.db")}`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
