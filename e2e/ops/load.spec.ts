// One user must not slow everyone: an oversized body is refused (413) before the server reads
// it, and a long article drafts off the event loop, one per teacher at a time, while the
// server keeps answering everyone else.
import { request as httpRequest } from "node:http";

import type { Page } from "@playwright/test";

import { E2E_BASE_URL, E2E_PORT } from "../env";
import { expect, signIn, test } from "../fixtures";
import { longArticle } from "../../tests/fixtures/long-article";

const MB = 1024 * 1024;

interface Upload {
  status: number | "no answer";
  body: string;
  /** Bytes of the body written; the rest never comes. */
  sentBytes: number;
  ms: number;
}

/**
 * POSTs sendBytes of "[" in 64 KB chunks and then holds the request open: the body never
 * finishes, so an answer proves the server decided without reading it all. With contentLength
 * the body is declared that long; without, it is chunked. Whatever the machine's speed, the
 * bytes sent are the same, so the check does not depend on how fast the server answers.
 */
function upload(
  path: string,
  { cookie, sendBytes, contentLength }: { cookie?: string; sendBytes: number; contentLength?: number },
): Promise<Upload> {
  const started = performance.now();
  return new Promise((resolve) => {
    let sentBytes = 0;
    let answered = false;
    const done = (result: Omit<Upload, "ms" | "sentBytes">) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve({ ...result, sentBytes, ms: Math.round(performance.now() - started) });
      req.destroy();
    };
    const req = httpRequest({
      host: "127.0.0.1",
      port: E2E_PORT,
      method: "POST",
      path,
      headers: {
        "Content-Type": "application/json",
        ...(cookie ? { Cookie: cookie } : {}),
        ...(contentLength ? { "Content-Length": String(contentLength) } : { "Transfer-Encoding": "chunked" }),
      },
    });
    const timer = setTimeout(() => done({ status: "no answer", body: "" }), 15_000);
    req.on("response", (response) => {
      const chunks: Buffer[] = [];
      const status = response.statusCode ?? 0;
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ status, body: Buffer.concat(chunks).toString() }));
      response.on("error", () => done({ status, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", () => undefined);
    const chunk = Buffer.alloc(64 * 1024, "[");
    const write = () => {
      while (!answered && sentBytes < sendBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
    };
    write();
  });
}

/** Polls /api/health every 100 ms until stopped; the slowest answer, in ms. */
function watchHealth(): { stop: () => Promise<number> } {
  let slowest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${E2E_BASE_URL}/api/health`);
      await response.text();
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Math.round(slowest);
    },
  };
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test("an oversized body is refused with 413 before it is read, and the server keeps answering", async ({
  page,
  make,
}) => {
  test.setTimeout(90_000);
  const teacher = await make.teacher();
  const student = await make.student((await make.classroom(teacher.id)).id);
  await signIn(page, student.username);
  const cookie = await cookieOf(page);
  const health = watchHealth();

  // 300 MB announced, 64 KB sent: refused on the header, without waiting for the body.
  const declared = await upload("/api/answers", { cookie, contentLength: 300 * MB, sendBytes: 64 * 1024 });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body)).toMatchObject({ error: "too_large", message: expect.stringMatching(/limit/) });

  // Chunked (no length), 1 MB sent and never finished: refused once the bytes read pass the
  // cap (16 KB for JSON APIs), without waiting for the end.
  for (const path of ["/api/answers", "/api/reports", "/api/auth/callback/credentials"]) {
    const chunked = await upload(path, { cookie, sendBytes: MB });
    expect(chunked.status, path).toBe(413);
  }

  // Within the cap, everything is as before.
  const small = await fetch(`${E2E_BASE_URL}/api/answers`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: "{}",
  });
  expect(small.status).toBe(400);
  expect(await health.stop()).toBeLessThan(1_000);
});

test("while a long article drafts, the server keeps answering, and a teacher drafts one at a time", async ({
  page,
  make,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  await signIn(page, teacher.email);
  const second = await page.context().newPage();
  const body = longArticle();
  for (const [tab, title] of [
    [page, "A long week of news"],
    [second, "The same week again"],
  ] as const) {
    await tab.goto("/teacher/import");
    await tab.getByLabel("Headline").fill(title);
    await tab.getByLabel("Outlet").fill("Wire Service");
    await tab.getByLabel("Published on").fill("2025-11-20");
    await tab.getByLabel("The article's text").fill(body);
  }

  const health = watchHealth();
  await page.getByRole("button", { name: "Draft the facts" }).click();
  await expect(page.getByRole("button", { name: "Drafting facts…" })).toBeVisible();
  await page.waitForTimeout(300);
  await second.getByRole("button", { name: "Draft the facts" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toContainText(/already have an article being drafted/i, {
    timeout: 60_000,
  });
  await expect(page.getByRole("heading", { name: "A long week of news" })).toBeVisible({ timeout: 60_000 });
  // Before drafting left the event loop, a health check waited for the whole draft (seconds).
  expect(await health.stop()).toBeLessThan(1_000);

  // Once it is done, the second tab may draft.
  await second.getByRole("button", { name: "Draft the facts" }).click();
  await expect(second.getByRole("heading", { name: "The same week again" })).toBeVisible({ timeout: 60_000 });
});
