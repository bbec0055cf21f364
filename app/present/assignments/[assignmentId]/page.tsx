import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { LiveResultsSlides } from "@/components/present/live-results-slides";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findAssignmentResults } from "@/lib/results/queries";

export const metadata: Metadata = { title: "Projector" };

// An assignment's results for the class to see, as slides: never a student's name.
export default async function PresentAssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/present/assignments/${assignmentId}`);
  const results = await findAssignmentResults(db, teacher, assignmentId);
  if (!results) notFound();
  return (
    <LiveResultsSlides assignmentId={assignmentId} initial={{ title: results.title, projector: results.projector }} />
  );
}
