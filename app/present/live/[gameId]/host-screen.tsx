"use client";

// The projector: lobby (PIN, QR, who has joined), each question with its countdown, the reveal
// (how the class answered, the right answer, its source sentence), the top five and the podium.
// The teacher's controls sit under the slide.
import Link from "next/link";
import { useState, useTransition } from "react";

import { ShapeBadge } from "@/components/live/shapes";
import { useGameStream, useSecondsLeft } from "@/components/live/use-game-stream";
import { Presentation, SlideHeading } from "@/components/present/presentation";
import { projectorSize } from "@/components/present/sizes";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { HostCommand } from "@/lib/live/machine";
import type { HostView } from "@/lib/live/views";

import { hideNamesAction, hostCommandAction, removePlayerAction } from "@/app/(teacher)/teacher/live/actions";

function formatPin(pin: string): string {
  return `${pin.slice(0, 3)} ${pin.slice(3)}`;
}

export function HostScreen({
  initial,
  join,
  site,
}: {
  initial: HostView;
  join: { qr: string; url: string } | null;
  site: string;
}) {
  const { view, connected, serverNow } = useGameStream(`/api/live/games/${initial.gameId}/events`, initial);
  const secondsLeft = useSecondsLeft(
    view.state === "QUESTION" ? view.closesAt : null,
    view.state === "QUESTION" ? view.pausedLeftMs : null,
    serverNow,
  );
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  const run = (action: typeof hostCommandAction, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    startTransition(async () => {
      const result = await action(null, form);
      setMessage(result.ok ? null : result.error);
    });
  };
  const command = (name: HostCommand) => run(hostCommandAction, { gameId: view.gameId, command: name });

  const controls = (
    <div className="flex flex-col items-center gap-2 py-2">
      <div className="flex flex-wrap items-center justify-center gap-2">
        {view.state === "LOBBY" && (
          <Button onClick={() => command("start")} disabled={pending || view.playerCount === 0}>
            Start
          </Button>
        )}
        {view.state === "QUESTION" && (
          <>
            <Button onClick={() => command(view.paused ? "resume" : "pause")} disabled={pending} variant="secondary">
              {view.paused ? "Resume" : "Pause"}
            </Button>
            <Button onClick={() => command("close")} disabled={pending}>
              Close question
            </Button>
            <Button onClick={() => command("skip")} disabled={pending} variant="secondary">
              Skip
            </Button>
          </>
        )}
        {(view.state === "REVEAL" || view.state === "LEADERBOARD") && (
          <>
            <Button onClick={() => command("leaderboard")} disabled={pending} variant="secondary">
              {view.state === "LEADERBOARD" ? "Hide leaderboard" : "Show leaderboard"}
            </Button>
            <Button onClick={() => command("next")} disabled={pending}>
              {view.position + 1 >= view.questionCount ? "Finish" : "Next question"}
            </Button>
          </>
        )}
        {view.state !== "ENDED" && (
          <Button onClick={() => command("end")} disabled={pending} variant="ghost">
            End game
          </Button>
        )}
        <label className="inline-flex min-h-11 items-center gap-2 px-2 text-base">
          <input
            type="checkbox"
            className="size-5 accent-brand"
            checked={view.hideNames}
            onChange={(event) =>
              run(hideNamesAction, { gameId: view.gameId, hideNames: event.target.checked ? "true" : "false" })
            }
          />
          Hide names
        </label>
        <details className="relative">
          <summary className="inline-flex min-h-11 cursor-pointer items-center px-2 text-base">
            Players ({view.playerCount})
          </summary>
          <ul className="absolute bottom-12 left-0 z-10 max-h-72 w-72 overflow-auto rounded-xl border border-line bg-canvas p-2 shadow">
            {view.roster.map((player) => (
              <li key={player.id} className="flex items-center justify-between gap-2 py-1">
                <span className={cn(player.removed && "text-muted line-through")}>{player.name}</span>
                {!player.removed && (
                  <Button
                    variant="ghost"
                    disabled={pending}
                    onClick={() => run(removePlayerAction, { gameId: view.gameId, playerId: player.id })}
                    aria-label={`Remove ${player.name}`}
                  >
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </details>
      </div>
      <p role="status" aria-live="polite" className="min-h-6 text-base">
        {message ? <span className="font-semibold text-bad">{message}</span> : !connected ? "Reconnecting…" : null}
      </p>
    </div>
  );

  return (
    <Presentation exitHref="/teacher/live" exitLabel="Leave the game" footer={controls}>
      {view.state === "LOBBY" && <Lobby view={view} join={join} site={site} />}
      {view.state === "QUESTION" && <Question view={view} secondsLeft={secondsLeft} />}
      {view.state === "REVEAL" && <Reveal view={view} />}
      {view.state === "LEADERBOARD" && <Leaderboard view={view} />}
      {view.state === "ENDED" && <Podium view={view} />}
    </Presentation>
  );
}

function Lobby({ view, join, site }: { view: HostView; join: { qr: string; url: string } | null; site: string }) {
  return (
    <div className="flex flex-1 items-center justify-center gap-[4vw]">
      {join && (
        <div
          className="aspect-square shrink-0 rounded-2xl bg-white p-[1.5vh]"
          style={{ height: "min(52vh, 36vw)" }}
          role="img"
          aria-label={`QR code for ${join.url}`}
          dangerouslySetInnerHTML={{ __html: join.qr }}
        />
      )}
      <div className="flex min-w-0 flex-col gap-[2vh]">
        <SlideHeading>{view.title}</SlideHeading>
        <p className="text-muted" style={{ fontSize: projectorSize(3.5) }}>
          Scan the code, or go to <span className="font-semibold text-ink">{site}</span> and enter the PIN
        </p>
        {view.openToGuests && (
          <p className="text-muted" style={{ fontSize: projectorSize(3) }} data-testid="guests-welcome">
            Guests welcome: no account, just the PIN and a nickname
          </p>
        )}
        {view.pin && (
          <p
            data-testid="game-pin"
            className="font-mono leading-none font-bold tracking-wider"
            style={{ fontSize: projectorSize(12) }}
          >
            {formatPin(view.pin)}
          </p>
        )}
        <p style={{ fontSize: projectorSize(4) }} data-testid="player-count">
          {view.playerCount} {view.playerCount === 1 ? "player" : "players"}
        </p>
        {!view.hideNames && view.playerNames.length > 0 && (
          <ul className="flex max-h-[20vh] flex-wrap gap-2 overflow-hidden" aria-label="Players">
            {view.playerNames.map((name) => (
              <li key={name} className="rounded-lg bg-surface px-3 py-1" style={{ fontSize: projectorSize(2.6) }}>
                {name}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function QuestionHeader({ view }: { view: HostView }) {
  return (
    <p className="text-muted" style={{ fontSize: projectorSize(3) }}>
      {view.title} · Question {view.position + 1} of {view.questionCount}
    </p>
  );
}

function Question({ view, secondsLeft }: { view: HostView; secondsLeft: number | null }) {
  const question = view.question;
  if (!question) return null;
  return (
    <div className="flex flex-1 flex-col gap-[2vh] py-[1vh]">
      <div className="flex items-start justify-between gap-[2vw]">
        <div className="flex flex-col gap-[1vh]">
          <QuestionHeader view={view} />
          <SlideHeading>{question.stem}</SlideHeading>
        </div>
        <div className="flex shrink-0 flex-col items-center">
          <p
            role="timer"
            aria-label={view.paused ? "Paused" : `${secondsLeft ?? ""} seconds left`}
            className="font-mono leading-none font-bold"
            style={{ fontSize: projectorSize(10) }}
          >
            {secondsLeft ?? ""}
          </p>
          {view.paused && (
            <p className="font-semibold" style={{ fontSize: projectorSize(3) }}>
              Paused
            </p>
          )}
        </div>
      </div>
      {question.options.length > 0 && (
        <ul className="grid flex-1 grid-cols-2 gap-[1.5vh]">
          {question.options.map((option, i) => (
            <li
              key={option.position}
              className="flex items-center gap-[1.5vw] rounded-2xl border-2 border-line px-[2vw]"
              style={{ fontSize: projectorSize(4) }}
            >
              <ShapeBadge index={i} className="w-[1.6em] shrink-0" />
              <span>{option.text}</span>
            </li>
          ))}
        </ul>
      )}
      <p style={{ fontSize: projectorSize(3.5) }} data-testid="answered-count">
        {view.answeredCount} of {view.playerCount} answered
      </p>
    </div>
  );
}

function Reveal({ view }: { view: HostView }) {
  const question = view.question;
  const reveal = view.reveal;
  if (!question) return null;
  if (!reveal)
    return (
      <div className="flex flex-1 flex-col justify-center gap-[2vh]">
        <QuestionHeader view={view} />
        <SlideHeading>{view.skipped ? "Skipped" : "Time's up"}</SlideHeading>
      </div>
    );
  const most = Math.max(1, ...reveal.distribution.map((d) => d.count));
  return (
    <div className="flex flex-1 flex-col gap-[2vh] py-[1vh]">
      <QuestionHeader view={view} />
      <h1 className="leading-tight font-bold" style={{ fontSize: projectorSize(4.5) }}>
        {question.stem}
      </h1>
      <ul className="flex flex-col gap-[1vh]" aria-label="How the class answered">
        {reveal.distribution.map((row, i) => (
          <li key={row.label} className="flex items-center gap-[1vw]" style={{ fontSize: projectorSize(3.2) }}>
            {question.options.length > 0 && <ShapeBadge index={i} className="w-[1.5em] shrink-0" />}
            <span className={cn("w-[35vw] truncate", row.right && "font-bold")}>
              {row.right && <span aria-hidden>✓ </span>}
              {row.label}
              {row.right && <span className="sr-only"> (right answer)</span>}
            </span>
            <span
              className={cn("h-[3.5vh] rounded", row.right ? "bg-good" : "bg-muted")}
              style={{ width: `${(row.count / most) * 30}vw` }}
              aria-hidden
            />
            <span className="font-mono">{row.count}</span>
          </li>
        ))}
      </ul>
      <p style={{ fontSize: projectorSize(3.5) }}>
        <span className="font-semibold">Right answer:</span> {reveal.expected}
      </p>
      <blockquote className="border-l-4 border-brand pl-[1vw] italic" style={{ fontSize: projectorSize(2.8) }}>
        “{reveal.quote}”
      </blockquote>
    </div>
  );
}

function Standings({ view, heading }: { view: HostView; heading: string }) {
  return (
    <div className="flex flex-1 flex-col gap-[2vh] py-[1vh]">
      <SlideHeading>{heading}</SlideHeading>
      <ol className="flex flex-col gap-[1.2vh]" aria-label="Leaderboard">
        {view.leaderboard.map((row) => (
          <li
            key={row.rank}
            className="flex items-center justify-between rounded-2xl bg-surface px-[2vw] py-[1vh]"
            style={{ fontSize: projectorSize(4) }}
          >
            <span>
              <span className="font-mono font-bold">{row.rank}.</span> {row.name ?? `Player ranked ${row.rank}`}
            </span>
            <span className="font-mono font-bold">{row.score}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Leaderboard({ view }: { view: HostView }) {
  return <Standings view={view} heading="Leaderboard" />;
}

function Podium({ view }: { view: HostView }) {
  return (
    <div className="flex flex-1 flex-col gap-[2vh]">
      <Standings view={{ ...view, leaderboard: view.leaderboard.slice(0, 3) }} heading="Podium" />
      <p className="text-center" style={{ fontSize: projectorSize(2.6) }}>
        <Link href={`/teacher/live/${view.gameId}`} className="font-semibold text-brand underline underline-offset-4">
          The game&apos;s report
        </Link>
      </p>
    </div>
  );
}
