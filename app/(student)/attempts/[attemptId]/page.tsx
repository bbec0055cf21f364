import { markOf, percent } from "@/lib/attempts/mark";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findQuizState } from "@/lib/attempts/queries";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Results" };

const TONE = { right: "good", "partly right": "warn", wrong: "bad" } as const;

export default async function AttemptSummaryPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${attemptId}`);
  const state = await findQuizState(db, user, attemptId);
  if (!state) notFound();
  const answered = new Map(state.answered.map((a) => [a.questionId, a]));
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{state.title}</h1>
        <p className="mt-1 text-muted">
          Attempt {state.number} · {state.answered.length} of {state.questions.length} answered
          {state.timedOut && " · time ran out"}
        </p>
      </div>
      <Card className="flex flex-col gap-1">
        {state.score !== null ? (
          <p className="text-3xl font-bold" data-testid="score">
            {Math.round(state.score * 100)}%
          </p>
        ) : state.feedbackVisible ? (
          <p className="text-lg">Not finished yet.</p>
        ) : (
          <p className="text-lg">Your answers are saved. Results appear after the due date.</p>
        )}
      </Card>
      <ol className="flex flex-col gap-3" aria-label="Questions">
        {state.questions.map((question, i) => {
          const answer = answered.get(question.id);
          const feedback = answer?.feedback;
          return (
            <li key={question.id} className="rounded-2xl border border-line p-4">
              <p className="text-sm text-muted">Question {i + 1}</p>
              <p className="font-semibold">{question.stem}</p>
              {answer ? (
                <div className="mt-2 flex flex-col gap-1">
                  <p>
                    Your answer: <span className="font-medium">{answer.given}</span>{" "}
                    {feedback && (
                      <Badge tone={TONE[markOf(feedback)]}>
                        {markOf(feedback) === "partly right"
                          ? `partly right (${percent(feedback.score)})`
                          : markOf(feedback)}
                      </Badge>
                    )}
                  </p>
                  {feedback && !feedback.isCorrect && <p>Right answer: {feedback.expected}</p>}
                </div>
              ) : (
                <p className="mt-2 text-muted">Not answered</p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        {!state.finished && state.answered.length < state.questions.length && (
          <Link href={state.articleSlug ? "/" : "/student"} className={buttonClasses("secondary")}>
            Back
          </Link>
        )}
        <Link href="/history" className={buttonClasses("secondary")}>
          All your attempts
        </Link>
      </div>
    </div>
  );
}
