"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ANSWER_RESULT_EVENT, postAnswer, sharedQueue, type SendResult } from "@/lib/attempts/answer-queue";
import { markDeviceUser, pagesCacheName, savedAnswersKey, STATIC_CACHE } from "@/lib/attempts/device-data";
import type { Feedback } from "@/lib/attempts/grading";
import type { AnswerOutcome } from "@/lib/attempts/mutations";
import type { QuizState } from "@/lib/attempts/queries";
import type { AnswerRequest } from "@/lib/attempts/schemas";
import type { QuestionView } from "@/lib/attempts/view";

type Given = AnswerRequest["answer"];

/**
 * Answers the server confirmed, kept so a page reloaded from the offline copy still shows them.
 * Keyed by user: on a shared phone nobody reads another's (lib/attempts/device-data.ts).
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
type Status = "saved" | "waiting" | "rejected";

interface AnswerState {
  given: string;
  status: Status;
  feedback: Feedback | null;
  message?: string;
}

function describe(question: QuestionView, answer: Given): string {
  switch (answer.type) {
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE":
      return question.options.find((o) => o.position === answer.position)?.text ?? "";
    case "FILL_BLANK":
    case "NUMERIC":
      return answer.text;
    case "MATCHING":
      return question.options.map((o, i) => `${o.text} → ${answer.matches[i] ?? "?"}`).join("; ");
    case "ORDERING":
      return answer.order.map((p) => question.options.find((o) => o.position === p)?.text ?? "?").join(" → ");
  }
}

const asOfFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
function formatAsOf(isoDay: string): string {
  return asOfFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

function newClientId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function QuizPlayer({ state, userId }: { state: QuizState; userId: string }) {
  const queue = useMemo(
    () => (typeof window === "undefined" ? null : sharedQueue(window.localStorage, userId)),
    [userId],
  );
  const [answers, setAnswers] = useState<Record<string, AnswerState>>(() =>
    Object.fromEntries(
      state.answered.map((a) => [a.questionId, { given: a.given, status: "saved" as const, feedback: a.feedback }]),
    ),
  );
  const firstOpen = state.questions.findIndex((q) => !state.answered.some((a) => a.questionId === q.id));
  const [index, setIndex] = useState(firstOpen === -1 ? state.questions.length : firstOpen);
  const [online, setOnline] = useState(true);
  const shownAt = useRef(0);

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
      const answeredIds = new Set([
        ...state.answered.map((a) => a.questionId),
        ...pending.map((p) => p.questionId),
        ...Object.keys(saved),
      ]);
      const open = state.questions.findIndex((q) => !answeredIds.has(q.id));
      setIndex(open === -1 ? state.questions.length : open);
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

  const submit = useCallback(
    (question: QuestionView, answer: Given) => {
      if (!queue || answers[question.id]) return;
      const request = queue.add({
        clientId: newClientId(),
        attemptId: state.attemptId,
        questionId: question.id,
        answer,
        answeredAt: new Date().toISOString(),
        responseMs: Math.max(0, Date.now() - shownAt.current),
      });
      setAnswers((current) => ({
        ...current,
        [question.id]: { given: describe(question, answer), status: "waiting", feedback: null },
      }));
      void flush();
      return request;
    },
    [queue, answers, state.attemptId, flush],
  );

  const total = state.questions.length;
  const answeredCount = Object.keys(answers).length;
  const question = state.questions[index];
  const waiting = Object.values(answers).filter((a) => a.status === "waiting").length;

  useEffect(() => {
    shownAt.current = Date.now();
  }, [index]);

  const goNext = () => {
    const next = state.questions.findIndex((q, i) => i > index && !answers[q.id]);
    const anyOpen = state.questions.findIndex((q) => !answers[q.id]);
    setIndex(next !== -1 ? next : anyOpen !== -1 ? anyOpen : total);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-2 text-sm text-muted">
          <span>
            {Math.min(answeredCount, total)} of {total} answered
          </span>
          <SaveState waiting={waiting} online={online} />
        </div>
        <ProgressBar value={answeredCount} max={total} label="Quiz progress" />
      </div>

      {question ? (
        <QuestionCard
          key={question.id}
          question={question}
          number={index + 1}
          total={total}
          answer={answers[question.id]}
          feedbackVisible={state.feedbackVisible}
          onSubmit={(answer) => submit(question, answer)}
          onNext={goNext}
          isLast={answeredCount >= total}
        />
      ) : (
        <Finished attemptId={state.attemptId} waiting={waiting} />
      )}
    </div>
  );
}

function SaveState({ waiting, online }: { waiting: number; online: boolean }) {
  if (waiting === 0) return <span role="status">{online ? "All answers saved" : ""}</span>;
  return (
    <span role="status" className="font-semibold text-warn">
      {waiting} {waiting === 1 ? "answer" : "answers"} waiting for network
    </span>
  );
}

function Finished({ attemptId, waiting }: { attemptId: string; waiting: number }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-2xl border border-line bg-surface p-5">
      <h2 className="text-xl font-semibold">All questions answered</h2>
      {waiting > 0 ? (
        <p className="text-warn">
          Some answers are still waiting for the network. Keep this page open; they are kept on this device until sent.
        </p>
      ) : (
        <Link href={`/attempts/${attemptId}`} className={buttonClasses()}>
          See your results
        </Link>
      )}
    </div>
  );
}

function QuestionCard({
  question,
  number,
  total,
  answer,
  feedbackVisible,
  onSubmit,
  onNext,
  isLast,
}: {
  question: QuestionView;
  number: number;
  total: number;
  answer: AnswerState | undefined;
  feedbackVisible: boolean;
  onSubmit: (answer: Given) => void;
  onNext: () => void;
  isLast: boolean;
}) {
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<string[]>(() => question.options.map(() => ""));
  const [order, setOrder] = useState<number[]>(() => question.options.map((o) => o.position));
  const answered = Boolean(answer);

  const build = (): Given | null => {
    switch (question.type) {
      case "MULTIPLE_CHOICE":
      case "TRUE_FALSE":
        return choice === null ? null : { type: question.type, position: choice };
      case "FILL_BLANK":
      case "NUMERIC":
        return text.trim() ? { type: question.type, text: text.trim() } : null;
      case "MATCHING":
        return matches.every(Boolean) ? { type: "MATCHING", matches } : null;
      case "ORDERING":
        return { type: "ORDERING", order };
    }
  };
  const ready = build() !== null;
  const confirm = () => {
    const built = build();
    if (built && !answered) onSubmit(built);
  };

  // Desktop keys: 1-4 choose, Enter confirms (and moves on after feedback).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.tagName === "INPUT" || target?.tagName === "SELECT" || target?.tagName === "TEXTAREA";
      if (!answered && (question.type === "MULTIPLE_CHOICE" || question.type === "TRUE_FALSE") && !typing) {
        const n = Number(event.key);
        if (n >= 1 && n <= question.options.length) setChoice(question.options[n - 1]!.position);
      }
      if (event.key === "Enter" && !typing && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        if (answered) onNext();
        else if (ready) confirm();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const stemId = `stem-${question.id}`;
  return (
    <section aria-labelledby={stemId} className="flex flex-col gap-4">
      <p className="text-sm font-medium text-muted">
        Question {number} of {total}
        {question.asOf && <span> · as of {formatAsOf(question.asOf)}</span>}
      </p>
      <h2 id={stemId} className="text-xl leading-snug font-semibold">
        {question.stem}
      </h2>

      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
        className="flex flex-col gap-3"
      >
        {(question.type === "MULTIPLE_CHOICE" || question.type === "TRUE_FALSE") && (
          <fieldset className="flex flex-col gap-2" disabled={answered}>
            <legend className="sr-only">Choose one answer</legend>
            {question.options.map((option, i) => (
              <label
                key={option.position}
                className={cn(
                  "flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 px-4 py-3 text-base",
                  choice === option.position ? "border-brand bg-surface" : "border-line",
                  answered && "cursor-default",
                )}
              >
                <input
                  type="radio"
                  name="choice"
                  value={option.position}
                  checked={choice === option.position}
                  onChange={() => setChoice(option.position)}
                  className="size-5 shrink-0 accent-brand"
                />
                <span className="hidden w-5 shrink-0 text-sm text-muted sm:inline" aria-hidden>
                  {i + 1}
                </span>
                <span>{option.text}</span>
              </label>
            ))}
          </fieldset>
        )}

        {(question.type === "FILL_BLANK" || question.type === "NUMERIC") && (
          <label className="flex flex-col gap-1.5">
            <span className="font-medium">{question.type === "NUMERIC" ? "Your number" : "Your answer"}</span>
            <input
              name="text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              disabled={answered}
              inputMode={question.type === "NUMERIC" ? "decimal" : "text"}
              autoComplete="off"
              autoCapitalize="off"
              className="min-h-12 rounded-xl border-2 border-line bg-canvas px-3 text-lg"
            />
          </label>
        )}

        {question.type === "MATCHING" && (
          <div className="flex flex-col gap-3">
            {question.options.map((option, i) => (
              <label key={option.position} className="flex flex-col gap-1.5">
                <span className="font-medium">{option.text}</span>
                <select
                  value={matches[i]}
                  disabled={answered}
                  onChange={(event) => setMatches((m) => m.map((v, j) => (j === i ? event.target.value : v)))}
                  className="min-h-12 rounded-xl border-2 border-line bg-canvas px-3"
                >
                  <option value="">Choose…</option>
                  {question.matchTargets.map((target) => (
                    <option key={target} value={target}>
                      {target}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        )}

        {question.type === "ORDERING" && (
          <ol className="flex flex-col gap-2" aria-label="Put these in order, earliest first">
            {order.map((position, i) => {
              const option = question.options.find((o) => o.position === position)!;
              const move = (delta: number) =>
                setOrder((current) => {
                  const next = [...current];
                  const j = i + delta;
                  [next[i], next[j]] = [next[j]!, next[i]!];
                  return next;
                });
              return (
                <li key={position} className="flex items-center gap-2 rounded-xl border-2 border-line p-2">
                  <span className="w-6 text-center font-semibold text-muted">{i + 1}</span>
                  <span className="flex-1">{option.text}</span>
                  <Button
                    variant="ghost"
                    className="px-3"
                    disabled={answered || i === 0}
                    onClick={() => move(-1)}
                    aria-label={`Move "${option.text}" earlier`}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-3"
                    disabled={answered || i === order.length - 1}
                    onClick={() => move(1)}
                    aria-label={`Move "${option.text}" later`}
                  >
                    ↓
                  </Button>
                </li>
              );
            })}
          </ol>
        )}

        {!answered && (
          <Button type="submit" disabled={!ready} className="w-full sm:w-auto">
            Check answer
          </Button>
        )}
      </form>

      {answer && <AnswerPanel questionId={question.id} answer={answer} feedbackVisible={feedbackVisible} />}
      {answered && (
        <Button onClick={onNext} className="w-full sm:w-auto">
          {isLast ? "Finish" : "Next question"}
        </Button>
      )}
    </section>
  );
}

function AnswerPanel({
  questionId,
  answer,
  feedbackVisible,
}: {
  questionId: string;
  answer: AnswerState;
  feedbackVisible: boolean;
}) {
  const feedback = answer.feedback;
  return (
    <div aria-live="polite" className="flex flex-col gap-3">
      {answer.status === "rejected" ? (
        <p role="alert" className="rounded-xl bg-bad-soft px-4 py-3 font-medium text-bad">
          {answer.message}
        </p>
      ) : feedback ? (
        <div className={cn("flex flex-col gap-2 rounded-2xl p-4", feedback.isCorrect ? "bg-good-soft" : "bg-bad-soft")}>
          <p className={cn("text-lg font-bold", feedback.isCorrect ? "text-good" : "text-bad")}>
            {feedback.isCorrect
              ? "Right!"
              : feedback.score > 0
                ? `Partly right (${Math.round(feedback.score * 100)}%)`
                : "Not quite"}
          </p>
          {!feedback.isCorrect && (
            <p>
              <span className="font-semibold">Right answer:</span> {feedback.expected}
            </p>
          )}
          <p>{feedback.explanation}</p>
          <blockquote className="border-l-4 border-brand pl-3 italic">
            <mark className="bg-transparent text-ink">“{feedback.quote}”</mark>
          </blockquote>
          <Link
            href={`/articles/${feedback.articleSlug}?highlight=${encodeURIComponent(feedback.quote)}${feedback.anchor ? `#${feedback.anchor}` : ""}`}
            className="inline-flex min-h-11 items-center self-start font-semibold text-brand underline underline-offset-4"
          >
            Read it in the article
          </Link>
        </div>
      ) : (
        <p role="status" className="rounded-xl bg-surface px-4 py-3">
          {answer.status === "waiting"
            ? "Your answer is kept on this phone and will be sent when the network is back."
            : feedbackVisible
              ? "Saved."
              : "Saved. Your teacher shows the results after the due date."}
        </p>
      )}
      {answer.status === "saved" && <ReportButtons questionId={questionId} />}
    </div>
  );
}

function ReportButtons({ questionId }: { questionId: string }) {
  const [sent, setSent] = useState<string | null>(null);
  const report = async (reason: "WRONG" | "UNCLEAR" | "OUT_OF_DATE", label: string) => {
    const response = await fetch("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ questionId, reason }),
    }).catch(() => null);
    setSent(
      response?.ok ? `Thanks: reported as ${label.toLowerCase()}.` : "Could not send the report; try again later.",
    );
  };
  if (sent)
    return (
      <p role="status" className="text-sm text-muted">
        {sent}
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-1 text-sm">
      <span className="text-muted">Problem with this question?</span>
      {(
        [
          ["WRONG", "Wrong"],
          ["UNCLEAR", "Unclear"],
          ["OUT_OF_DATE", "Out of date"],
        ] as const
      ).map(([reason, label]) => (
        <button
          key={reason}
          type="button"
          onClick={() => void report(reason, label)}
          className="min-h-11 rounded-lg px-3 font-medium text-brand underline underline-offset-4"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
