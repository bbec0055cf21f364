// The drafting thread (see draft-in-worker.ts): the CPU-heavy work of an import, away from the
// server's event loop. One job per message: draft an article's facts (loading compromise the
// first time), generate the questions a draft's facts would give (the review page) and,
// when publishing, its default quiz, or read a link: fetch a page and extract its article.
import { parentPort } from "node:worker_threads";

import type { Content } from "@/lib/content/load";
import { extractArticle, type ExtractedArticle } from "@/lib/links/extract";
import { parseFeed, type FeedRead } from "@/lib/links/feed";
import { fetchPage, LinkError, type FetchPolicy, type LinkErrorCode } from "@/lib/links/fetch-page";
import { generateArticleQuestions } from "@/lib/questions/from-content";
import { selectQuiz } from "@/lib/questions/select";
import type { GeneratedQuestion } from "@/lib/questions/types";

import { draftFacts, loadNlp, type DraftFact, type DraftInput } from "./draft";

export type WorkerJob =
  | { job: "draft"; input: DraftInput }
  | {
      job: "questions";
      content: Pick<Content, "articles" | "entities">;
      slug: string;
      /** Fact keys ("slug#key") superseded elsewhere: their questions are held back. */
      superseded?: string[];
      /** Also choose the default quiz among them (publishing). */
      withQuiz?: boolean;
    }
  | { job: "link"; url: string; policy: Omit<FetchPolicy, "accept"> }
  | { job: "feed"; url: string; policy: Omit<FetchPolicy, "accept"> };

export type WorkerReply =
  | { ok: true; drafts: DraftFact[] }
  | { ok: true; questions: GeneratedQuestion[]; quiz: GeneratedQuestion[] }
  /** A link read: its article, or why it cannot be imported (an expected failure, as a value). */
  | { ok: true; article: ExtractedArticle }
  | { ok: true; feed: FeedRead }
  | { ok: true; linkError: { code: LinkErrorCode; message: string } }
  | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("draft-worker.ts runs as a worker thread.");
async function run(request: WorkerJob): Promise<WorkerReply> {
  if (request.job === "draft") return { ok: true, drafts: draftFacts(request.input) };
  if (request.job === "link" || request.job === "feed") {
    try {
      if (request.job === "feed") {
        const page = await fetchPage(request.url, { ...request.policy, accept: "feed" });
        return { ok: true, feed: parseFeed(page.text, page.url) };
      }
      const page = await fetchPage(request.url, { ...request.policy, accept: "html" });
      return { ok: true, article: extractArticle(page.text, page.url) };
    } catch (error) {
      if (error instanceof LinkError) return { ok: true, linkError: { code: error.code, message: error.message } };
      throw error;
    }
  }
  const questions = generateArticleQuestions(request.content, request.slug, new Set(request.superseded));
  return { ok: true, questions, quiz: request.withQuiz ? selectQuiz(questions) : [] };
}

port.on("message", (request: WorkerJob | { job: "warm" }) => {
  if (request.job === "warm") {
    try {
      loadNlp();
    } catch {
      // Warming is a head start only; the first draft loads it again and reports any error.
    }
    return;
  }
  run(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerReply),
  );
});
