"use client";

// The quiz player's transport: every answer goes into this device's queue (lib/client/
// answer-queue.ts) first, then to POST /api/answers, retried until the server has it. Answers
// the server confirmed are kept on the device too, so a page reloaded offline still shows them.
// The answer card (question-card.tsx) knows none of this: it gets `answers` and calls `send`.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { AnswerOutcome } from "@/lib/attempts/mutations";
import type { QuizState } from "@/lib/attempts/queries";
import type { AnswerRequest } from "@/lib/attempts/schemas";
import type { QuestionView } from "@/lib/attempts/view";
import { ANSWER_RESULT_EVENT, postAnswer, sharedQueue, type SendResult } from "@/lib/client/answer-queue";
import { markDeviceUser, pagesCacheName, savedAnswersKey, STATIC_CACHE } from "@/lib/client/device-data";
import { kindOf, type KindAnswer } from "@/lib/questions/kinds";

import type { AnswerState } from "./question-card";

/**
 * Answers the server confirmed, kept so a page reloaded from the offline copy still shows them.
 * Keyed by user: on a shared phone nobody reads another's (lib/client/device-data.ts).
 */
function readSaved(userId: string, attemptId: string): Record<string, AnswerState> {
  try {
    return JSON.parse(localStorage.getItem(savedAnswersKey(userId, attemptId)) ?? "{}") as Record<string, AnswerState>;
  } catch {
    return {};
  }
}
function writeSaved(userId: string, attemptId: string, questionId: string, answer: AnswerState) {
  try {
    localStorage.setItem(
      savedAnswersKey(userId, attemptId),
      JSON.stringify({ ...readSaved(userId, attemptId), [questionId]: answer }),
    );
  } catch {
    // Storage full or blocked: the server has the answer anyway.
  }
}

function describe(question: QuestionView, answer: KindAnswer): string {
  return kindOf(answer.type).describe(answer, question.options);
}

function newClientId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface AnswerQueueState {
  /** Each answered question's answer, by question id. */
  answers: Record<string, AnswerState>;
  /** False since a send failed for want of network, until one gets through. */
  online: boolean;
  /** Queue an answer (once per question) and send it. */
  send: (question: QuestionView, answer: KindAnswer, responseMs: number) => void;
}

export function useAnswerQueue(
  state: QuizState,
  userId: string,
  /** Called once mounted if answers kept on this device were merged in, with every answered id. */
  onRestore: (answeredIds: Set<string>) => void,
  /**
   * The server's clock minus this phone's (lib/client/attempt-clock.ts): answers are stamped
   * with the phone's clock corrected by it, so a phone set to the wrong time still tells the
   * server when it answered (the server believes it only within its grace either way).
   */
  clockOffsetMs = 0,
): AnswerQueueState {
  const queue = useMemo(
    () => (typeof window === "undefined" ? null : sharedQueue(window.localStorage, userId)),
    [userId],
  );
  const [answers, setAnswers] = useState<Record<string, AnswerState>>(() =>
    Object.fromEntries(
      state.answered.map((a) => [a.questionId, { given: a.given, status: "saved" as const, feedback: a.feedback }]),
    ),
  );
  const [online, setOnline] = useState(true);
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  });

  const applyResult = useCallback(
    (request: AnswerRequest, result: SendResult<AnswerOutcome>) => {
      setAnswers((current) => {
        const previous = current[request.questionId];
        if (!previous) return current;
        const next: AnswerState =
          result.kind === "saved"
            ? { ...previous, status: "saved", feedback: result.outcome.feedback }
            : result.kind === "retry"
              ? { ...previous, status: "waiting" }
              : { ...previous, status: "rejected", message: result.message };
        if (next.status === "saved") writeSaved(userId, request.attemptId, request.questionId, next);
        return { ...current, [request.questionId]: next };
      });
      if (result.kind === "retry") setOnline(false);
      if (result.kind === "saved") setOnline(true);
    },
    [userId],
  );

  // Answers sent from elsewhere on the page (signing out sends what is waiting first).
  useEffect(() => {
    const onResult = (event: Event) => {
      const { request, result } = (event as CustomEvent<{ request: AnswerRequest; result: SendResult<AnswerOutcome> }>)
        .detail;
      if (request.attemptId === state.attemptId) applyResult(request, result);
    };
    window.addEventListener(ANSWER_RESULT_EVENT, onResult);
    return () => window.removeEventListener(ANSWER_RESULT_EVENT, onResult);
  }, [applyResult, state.attemptId]);

  const flush = useCallback(async () => {
    if (!queue) return;
    await queue.flush((r) => postAnswer<AnswerOutcome>(r), applyResult);
  }, [queue, applyResult]);

  // Answers kept on this device from before a reload: show them as given, and send them.
  useEffect(() => {
    if (!queue) return;
    const pending = queue.forAttempt(state.attemptId);
    const saved = readSaved(userId, state.attemptId);
    if (pending.length > 0 || Object.keys(saved).length > 0) {
      // This device's answers live in localStorage, which only exists after hydration: reading
      // it during render would differ from the server's HTML, so merge them in once mounted.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAnswers((current) => {
        const next = { ...saved, ...current };
        for (const request of pending) {
          const question = state.questions.find((q) => q.id === request.questionId);
          if (question && !next[question.id])
            next[question.id] = { given: describe(question, request.answer), status: "waiting", feedback: null };
        }
        return next;
      });
      restore.current(
        new Set([
          ...state.answered.map((a) => a.questionId),
          ...pending.map((p) => p.questionId),
          ...Object.keys(saved),
        ]),
      );
    }
    void flush();
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, 5000);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [queue, state, flush, userId]);

  // Keep the quiz page and its scripts for reloads while offline. The worker only sees
  // requests made after it starts, so this page puts itself in its cache: this user's, which
  // the worker serves only while this user is the one signed in here (public/sw.js).
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
    const assets = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
    const keep = (cacheName: string, urls: string[]) =>
      caches.open(cacheName).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined))));
    void markDeviceUser(caches, userId)
      .then(() =>
        Promise.all([keep(pagesCacheName(userId), [location.pathname + location.search]), keep(STATIC_CACHE, assets)]),
      )
      .catch(() => undefined);
  }, [userId]);

  const send = useCallback(
    (question: QuestionView, answer: KindAnswer, responseMs: number) => {
      if (!queue || answers[question.id]) return;
      queue.add({
        clientId: newClientId(),
        attemptId: state.attemptId,
        questionId: question.id,
        // The card built it with the kind's widget; the server checks it with the kind's schema.
        answer: answer as AnswerRequest["answer"],
        answeredAt: new Date(Date.now() + clockOffsetMs).toISOString(),
        responseMs,
      });
      setAnswers((current) => ({
        ...current,
        [question.id]: { given: describe(question, answer), status: "waiting", feedback: null },
      }));
      void flush();
    },
    [queue, answers, state.attemptId, flush, clockOffsetMs],
  );

  return { answers, online, send };
}
