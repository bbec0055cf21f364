// The drafting thread (see draft-in-worker.ts): draftFacts, away from the server's event loop.
// Loads compromise once, then drafts one article per message.
import { parentPort } from "node:worker_threads";

import { draftFacts, loadNlp, type DraftInput } from "./draft";

export type DraftReply = { ok: true; drafts: ReturnType<typeof draftFacts> } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("draft-worker.ts runs as a worker thread.");
loadNlp();
port.on("message", (input: DraftInput) => {
  let reply: DraftReply;
  try {
    reply = { ok: true, drafts: draftFacts(input) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
