import type { Metadata } from "next";

import { QuizPage } from "../../_components/quiz-page";

export const metadata: Metadata = { title: "Assignment" };

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  return <QuizPage path={`/assignments/${assignmentId}`} target={{ assignmentId }} />;
}
