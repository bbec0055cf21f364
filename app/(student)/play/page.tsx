import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listJoinableGames } from "@/lib/live/queries";

import { JoinGameForm } from "./join-game-form";

export const metadata: Metadata = { title: "Join a live game" };

export default async function PlayPage({ searchParams }: { searchParams: Promise<{ pin?: string }> }) {
  const pin = (await searchParams).pin?.replace(/\D/g, "").slice(0, 6) ?? "";
  const student = await requireRole(["STUDENT"], pin ? `/play?pin=${pin}` : "/play");
  const games = await listJoinableGames(db, student);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Join a live game</h1>
      <Card>
        <JoinGameForm pin={pin} />
      </Card>
      {games.length > 0 && (
        <section aria-labelledby="running-heading" className="flex flex-col gap-3">
          <h2 id="running-heading" className="text-lg font-semibold">
            Games of your classes
          </h2>
          <ul className="flex flex-col gap-3">
            {games.map((game) => (
              <li key={game.id}>
                <Card className="flex flex-col gap-3">
                  <p>
                    <span className="font-semibold">{game.title}</span>{" "}
                    <span className="text-muted">· {game.class.name}</span>
                  </p>
                  {game.pin && <JoinGameForm pin={game.pin} compact />}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
