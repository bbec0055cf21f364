import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listHostedGames } from "@/lib/live/queries";

export const metadata: Metadata = { title: "Live games" };

const STATE_LABEL = {
  LOBBY: "Waiting to start",
  QUESTION: "Running",
  REVEAL: "Running",
  LEADERBOARD: "Running",
  ENDED: "Ended",
} as const;

export default async function LiveGamesPage() {
  const teacher = await requireTeacher("/teacher/live");
  const games = await listHostedGames(db, teacher);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Live games</h1>
      <p className="text-muted">
        To host a game, open a{" "}
        <Link href="/teacher/sets" className="text-brand underline underline-offset-4">
          question set
        </Link>{" "}
        and choose &ldquo;Open the game&rdquo;. A finished game has a report (each player&apos;s and each
        question&apos;s, with CSVs); its answers are also in its class&apos;s results.
      </p>
      {games.length === 0 ? (
        <p>No games yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Live games">
          {games.map((game) => (
            <li
              key={game.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-line p-4"
            >
              <div className="flex flex-col gap-1">
                <h2 className="font-semibold">{game.title}</h2>
                <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <span>{game.class.name}</span>
                  <span>
                    {game._count.players} {game._count.players === 1 ? "player" : "players"}
                  </span>
                  <Badge>{STATE_LABEL[game.state]}</Badge>
                </p>
              </div>
              <div className="flex flex-wrap gap-3">
                {game.state !== "ENDED" && (
                  <Link
                    href={`/present/live/${game.id}`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
                  >
                    Open on the projector
                  </Link>
                )}
                {game.state === "ENDED" && (
                  <Link
                    href={`/teacher/live/${game.id}`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
                  >
                    Report<span className="sr-only"> of {game.title}</span>
                  </Link>
                )}
                <Link
                  href={`/teacher/assignments/${game.assignmentId}`}
                  className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
                >
                  Results
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
