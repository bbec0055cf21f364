// Records every student-facing response the browser receives, with the moment its request
// left, and runs the leak scanner (leak-scan.ts) over them: a question's answer must not be in
// any response requested after the question was asked and before the student answered it.
import type { BrowserContext } from "@playwright/test";

import { scanResponse, type AnswerKey, type Finding } from "./leak-scan";

interface Recorded {
  /** When the request left, on the recorder's clock of events. */
  at: number;
  url: string;
  contentType: string;
  body: string;
  forQuestionId?: string;
}

/**
 * Not scanned: the build's static files (the same for everyone, made before any question
 * existed), and the article itself (the open source text every question is drawn from, which a
 * student may read at any time; it says what happened, not which choice a question counts right).
 */
const NOT_SCANNED = /^\/(_next\/static\/|sw\.js$|favicon|articles\/)/;

export class LeakRecorder {
  private clock = 0;
  private readonly keys = new Map<string, AnswerKey>();
  private readonly titles = new Set<string>();
  /** Per question: from when it was open (asked, not answered yet) and from when not, in order. */
  private readonly events = new Map<string, { at: number; open: boolean }[]>();
  private readonly recorded: Recorded[] = [];

  /** Sees every response through a route on the context (pages and the service worker both). */
  async attach(context: BrowserContext, origin: string): Promise<void> {
    await context.route(
      (url) => url.origin === origin && !NOT_SCANNED.test(url.pathname),
      async (route) => {
        const request = route.request();
        const at = ++this.clock;
        let forQuestionId: string | undefined;
        if (new URL(request.url()).pathname === "/api/answers") {
          forQuestionId = (request.postDataJSON() as { questionId?: string } | null)?.questionId;
        }
        // Redirects reach the browser as they are, so it follows them itself.
        const response = await route.fetch({ maxRedirects: 0 }).catch(() => null);
        // The page gave up on it (a prefetch cancelled by a navigation), before or while its
        // body came: nothing arrived.
        const body = response ? await response.text().catch(() => null) : null;
        if (!response || body === null) {
          await route.abort().catch(() => undefined);
          return;
        }
        this.recorded.push({
          at,
          url: request.url(),
          contentType: response.headers()["content-type"] ?? "",
          body,
          forQuestionId,
        });
        await route.fulfill({ response, body });
      },
    );
  }

  /** A point in the traffic, to ask questions from once they are known (see `ask`). */
  mark(): number {
    return this.clock;
  }

  /** From `since` (a mark; now by default) these questions are asked and unanswered. */
  ask(keys: readonly AnswerKey[], titles: readonly string[] = [], since = this.clock): void {
    for (const title of titles) this.titles.add(title);
    for (const key of keys) {
      this.keys.set(key.questionId, key);
      const events = this.events.get(key.questionId) ?? [];
      events.push({ at: since, open: true });
      this.events.set(key.questionId, events);
    }
  }

  /** Call just before confirming: from then on the question's answer may be sent. */
  answering(questionId: string): void {
    this.events.get(questionId)?.push({ at: this.clock, open: false });
  }

  /** The attempt is over (answered with feedback kept back): these questions are asked no more. */
  close(keys: readonly AnswerKey[]): void {
    for (const key of keys) this.answering(key.questionId);
  }

  get responseCount(): number {
    return this.recorded.length;
  }

  /** Every finding in the recorded traffic, with the question's stem and the response's address. */
  findings(): (Finding & { url: string; stem: string })[] {
    const keys = [...this.keys.values()];
    return this.recorded.flatMap((response) => {
      const unanswered = new Set(
        keys
          .filter((key) => {
            const before = this.events.get(key.questionId)!.filter((e) => e.at < response.at);
            return before.at(-1)?.open === true;
          })
          .map((key) => key.questionId),
      );
      return scanResponse(response, keys, unanswered, [...this.titles]).map((finding) => ({
        ...finding,
        stem: this.keys.get(finding.questionId)!.stem,
        url: response.url,
      }));
    });
  }
}
