// The quiz page as a student's phone gets it, against the benchmark's running production
// server: the JavaScript a modern browser loads for it beside the framework's floor, in
// Debian's Chromium. Students on phones pay for every kilobyte of script on a school network.
import { gzipSync } from "node:zlib";

import { chromium, devices, type Browser } from "@playwright/test";

import { CHROMIUM_PATH } from "../../e2e/env";
import type { BenchFigure } from "./bench-http";

/** Flags Debian's Chromium needs as root on a machine with no outside network (STACK.md). */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

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

/** `quizPath` must show `cookie`'s student a quiz with questions left to answer. */
export async function runPageBench({
  base,
  cookie,
  quizPath,
}: {
  base: string;
  cookie: string;
  quizPath: string;
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
  ];
}
