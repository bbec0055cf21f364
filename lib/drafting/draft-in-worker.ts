// Drafting for the server: draftFacts is seconds of CPU for a long article, and generating the
// questions of its draft (the review page) most of a second; on the event loop either would
// stall every other request of this process (answers, health checks). So both run in worker
// threads: drafts at most MAX_RUNNING_DRAFTS at once and one per teacher (DraftLimiter),
// the questions of a long draft queued behind a limit of their own (an ordinary article's
// take tens of ms, and are generated inline). Scripts and tests that want the plain
// functions call draftFacts and generateArticleQuestions directly.
import { Worker } from "node:worker_threads";

import { AppError } from "@/lib/errors";

import type { Content } from "@/lib/content/load";
import type { ExtractedArticle } from "@/lib/links/extract";
import type { FeedRead } from "@/lib/links/feed";
import { LinkError, type FetchPolicy } from "@/lib/links/fetch-page";
import { generateArticleQuestions } from "@/lib/questions/from-content";
import { selectQuiz } from "@/lib/questions/select";
import type { GeneratedQuestion } from "@/lib/questions/types";

import type { DraftFact, DraftInput } from "./draft";
import { DraftLimiter } from "./draft-limiter";
import type { WorkerJob, WorkerReply } from "./draft-worker";

export const MAX_RUNNING_DRAFTS = 2;
export const MAX_WAITING_DRAFTS = 10;
/** A draft still running after this is stopped: no real article takes near it (~4 s for 100,000 characters). */
export const DRAFT_TIMEOUT_MS = 60_000;
/** An idle thread is ended after this, freeing its memory (~100 MB with compromise loaded). */
const IDLE_MS = 5 * 60_000;

const limiter = new DraftLimiter(MAX_RUNNING_DRAFTS, MAX_WAITING_DRAFTS);
/** Previews: a teacher may have several in flight (the review re-previews while they type). */
const previews = new DraftLimiter(MAX_RUNNING_DRAFTS, 50);
let previewCount = 0;
/** Links being read: mostly waiting on the network, so a few more at once than drafts. */
const links = new DraftLimiter(4, 20, {
  alreadyRunning: "Quizwire is still reading your last link. Wait for it (up to 15 seconds), then try again.",
  tooMany: "Quizwire is reading many links right now. Try again in a minute.",
});
const idle: Array<{ worker: Worker; timer: NodeJS.Timeout; onExit: () => void }> = [];

function forgetIdle(worker: Worker): void {
  const index = idle.findIndex((entry) => entry.worker === worker);
  if (index < 0) return;
  const [entry] = idle.splice(index, 1);
  clearTimeout(entry!.timer);
  worker.off("exit", entry!.onExit);
}

