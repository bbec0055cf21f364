"use client";

// A player's phone during a live game: wait in the lobby; answer the open question with the
// quiz's own answer widgets; "Answer received" as soon as the server has it; right or wrong,
// points and rank once the question closes. An answer is kept in this tab until the server
// confirms it, and sent again (same clientId: stored once) after a dropped network or a reload.
import { useCallback, useEffect, useRef, useState } from "react";

import { ShapeBadge } from "@/components/live/shapes";
import { useGameStream, useSecondsLeft } from "@/components/live/use-game-stream";
import { widgetFor } from "@/components/quiz/widgets";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { QuestionView } from "@/lib/attempts/view";
import type { LiveAnswer } from "@/lib/live/schemas";
import type { PlayerView } from "@/lib/live/views";
import type { KindAnswer } from "@/lib/questions/kinds";

interface Sent {
  position: number;
  body: LiveAnswer;
  status: "sending" | "received" | "refused";
  message?: string;
}

const RETRY_MS = 1500;

/** A guest has no session to sign in to: their phone's cookie for the game ran out (12 hours). */
export const GUEST_EXPIRED_MESSAGE =
  "This phone's place in the game has expired: join again with the game's PIN on the screen.";

/**
 * Posts the answer until the server settles it (received, or refused with its reason), waiting
 * and trying again while offline or while the server restarts. Null if the page went away first.
 */
async function sendUntilSettled(
  gameId: string,
  attempt: Sent,
  alive: () => boolean,
  guest: boolean,
): Promise<Sent | null> {
  while (alive()) {
    try {
      const response = await fetch(`/api/live/games/${gameId}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(attempt.body),
      });
      if (response.ok) return { ...attempt, status: "received" };
      if (response.status === 401 && guest) return { ...attempt, status: "refused", message: GUEST_EXPIRED_MESSAGE };
      if (response.status < 500 && response.status !== 429) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        return { ...attempt, status: "refused", message: body.message ?? "That answer was not accepted." };
      }
    } catch {
      // Offline, or the server is restarting: keep it and try again.
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  return null;
}

function storageKey(userId: string, gameId: string) {
  return `quizwire:live:${userId}:${gameId}`;
}

function readSent(key: string): Sent | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") as Sent | null;
  } catch {
    return null;
  }
}

function writeSent(key: string, sent: Sent) {
  try {
    sessionStorage.setItem(key, JSON.stringify(sent));
  } catch {
    // Storage blocked: the answer is still sent while the page stays open.
  }
}

export function PlayerScreen({ initial, userId, guest }: { initial: PlayerView; userId: string; guest: boolean }) {
  const { view, connected, serverNow } = useGameStream(`/api/live/games/${initial.gameId}/events`, initial);
  const key = storageKey(userId, initial.gameId);
  const [sent, setSent] = useState<Sent | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const deliver = useCallback(
    async (attempt: Sent) => {
      const next = await sendUntilSettled(initial.gameId, attempt, () => alive.current, guest);
      if (!next) return;
      writeSent(key, next);
      setSent((current) => (current?.body.clientId === next.body.clientId ? next : current));
    },
    [initial.gameId, key, guest],
  );

  // After a reload: an answer this tab gave and the server has not confirmed is sent again.
  useEffect(() => {
    const stored = readSent(key);
    if (!stored) return;
    const restore = setTimeout(() => {
      setSent(stored);
      if (stored.status === "sending") void deliver(stored);
    }, 0);
    return () => clearTimeout(restore);
  }, [key, deliver]);

  const answer = (position: number, question: QuestionView, given: KindAnswer) => {
    const attempt: Sent = {
      position,
      status: "sending",
      body: {
        clientId: crypto.randomUUID(),
        position,
        questionId: question.id,
        answer: given as LiveAnswer["answer"],
        answeredAt: new Date(serverNow()).toISOString(),
      },
    };
    writeSent(key, attempt);
    setSent(attempt);
    void deliver(attempt);
  };

  const secondsLeft = useSecondsLeft(
    view.state === "QUESTION" ? view.closesAt : null,
    view.state === "QUESTION" ? view.pausedLeftMs : null,
    serverNow,
  );
  const mine = sent?.position === view.position ? sent : null;

  return (
    <div className="flex flex-col gap-5">
      <header className="flex items-center justify-between gap-3 text-sm text-muted">
        <span>{view.title}</span>
        <span data-testid="my-score">
          {view.you.nickname} · {view.you.score} points
        </span>
      </header>
      {!connected && (
        <p role="status" className="rounded-xl bg-surface px-4 py-3">
          Reconnecting… your answers and points are kept.
        </p>
      )}
      {view.you.removed ? (
        <p role="alert" className="rounded-xl bg-bad-soft px-4 py-3 font-medium text-bad">
          Your teacher has removed you from this game.
        </p>
      ) : view.state === "LOBBY" ? (
        <Waiting title={`You're in, ${view.you.nickname}!`} text="Wait for your teacher to start the game." />
      ) : view.state === "QUESTION" && view.question ? (
        <OpenQuestion
          key={view.position}
          view={view}
          question={view.question}
          secondsLeft={secondsLeft}
          sent={mine}
          onAnswer={(given) => answer(view.position, view.question!, given)}
        />
      ) : view.state === "ENDED" ? (
        <Final view={view} />
      ) : (
        <Closed view={view} />
      )}
    </div>
  );
}

