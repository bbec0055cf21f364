import type { Metadata } from "next";

import { QuizPage } from "../../_components/quiz-page";

export const metadata: Metadata = { title: "Quiz" };

export default async function ArticleQuizPage({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  return <QuizPage path={`/quiz/${setId}`} target={{ setId }} />;
}
