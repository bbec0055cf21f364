import path from "node:path";

import { defineConfig } from "vitest/config";

// Two projects: unit tests beside the code (no database), and integration tests against a
// real database. scripts/test.ts runs the integration project once per database.
export default defineConfig({
  // `server-only` throws outside Next; tests run server code, so it resolves to its empty build.
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "e2e/lib/**/*.test.ts"],
          environment: "node",
          // Drafting whole articles loads compromise's lexicon first: seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One database server, many test files: run files one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