function Waiting({ title, text }: { title: string; text: string }) {
  return (
    <section className="flex flex-col gap-2 rounded-2xl bg-surface p-6 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{text}</p>
    </section>
  );
}

function OpenQuestion({
  view,
  question,
  secondsLeft,
  sent,
  onAnswer,
}: {
  view: PlayerView;
  question: QuestionView;
  secondsLeft: number | null;
  sent: Sent | null;
  onAnswer: (answer: KindAnswer) => void;
}) {
  const widget = widgetFor(question.type);
  const [draft, setDraft] = useState<KindAnswer | null>(() => widget.initialAnswer?.(question) ?? null);
  const received = view.you.answered || sent?.status === "received";
  const answered = received || sent !== null;
  const timeUp = secondsLeft === 0;
  const stemId = `stem-${question.id}`;
  return (
    <section aria-labelledby={stemId} className="flex flex-col gap-4">
      <div className="flex items-center justify-between text-sm font-medium text-muted">
        <span>
          Question {view.position + 1} of {view.questionCount}
        </span>
        <span role="timer" className="text-lg text-ink tabular-nums">
          {view.paused ? "Paused" : secondsLeft === null ? "" : `${secondsLeft} s`}
        </span>
      </div>
      <h1 id={stemId} className="text-xl leading-snug font-semibold">
        {question.stem}
      </h1>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft && !answered && !view.paused) onAnswer(draft);
        }}
      >
        <widget.Input
          question={question}
          disabled={answered || view.paused || timeUp}
          onChange={setDraft}
          marker={(index) => <ShapeBadge index={index} className="w-8 shrink-0 text-lg" />}
        />
        {!answered && (
          <Button type="submit" disabled={!draft || view.paused || timeUp} className="w-full">
            Send answer
          </Button>
        )}
      </form>
      <div aria-live="polite">
        {received ? (
          // Neutral, not green: received says nothing about right or wrong.
          <p role="status" className="rounded-xl border-2 border-brand bg-surface px-4 py-3 font-semibold">
            ✓ Answer received. Wait for the question to close.
          </p>
        ) : sent?.status === "sending" ? (
          <p role="status" className="rounded-xl bg-surface px-4 py-3">
            Sending… your answer is kept on this phone until the server has it.
          </p>
        ) : sent?.status === "refused" ? (
          <p role="alert" className="rounded-xl bg-bad-soft px-4 py-3 font-medium text-bad">
            {sent.message}
          </p>
        ) : view.paused ? (
          <p role="status" className="rounded-xl bg-surface px-4 py-3">
            Your teacher has paused the game.
          </p>
        ) : timeUp ? (
          <p role="status" className="rounded-xl bg-surface px-4 py-3">
            Time&apos;s up.
          </p>
        ) : null}
      </div>
    </section>
  );
}

function Standing({ view }: { view: PlayerView }) {
  return (
    <p className="text-lg">
      <span className="font-semibold">{view.you.score} points</span> · rank {view.you.rank} of {view.you.players}
      {view.you.streak > 1 && <span> · {view.you.streak} right in a row</span>}
    </p>
  );
}

function Closed({ view }: { view: PlayerView }) {
  const last = view.you.last;
  return (
    <section className="flex flex-col gap-4" aria-live="polite">
      {view.skipped ? (
        <Waiting title="Question skipped" text="Wait for the next question." />
      ) : (
        <div
          className={cn(
            "flex flex-col gap-2 rounded-2xl p-5",
            last?.isCorrect ? "bg-good-soft" : last ? "bg-bad-soft" : "bg-surface",
          )}
        >
          <h1 className={cn("text-2xl font-bold", last?.isCorrect ? "text-good" : last ? "text-bad" : "")}>
            {last?.isCorrect ? "Right!" : last ? (last.points > 0 ? "Partly right" : "Not this time") : "No answer"}
          </h1>
          {last && <p className="text-lg font-semibold">+{last.points} points</p>}
          <Standing view={view} />
        </div>
      )}
      {view.reveal && (
        <div className="flex flex-col gap-2">
          <p>
            <span className="font-semibold">Right answer:</span> {view.reveal.expected}
          </p>
          <blockquote className="border-l-4 border-brand pl-3 italic">“{view.reveal.quote}”</blockquote>
        </div>
      )}
    </section>
  );
}

function Final({ view }: { view: PlayerView }) {
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-surface p-6 text-center" aria-live="polite">
      <h1 className="text-2xl font-bold">Game over</h1>
      <p className="text-4xl font-bold">#{view.you.rank}</p>
      <Standing view={view} />
    </section>
  );
}
