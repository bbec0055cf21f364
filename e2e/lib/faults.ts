// Fault injection for the quiz player: a seeded schedule of what goes wrong with each answer
// request, RSC request and quiz page load, plus the network dropping, reloads and a server
// crash, counted by kind. Every fault is real to the app: its own code gets the refused
// connection, the 503 or the reply that never comes, and the server really stores the answers
// whose replies are lost.
import type { BrowserContext, Page, Request, Route } from "@playwright/test";

import type { AppServer } from "./app-server";
import { seededRandom } from "./random";

/** What happens to one POST /api/answers, and how often (weights). */
const ANSWER_SCHEDULE = {
  // The server stores the answer, but the page never learns it did: the retry that follows
  // must not store it twice. The case exactly-once is about.
  "answer stored, reply lost": 3,
  "answer stored, then 502 from a proxy": 1,
  "answer stored, reply cut short": 1,
  // The request never reaches the server.
  "connection failed": 2,
  "server error (500/502/503)": 2,
  // It gets through, late; in a blip the network drops meanwhile and the page sends it again.
  "slow reply": 0.25,
  "slow reply, network blip meanwhile": 0.2,
  none: 0.15,
} as const;

/** What happens to an RSC request or a quiz page load through the service worker, when faulted. */
const PAGE_SCHEDULE = { aborted: 2, "server error (500/503)": 1.5, "slow reply": 1.5 } as const;

const ABORT_CODES = [
  "failed",
  "connectionreset",
  "connectionrefused",
  "timedout",
  "internetdisconnected",
  "addressunreachable",
] as const;

