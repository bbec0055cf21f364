// npm test - every check the project has, in the order that fails fastest:
// typecheck, lint, format, unit tests, integration tests on SQLite and on PostgreSQL (the
// production build is made before the PostgreSQL run: its test of two app servers serves it),
// and the end-to-end suite in Debian's Chromium against that build.
//
//   npm test                        everything
//   npm test -- --only integration  one step (typecheck, lint, format, unit, integration, e2e, bench)
//
// PostgreSQL: TEST_DATABASE_URL names a server to create test databases on; otherwise a
// throwaway cluster is started. Under CI (CI=true) a run without PostgreSQL fails; elsewhere
// it warns loudly and says what it skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { CHROMIUM_PATH } from "../e2e/env";
import { isBuildCurrent, markBuildCurrent, sourceHash } from "./lib/build-state";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./lib/postgres";
import { installMissing, missingPackages } from "./lib/system-packages";

type Outcome = "passed" | "failed" | "skipped";
interface StepResult {
  name: string;
  outcome: Outcome;
  seconds: number;
  note?: string;
}

const STEPS = ["generate", "typecheck", "lint", "format", "unit", "integration", "e2e", "bench"] as const;
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex === -1 ? undefined : process.argv[onlyIndex + 1];
if (only && !STEPS.includes(only as (typeof STEPS)[number])) {
  console.error(`--only takes one of: ${STEPS.join(", ")}`);
  process.exit(2);
}
const wanted = (step: (typeof STEPS)[number]) => !only || only === step || step === "generate";

const isCi = process.env.CI === "true" || process.env.CI === "1";
const results: StepResult[] = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
const reportDir = mkdtempSync(path.join(os.tmpdir(), "quizwire-test-"));
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.FORCE_COLOR ?? "0",
};

function bin(name: string): string {
  return path.resolve("node_modules/.bin", name);
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): boolean {
  console.log(`\n━━ ${name} ━━ ${[path.basename(command), ...args].join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const ok = result.status === 0;
  results.push({ name, outcome: ok ? "passed" : "failed", seconds: (performance.now() - started) / 1000 });
  return ok;
}

function skip(name: string, note: string): void {
  results.push({ name, outcome: "skipped", seconds: 0, note });
}

/** Adds a Vitest JSON report's test counts to the totals. */
function countVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests;
}

/** Adds a Playwright JSON report's test counts to the totals. */
function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

function vitest(name: string, project: string, env: NodeJS.ProcessEnv = baseEnv): boolean {
  const output = path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`);
  const ok = run(
    name,
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`],
    env,
  );
  countVitest(output);
  return ok;
}

async function postgresServer(): Promise<{ url: string; throwaway?: ThrowawayPostgres } | { error: string }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL };
  try {
    const throwaway = await startThrowawayPostgres();
    return { url: throwaway.url, throwaway };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * The production build, made at most once a run and only when the sources changed since the
 * last: the end-to-end suite runs against it, and so does the integration test of two app
 * servers on one PostgreSQL, which is why a full run builds before the integration step.
 */
let buildResult: boolean | undefined;
function ensureBuild(): boolean {
  if (buildResult !== undefined) return buildResult;
  buildResult = isBuildCurrent();
  if (!buildResult) {
    const sources = sourceHash();
    buildResult = run("build", process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      ...baseEnv,
      NODE_ENV: "production",
    });
    if (buildResult) markBuildCurrent(sources);
  }
  return buildResult;
}

const started = performance.now();
let postgresRan = false;

// Chromium and PostgreSQL come from Debian: installed here when missing and possible.
const installed = installMissing(
  missingPackages({ chromium: wanted("e2e") || wanted("bench"), postgres: wanted("integration") }, CHROMIUM_PATH),
);
if (!installed.ok) console.warn(`\n!! ${installed.message}`);

try {
  if (wanted("generate")) run("generate", process.execPath, [bin("tsx"), "scripts/prisma-generate.ts"]);
  if (wanted("typecheck")) run("typecheck", bin("tsc"), ["--noEmit"]);
  if (wanted("lint")) run("lint", bin("eslint"), ["--max-warnings", "0", "."]);
  if (wanted("format")) run("format", bin("prettier"), ["--check", "--log-level", "warn", "."]);
  if (wanted("unit")) vitest("unit", "unit");

  if (wanted("integration")) {
    vitest("integration (SQLite)", "integration", { ...baseEnv, QUIZWIRE_TEST_DB: "sqlite" });
    const server = await postgresServer();
    if ("error" in server) {
      const message = `PostgreSQL unavailable: ${server.error}`;
      if (isCi) {
        results.push({ name: "integration (PostgreSQL)", outcome: "failed", seconds: 0, note: message });
      } else {
        console.warn(
          `\n!!!!!!!!\n!! ${message}\n!! SKIPPED: the integration tests on PostgreSQL. Set TEST_DATABASE_URL or install PostgreSQL.\n!!!!!!!!`,
        );
        skip("integration (PostgreSQL)", message);
      }
    } else {
      try {
        postgresRan = true;
        // tests/integration/two-servers.test.ts starts app servers of the production build.
        ensureBuild();
        vitest("integration (PostgreSQL)", "integration", {
          ...baseEnv,
          QUIZWIRE_TEST_DB: "postgres",
          TEST_DATABASE_URL: server.url,
        });
      } finally {
        server.throwaway?.stop();
      }
    }
  }

  if (wanted("e2e")) {
    if (!existsSync(CHROMIUM_PATH)) {
      console.error(
        `\nChromium not found at ${CHROMIUM_PATH}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
      );
      results.push({
        name: "e2e",
        outcome: "failed",
        seconds: 0,
        note: "Chromium missing: apt-get install -y chromium",
      });
    } else {
      if (ensureBuild()) {
        const output = path.join(reportDir, "playwright.json");
        run("e2e", bin("playwright"), ["test"], { ...baseEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
        countPlaywright(output);
      } else {
        skip("e2e", "the build failed");
      }
    }
  }
  // The benchmarks must keep working: a few seconds of each figure (not judged against targets).
  if (wanted("bench"))
    run("bench (smoke)", process.execPath, [
      bin("tsx"),
      "--import",
      "./scripts/lib/server-only-outside-next.mjs",
      "scripts/bench.ts",
      "--smoke",
    ]);
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}

const failed = results.filter((r) => r.outcome === "failed");
console.log("\n━━ Summary ━━");
for (const r of results) {
  console.log(
    `  ${r.outcome === "passed" ? "✓" : r.outcome === "failed" ? "✗" : "-"} ${r.name.padEnd(26)} ${r.outcome.padEnd(7)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ""}`,
  );
}
if (wanted("integration")) {
  console.log(`  Databases exercised: SQLite yes, PostgreSQL ${postgresRan ? "yes" : "NO (skipped)"}`);
}
console.log(`  Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed.length > 0 && counts.failed === 0) counts.failed = failed.length;
console.log(
  `\nTests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
);
process.exit(failed.length > 0 ? 1 : 0);
