import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { gameJoinQrSvg, gameJoinUrl } from "@/lib/live/join-link";
import { findGameViewer, loadSnapshotUnscoped } from "@/lib/live/queries";
import { hostView } from "@/lib/live/views";
import { publicUrl } from "@/lib/public-url";

import { HostScreen } from "./host-screen";

export const metadata: Metadata = { title: "Live game" };

// The projector's view of a live game, with the teacher's controls under it. It follows the
// game through its event stream (lib/live/stream.ts); this render is its first view.
export default async function LiveHostPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  const teacher = await requireTeacher(`/present/live/${gameId}`);
  const viewer = await findGameViewer(db, teacher, gameId);
  const snapshot = viewer?.kind === "host" ? await loadSnapshotUnscoped(db, gameId) : null;
  if (!snapshot) notFound();
  const view = hostView(snapshot, new Date());
  const join = view.pin ? { qr: await gameJoinQrSvg(view.pin), url: gameJoinUrl(view.pin) } : null;
  return <HostScreen initial={view} join={join} site={`${publicUrl().replace(/^https?:\/\//, "")}/play`} />;
}
