// The drafting thread (see draft-in-worker.ts): the CPU-heavy work of an import, away from the
// server's event loop. One job per message: draft an article's facts (loading compromise the
// first time), or generate the questions a draft's facts would give (the review page) and,
// when publishing, its default quiz.
import { parentPort } from "node:worker_threads";

import type { Content } from "@/lib/content/load";
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
    };

export type WorkerReply =
  | { ok: true; drafts: DraftFact[] }
  | { ok: true; questions: GeneratedQuestion[]; quiz: GeneratedQuestion[] }
  | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("draft-worker.ts runs as a worker thread.");
port.on("message", (request: WorkerJob | { job: "warm" }) => {
  let reply: WorkerReply;
  try {
    if (request.job === "warm") {
      loadNlp();
      return;
    }
    if (request.job === "draft") reply = { ok: true, drafts: draftFacts(request.input) };
    else {
      const questions = generateArticleQuestions(request.content, request.slug, new Set(request.superseded));
      reply = { ok: true, questions, quiz: request.withQuiz ? selectQuiz(questions) : [] };
    }
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
