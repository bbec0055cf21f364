// Drafting a long article is seconds of CPU: it must not stall the other requests this
// process serves, and one teacher may draft one article at a time.
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDraft, previewDraft, publishDraft } from "@/lib/imports/mutations";

import { longArticle } from "../fixtures/long-article";
import { makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

/** Runs `work` while timing the event loop: the longest the loop went without a turn, in ms. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number; totalMs: number }> {
  const started = performance.now();
  let last = started;
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    // The last stretch counts too: the work may end without the loop having turned since.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { result, stallMs, totalMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

const ELECTION = readFileSync("tests/fixtures/drafting/slovenia-election-2025-10-13/article.md", "utf8").replace(
  /^---[\s\S]*?---\s*/,
  "",
);

describe(`drafting under load on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  const body = longArticle();
  const input = { title: "A long week of news", outlet: "Wire", url: "", publishedOn: "2025-11-20", body };

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("keeps the event loop answering while a long article is drafted", async () => {
    expect(body.length).toBeGreaterThan(90_000);
    const teacher = await makeUser(test.db, "TEACHER");
    // A short article first: starting a drafting thread is a one-off cost of its own.
    await createDraft(test.db, teacher, { ...input, body: ELECTION });
    const { result, stallMs } = await longestStall(() => createDraft(test.db, teacher, input));
    const draft = await test.db.articleDraft.findUniqueOrThrow({ where: { id: result.id } });
    expect(JSON.parse(draft.factsJson).length).toBeGreaterThan(20);
    // Before drafting moved off the event loop, this was the whole drafting time (3-12 s here).
    // Now it is tens of ms; the margin is for a machine busy with other work.
    expect(stallMs).toBeLessThan(500);
  });

  it("keeps the event loop answering while a long draft's questions are previewed", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const { id } = await createDraft(test.db, teacher, input);
    // A short preview first: its thread may have to start.
    const short = await createDraft(test.db, teacher, { ...input, title: "Short", body: ELECTION });
    await previewDraft(test.db, teacher, short.id);
    const { result: preview, stallMs, totalMs } = await longestStall(() => previewDraft(test.db, teacher, id));
    expect(preview.facts.filter((f) => f.served > 0).length).toBeGreaterThan(20);
    // Generating every question of a 15,000-word draft is most of a second (seconds before it
    // was sped up); on the event loop it stalled every request for that long. What still runs on
    // the loop (taking the thread's result in, reading the draft) measured 450-480 ms alone on
    // these 2 cores and 510-540 ms beside the rest of the suite: the bound is the publish one.
    // On a machine shared with other work both stretch (1.26 s once at load 12): there the
    // stall must stay well under the whole preview, as it could not if the loop generated.
    expect(stallMs).toBeLessThan(Math.max(1_000, totalMs * 0.75));

    const draft = await test.db.articleDraft.findUniqueOrThrow({ where: { id } });
    const facts = JSON.parse(draft.factsJson) as Array<{ status: string }>;
    await test.db.articleDraft.update({
      where: { id },
      data: { factsJson: JSON.stringify(facts.map((f) => ({ ...f, status: "accepted" }))) },
    });
    const published = await longestStall(() => publishDraft(test.db, teacher, id));
    const quiz = await test.db.questionSet.findFirstOrThrow({
      where: { article: { slug: published.result.slug } },
      select: { _count: { select: { items: true } } },
    });
    expect(quiz._count.items).toBeGreaterThanOrEqual(10);
    // Publishing generates in the thread too, but writing ~1,000 questions is the database's
    // work: on SQLite (a synchronous driver) that still holds the loop for a second or two.
    if (TEST_PROVIDER === "postgres") expect(published.stallMs).toBeLessThan(Math.max(1_000, published.totalMs * 0.75));
  });

  it("lets a teacher draft one article at a time, and others meanwhile", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const first = createDraft(test.db, teacher, input);
    const second = createDraft(test.db, teacher, { ...input, title: "The same teacher again" });
    const others = createDraft(test.db, other, { ...input, title: "Another teacher" });
    await rejectsWith(second, "rate_limited");
    await expect(second).rejects.toThrow(/already have an article being drafted/i);
    await expect(first).resolves.toHaveProperty("id");
    await expect(others).resolves.toHaveProperty("id");
    expect(await test.db.articleDraft.count({ where: { ownerId: teacher.id } })).toBe(1);
    // Once the first is done, the next one is welcome.
    await expect(createDraft(test.db, teacher, { ...input, title: "Next one" })).resolves.toHaveProperty("id");
  });
});
