import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appLiveHub } from "@/lib/live/app-hub";
import { currentGuest } from "@/lib/live/guest-cookie";
import { findGameViewer, loadPlayerViewUnscoped } from "@/lib/live/queries";

import { PlayerScreen } from "./player-screen";

export const metadata: Metadata = { title: "Live game" };

// A player's phone: it follows the game through its event stream; this render is its first
// view, so a reload lands on the current question with the player's points and streak. A
// guest is known by their cookie for this game (lib/live/guest-cookie.ts). Every join lands
// here, so it reads the player's own row, not the whole class's (lib/live/queries.ts).
export default async function PlayGamePage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  const player = (await getCurrentUser()) ?? (await currentGuest(gameId));
  if (!player) {
    // Nobody: a student whose session ended signs in again; a guest whose cookie ran out has no
    // account to sign in to, so a game open to guests sends them to join again with its PIN.
    const game = await db.game.findUnique({ where: { id: gameId }, select: { openToGuests: true } });
    redirect(game?.openToGuests ? "/play" : `/sign-in?next=${encodeURIComponent(`/play/${gameId}`)}`);
  }
  if (player.role !== "STUDENT" && player.role !== "GUEST") notFound();
  const viewer = await findGameViewer(db, player, gameId);
  const view = viewer
    ? await loadPlayerViewUnscoped(db, gameId, player.id, new Date(), appLiveHub().latest(gameId))
    : null;
  // Not a player of it (never joined, or another class's game): as if it did not exist.
  if (!view) notFound();
  return <PlayerScreen initial={view} userId={player.id} guest={player.role === "GUEST"} />;
}