const isAnswerRequest = (request: Request) => new URL(request.url()).pathname === "/api/answers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FaultInjector {
  // Separate streams, so the answers' faults do not shift with how many pages were loaded.
  private readonly answerRandom;
  private readonly pageRandom;
  private readonly counts = new Map<string, number>();
  /** "attemptId/questionId" of the answers whose stored reply reached the page. */
  private readonly stored = new Set<string>();
  /** Answer requests given the server's own successful reply. */
  private readonly passedOn = new WeakSet<Request>();
  private settled = 0;
  private waiters: { target: number; resolve: () => void }[] = [];
  private context: BrowserContext | undefined;
  /** Quiz page loads are faulted only on reloads, when the service worker has a copy to fall back on. */
  private reloading = false;
  private serverDown = false;
  /** Page and RSC faults wait until the quiz runs, so signing in is left alone. */
  active = false;

  constructor(
    seed: number,
    private readonly origin: string,
  ) {
    this.answerRandom = seededRandom(seed + 1);
    this.pageRandom = seededRandom(seed + 2);
  }

  get total(): number {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  /** "1,234 faults (300 answer stored, reply lost, ...)", most frequent first. */
  describe(): string {
    const kinds = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`);
    return `${this.total.toLocaleString("en")} faults (${kinds.join(", ")})`;
  }

  async install(context: BrowserContext): Promise<void> {
    this.context = context;
    await context.route(
      (url) => url.origin === this.origin,
      (route) => (isAnswerRequest(route.request()) ? this.onAnswer(route) : this.onPage(route)),
    );
    // An answer counts as stored once its reply reached the page: the reply to a page that was
    // reloaded meanwhile never arrives.
    context.on("requestfinished", (request) => {
      if (!isAnswerRequest(request)) return;
      if (this.passedOn.has(request)) {
        const { attemptId, questionId } = request.postDataJSON() as { attemptId: string; questionId: string };
        this.stored.add(`${attemptId}/${questionId}`);
      }
      this.settle();
    });
    context.on("requestfailed", (request) => {
      if (isAnswerRequest(request)) this.settle();
    });
  }

  /** Whether the page has been told the server stored this answer. */
  isStored(attemptId: string, questionId: string): boolean {
    return this.stored.has(`${attemptId}/${questionId}`);
  }

  /** Resolves when the page has the outcome of its next answer request, or after `timeoutMs`. */
  nextAnswerSettled(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push({
        target: this.settled + 1,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The network drops for a moment; back online, the page sends what it keeps. */
  async offlineSpell(): Promise<void> {
    this.count("offline spell");
    await this.context!.setOffline(true);
    await sleep(5);
    await this.context!.setOffline(false);
  }

  /** The network drops for a while (`goOnline` ends it): answers wait on the phone. */
  async goOffline(): Promise<void> {
    this.count("offline for a few answers");
    await this.context!.setOffline(true);
  }

  async goOnline(): Promise<void> {
    await this.context!.setOffline(false);
  }

  /** A reload, with the quiz page's own load open to faults. */
  async reload(page: Page, kind: string): Promise<void> {
    this.count(kind);
    this.reloading = true;
    try {
      await page.reload();
    } finally {
      this.reloading = false;
    }
  }

  /** Kills the server (requests in flight are cut off); `restartServer` brings it back. */
  async crashServer(server: AppServer): Promise<void> {
    this.count("server crash and restart");
    this.serverDown = true;
    await server.crash();
  }

  async restartServer(server: AppServer): Promise<void> {
    await server.start();
    this.serverDown = false;
  }

  private count(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  private settle(): void {
    this.settled++;
    const ready = this.waiters.filter((w) => w.target <= this.settled);
    this.waiters = this.waiters.filter((w) => w.target > this.settled);
    for (const waiter of ready) waiter.resolve();
  }

  private async onAnswer(route: Route): Promise<void> {
    const random = this.answerRandom;
    const fault = random.weighted(ANSWER_SCHEDULE);
    try {
      if (fault === "connection failed") {
        this.count(fault);
        await route.abort(random.pick(ABORT_CODES));
        return;
      }
      if (fault === "server error (500/502/503)") {
        this.count(fault);
        await route.fulfill({ status: random.pick([500, 502, 503]), body: "Service unavailable" });
        return;
      }
      if (fault === "slow reply" || fault === "slow reply, network blip meanwhile") {
        this.count(fault);
        await sleep(random.int(50, 300));
        if (fault !== "slow reply") await this.offlineSpell();
      }
      // The real request, then what the page gets of its reply.
      const response = await route.fetch().catch(() => null);
      if (!response) {
        if (this.serverDown) this.count("refused while the server was down");
        await route.abort("connectionrefused");
      } else if (fault === "answer stored, reply lost") {
        this.count(fault);
        await route.abort(random.pick(["connectionreset", "failed", "timedout"]));
      } else if (fault === "answer stored, then 502 from a proxy") {
        this.count(fault);
        await route.fulfill({ status: 502, body: "Bad gateway" });
      } else if (fault === "answer stored, reply cut short") {
        this.count(fault);
        const body = await response.text();
        await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
      } else {
        if (response.ok()) this.passedOn.add(route.request());
        await route.fulfill({ response });
      }
    } catch {
      // The page went away (a reload) before it got its reply.
    }
  }

  private async onPage(route: Route): Promise<void> {
    const request = route.request();
    const rsc = request.headers()["rsc"] === "1";
    const quizPage =
      this.reloading &&
      request.serviceWorker() !== null &&
      /^\/(quiz|assignments)\//.test(new URL(request.url()).pathname);
    const random = this.pageRandom;
    if (!this.active || !(rsc || quizPage) || !random.chance(0.5)) return route.fallback();
    const fault = random.weighted(PAGE_SCHEDULE);
    this.count(`${rsc ? "RSC request" : "quiz page load"}: ${fault}`);
    try {
      if (fault === "aborted") await route.abort(random.pick(ABORT_CODES));
      else if (fault === "server error (500/503)")
        await route.fulfill({ status: random.pick([500, 503]), body: "Service unavailable" });
      else {
        await sleep(random.int(100, 300));
        await route.fallback();
      }
    } catch {
      // The page went away meanwhile.
    }
  }
}
