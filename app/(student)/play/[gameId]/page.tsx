import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findGameViewer, loadSnapshotUnscoped } from "@/lib/live/queries";
import { playerView } from "@/lib/live/views";

import { PlayerScreen } from "./player-screen";

export const metadata: Metadata = { title: "Live game" };

// A player's phone: it follows the game through its event stream; this render is its first
// view, so a reload lands on the current question with the player's points and streak.
export default async function PlayGamePage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  const student = await requireRole(["STUDENT"], `/play/${gameId}`);
  const viewer = await findGameViewer(db, student, gameId);
  const snapshot = viewer ? await loadSnapshotUnscoped(db, gameId) : null;
  const view = snapshot && playerView(snapshot, student.id, new Date());
  // Not a player of it (never joined, or another class's game): as if it did not exist.
  if (!view) notFound();
  return <PlayerScreen initial={view} userId={student.id} />;
}
