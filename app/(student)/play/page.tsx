import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { guestToken } from "@/lib/live/guest-cookie";
import { findOwnGuestPlayer } from "@/lib/live/guests";
import { listJoinableGames } from "@/lib/live/queries";

import { GuestJoinForm } from "./guest-join-form";
import { JoinGameForm } from "./join-game-form";

export const metadata: Metadata = { title: "Join a live game" };

export default async function PlayPage({ searchParams }: { searchParams: Promise<{ pin?: string }> }) {
  const pin = (await searchParams).pin?.replace(/\D/g, "").slice(0, 6) ?? "";
  const user = await getCurrentUser();
  // Signed out (a guest, or a student who signs in first): the PIN and a nickname.
  if (!user) {
    const next = pin ? `/play?pin=${pin}` : "/play";
    const own = pin.length === 6 ? await findOwnGuestPlayer(db, pin, guestToken) : null;
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold tracking-tight">Join a live game</h1>
        {own && (
          <Card className="flex flex-col gap-3">
            <p>
              You are in this game as <span className="font-semibold">{own.nickname}</span>.
            </p>
            <Link href={`/play/${own.gameId}`} className={buttonClasses("primary", "self-start")}>
              Back to the game
            </Link>
          </Card>
        )}
        <Card className="flex flex-col gap-4">
          <p className="text-muted">
            Playing as a guest: no account, and nothing is kept about you after the game but your nickname and answers
            for your teacher&apos;s report.
          </p>
          <GuestJoinForm pin={pin} />
        </Card>
        <p>
          A student of the class?{" "}
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-semibold text-brand underline">
            Sign in
          </Link>{" "}
          to play with your account.
        </p>
      </div>
    );
  }
  if (user.role !== "STUDENT") notFound();
  const games = await listJoinableGames(db, user);
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
