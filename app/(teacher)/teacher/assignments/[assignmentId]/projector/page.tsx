import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findAssignmentResults } from "@/lib/results/queries";

import { LiveProjector } from "../../_components/live-projector";

export const metadata: Metadata = { title: "Projector" };

// For the class to see: progress and per-question results, never a student's name.
export default async function ProjectorPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/teacher/assignments/${assignmentId}/projector`);
  const results = await findAssignmentResults(db, teacher, assignmentId);
  if (!results) notFound();
  return <LiveProjector assignmentId={assignmentId} initial={{ title: results.title, projector: results.projector }} />;
}