function spawnWorker(): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 512 } };
  // In Next's server (NEXT_RUNTIME is set) the bundler compiles the entry and its imports to
  // JavaScript and rewrites this URL. Elsewhere (tests, scripts) tsx loads the TypeScript; the
  // bundler must not see that call (it would try to bundle the code string as a file).
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./draft-worker.ts", import.meta.url), limits);
  const entry = JSON.stringify(new URL("./draft-worker.ts", import.meta.url).href);
  const code = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${entry}, ${entry}))`;
  return Reflect.construct(Worker, [code, { ...limits, eval: true }]) as Worker;
}

function takeWorker(): Worker {
  const entry = idle.at(-1);
  if (!entry) return spawnWorker();
  forgetIdle(entry.worker);
  return entry.worker;
}

/** Keeps a thread for the next draft; it ends after IDLE_MS unused, and is dropped if it dies meanwhile. */
function returnWorker(worker: Worker): void {
  const timer = setTimeout(() => {
    forgetIdle(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  const onExit = () => forgetIdle(worker);
  worker.once("exit", onExit);
  worker.unref();
  idle.push({ worker, timer, onExit });
}

function runOnce(request: WorkerJob): Promise<WorkerReply & { ok: true }> {
  const worker = takeWorker();
  worker.ref();
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void, reuse: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (reuse) returnWorker(worker);
      else void worker.terminate();
      outcome();
    };
    const onMessage = (reply: WorkerReply) =>
      reply.ok
        ? finish(() => resolve(reply), true)
        : finish(() => reject(new Error(`Drafting failed: ${reply.message}`)), true);
    const onError = (error: Error) => finish(() => reject(error), false);
    const onExit = (code: number) =>
      finish(() => reject(new Error(`The drafting thread ended (exit code ${code}).`)), false);
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(
              new AppError(
                "invalid_input",
                "Drafting this article took too long. Paste a shorter article, or one part of it at a time.",
              ),
            ),
          false,
        ),
      DRAFT_TIMEOUT_MS,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(request);
  });
}

/**
 * Starts a drafting thread ahead of need (the import page calls it): loading the tagger takes
 * a thread a few seconds, better spent while the teacher pastes than after the click.
 */
export function warmDraftWorker(): void {
  if (idle.length > 0 || limiter.stats.running > 0) return;
  const worker = spawnWorker();
  worker.postMessage({ job: "warm" });
  returnWorker(worker);
}

/** draftFacts in a worker thread, for this user; refused while the user has another draft running. */
export function draftFactsInWorker(userId: string, input: DraftInput): Promise<DraftFact[]> {
  return limiter.run(userId, async () => {
    const reply = await runOnce({ job: "draft", input });
    return "drafts" in reply ? reply.drafts : [];
  });
}

/** Up to this many facts, an article's questions take tens of ms: cheaper inline than a round trip to a thread. */
export const INLINE_GENERATION_MAX_FACTS = 60;

/**
 * generateArticleQuestions (and, with withQuiz, selectQuiz's default quiz among them) for a
 * draft: inline for an article of ordinary length, in a worker thread for a long one (a
 * 15,000-word draft's ~1,000 questions are most of a second of CPU).
 */
export async function generateDraftQuestions(
  content: Pick<Content, "articles" | "entities">,
  slug: string,
  { superseded = new Set<string>(), withQuiz = false }: { superseded?: ReadonlySet<string>; withQuiz?: boolean } = {},
): Promise<{ questions: GeneratedQuestion[]; quiz: GeneratedQuestion[] }> {
  const facts = content.articles.find((a) => a.slug === slug)?.facts.length ?? 0;
  if (facts <= INLINE_GENERATION_MAX_FACTS) {
    const questions = generateArticleQuestions(content, slug, superseded);
    return { questions, quiz: withQuiz ? selectQuiz(questions) : [] };
  }
  return previews.run(`preview-${++previewCount}`, async () => {
    const reply = await runOnce({ job: "questions", content, slug, superseded: [...superseded], withQuiz });
    return "questions" in reply ? { questions: reply.questions, quiz: reply.quiz } : { questions: [], quiz: [] };
  });
}

/**
 * Fetches a page and extracts its article in a worker thread (lib/links): the network wait and
 * the parsing of a large page stay off this process's event loop. One link at a time per key
 * (a teacher, or a feed). Throws LinkError with the teacher's message when the link cannot be imported.
 */
export function readArticleInWorker(
  key: string,
  url: string,
  policy: Omit<FetchPolicy, "accept">,
): Promise<ExtractedArticle> {
  return links.run(key, async () => {
    const reply = await runOnce({ job: "link", url, policy });
    if ("linkError" in reply) throw new LinkError(reply.linkError.code, reply.linkError.message);
    if (!("article" in reply)) throw new Error("The reading thread answered something else.");
    return reply.article;
  });
}

/** Fetches and parses a feed in a worker thread; throws LinkError saying why it cannot be read. */
export function readFeedInWorker(key: string, url: string, policy: Omit<FetchPolicy, "accept">): Promise<FeedRead> {
  return links.run(key, async () => {
    const reply = await runOnce({ job: "feed", url, policy });
    if ("linkError" in reply) throw new LinkError(reply.linkError.code, reply.linkError.message);
    if (!("feed" in reply)) throw new Error("The reading thread answered something else.");
    return reply.feed;
  });
}
