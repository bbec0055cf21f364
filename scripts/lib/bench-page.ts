// The quiz page as a student's phone gets it, against the benchmark's running production
// server: the JavaScript a modern browser loads for it beside the framework's floor, and
// Lighthouse's mobile scores. Both in Debian's Chromium; students on phones pay for every
// kilobyte of script on a school network.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

import { chromium, devices, type Browser } from "@playwright/test";

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../e2e/env";
import type { BenchFigure } from "./bench-http";

/**
 * The floor: a URL no route matches renders the root layout and app/not-found.tsx, which have
 * no client component of ours (the root error boundary, app/error.tsx, is on every page).
 */
const FLOOR_PATH = "/bench-floor-no-such-page";

/** zlib's default level, the one `next start` compresses with. */
const GZIP_LEVEL = 6;

const KB = 1024;

/**
 * Gzipped bytes of the scripts the page loads before its load event, as a phone's Chromium
 * loads it: scripts marked nomodule are never fetched by a modern browser, so they are not
 * counted. Each body is gzipped here, so files the server leaves uncompressed (under 1 KB)
 * count the same way as the rest.
 */
async function firstLoadScriptBytes(
  browser: Browser,
  url: string,
  cookie: string,
  expectedStatus: number,
): Promise<number> {
  // Service workers blocked: the quiz page's worker would otherwise fetch the same files again.
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    serviceWorkers: "block",
    extraHTTPHeaders: { cookie },
  });
  try {
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script" && !scripts.has(response.url()))
        scripts.set(response.url(), response.body());
    });
    const response = await page.goto(url, { waitUntil: "load" });
    page.removeAllListeners("response");
    // A redirect (to sign in, or to results) would measure another page.
    if (response?.status() !== expectedStatus || page.url() !== url)
      throw new Error(`${url} answered ${response?.status()} at ${page.url()}; expected ${expectedStatus} there.`);
    const bodies = await Promise.all(scripts.values());
    return bodies.reduce((sum, body) => sum + gzipSync(body, { level: GZIP_LEVEL }).length, 0);
  } finally {
    await context.close();
  }
}

interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  benchmarkIndex: number;
}

/** The parts of Lighthouse's JSON result read here. */
interface LighthouseResult {
  runtimeError?: { message: string };
  finalDisplayedUrl: string;
  categories: Record<"performance" | "accessibility", { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  environment: { benchmarkIndex: number };
}

/**
 * One Lighthouse run with its defaults (a mobile phone, simulated slow 4G and a 4x slower CPU),
 * through its CLI so that it launches and closes its own Chromium. The session cookie goes in a
 * header on every request.
 */
async function runLighthouse(url: string, cookie: string): Promise<LighthouseRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.resolve("node_modules/lighthouse/cli/index.js"),
      url,
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance,accessibility",
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as LighthouseResult;
  if (result.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.runtimeError.message}`);
  if (result.finalDisplayedUrl !== url)
    throw new Error(`Lighthouse was sent from ${url} to ${result.finalDisplayedUrl}.`);
  const score = (id: "performance" | "accessibility") => result.categories[id].score ?? 0;
  const metric = (id: string) => result.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    benchmarkIndex: result.environment.benchmarkIndex,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * `quizPath` must show `cookie`'s student a quiz with questions left to answer. --smoke runs
 * Lighthouse once; the full run takes the median of three, as its scores vary from run to run.
 */
export async function runPageBench({
  base,
  cookie,
  quizPath,
  smoke,
}: {
  base: string;
  cookie: string;
  quizPath: string;
  smoke: boolean;
}): Promise<BenchFigure[]> {
  const quizUrl = `${base}${quizPath}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  let quizKb: number;
  let floorKb: number;
  try {
    quizKb = (await firstLoadScriptBytes(browser, quizUrl, cookie, 200)) / KB;
    floorKb = (await firstLoadScriptBytes(browser, `${base}${FLOOR_PATH}`, cookie, 404)) / KB;
  } finally {
    await browser.close();
  }

  const runs: LighthouseRun[] = [];
  for (let i = 0; i < (smoke ? 1 : 3); i++) runs.push(await runLighthouse(quizUrl, cookie));
  const of = (pick: (run: LighthouseRun) => number) => median(runs.map(pick));
  const lighthouse = `Lighthouse 12.2.3 mobile, quiz page${runs.length > 1 ? `, median of ${runs.length} runs` : ""}`;

  const gzipped = `gzipped here at level ${GZIP_LEVEL} as next start sends it, nomodule excluded`;
  return [
    {
      key: "quiz_page_js_kb",
      label: `quiz page (an assignment) first-load JavaScript on a phone (${gzipped})`,
      value: quizKb,
      unit: "KB",
    },
    {
      key: "floor_page_js_kb",
      label: `framework floor: the not-found page's first-load JavaScript (${gzipped})`,
      value: floorKb,
      unit: "KB",
    },
    {
      key: "quiz_page_js_over_floor_kb",
      label: "quiz page JavaScript over the floor (gzipped)",
      value: quizKb - floorKb,
      unit: "KB",
      target: "<= 25",
    },
    {
      key: "lighthouse_performance",
      label: `${lighthouse}: performance score, 0 to 1`,
      value: of((r) => r.performance),
      unit: "ratio",
      target: ">= 0.95",
    },
    {
      key: "lighthouse_accessibility",
      label: `${lighthouse}: accessibility score, 0 to 1`,
      value: of((r) => r.accessibility),
      unit: "ratio",
      target: "1",
    },
    {
      key: "lighthouse_lcp_ms",
      label: `${lighthouse}: largest contentful paint`,
      value: of((r) => r.lcpMs),
      unit: "ms",
    },
    { key: "lighthouse_tbt_ms", label: `${lighthouse}: total blocking time`, value: of((r) => r.tbtMs), unit: "ms" },
    {
      key: "lighthouse_cls",
      label: `${lighthouse}: cumulative layout shift`,
      value: of((r) => r.cls),
      unit: "ratio",
    },
    {
      // Lighthouse scales the CPU time it observes: on a busy machine total blocking time grows
      // and the score falls. Its own measure of this machine's speed says how busy it was.
      key: "lighthouse_benchmark_index",
      label: `${lighthouse}: CPU benchmark index of this machine (lower is busier)`,
      value: of((r) => r.benchmarkIndex),
      unit: "count",
    },
  ];
}
