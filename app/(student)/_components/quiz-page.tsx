import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { findQuizEntry, quizRowsToShow, readQuizPage, type QuizEntry, type StartAttempt } from "@/lib/attempts/entry";
import { QUIZ_TAKERS } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { requireUser, sessionClaims } from "@/lib/auth/session";
import { formatDateTimeInZone } from "@/lib/dates";
import { db } from "@/lib/db";

import { QuizPlayer } from "./quiz-player";
import { StartAttemptForm } from "./start-attempt-form";
import { WaitingAnswers } from "./waiting-answers";

/**
 * A quiz or assignment page (shared by both). It only reads: the attempt in progress shows the
 * player; otherwise a start screen (or the last attempt's results) with a Start button that
 * posts. So a reload after the last answer shows the results, and a prefetch starts nothing.
 */
export async function QuizPage({ path, target }: { path: string; target: StartAttempt }) {
  const now = new Date();
  // A whole class opens an assignment at once: its reads start beside the session check, for the
  // user the cookie names, and are dropped unseen unless the check accepts that user.
  const claims = await sessionClaims();
  const reads = claims ? readQuizPage(db, claims.userId, target) : undefined;
  reads?.catch(() => undefined);
  const user = await requireUser(path);
  // Quizzes are answered with student and learner accounts; to anyone else they do not exist.
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role)) notFound();
  const read = reads && claims?.userId === user.id ? await reads : undefined;
  const entry = await findQuizEntry(db, user, target, now, read);
  if (!entry) notFound();
  if (entry.openAttemptId && !entry.refusal) {
    const state = await findQuizState(db, user, entry.openAttemptId, now, quizRowsToShow(read, entry));
    if (!state) notFound();
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-lg font-semibold text-muted">{state.title}</h1>
        <QuizPlayer state={state} userId={user.id} />
      </div>
    );
  }
  return <QuizStart entry={entry} target={target} userId={user.id} />;
}

function QuizStart({ entry, target, userId }: { entry: QuizEntry; target: StartAttempt; userId: string }) {
  const { rules, lastFinished } = entry;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{entry.title}</h1>
        <p className="mt-1 text-muted">
          {entry.questionCount} {entry.questionCount === 1 ? "question" : "questions"}
        </p>
      </div>
      {lastFinished && (
        <Card className="flex flex-col items-start gap-2">
          <h2 className="text-lg font-semibold">Attempt {lastFinished.number} finished</h2>
          {lastFinished.score !== null ? (
            <p className="text-3xl font-bold" data-testid="score">
              {Math.round(lastFinished.score * 100)}%
            </p>
          ) : (
            <p>Your answers are saved. Results appear after the due date.</p>
          )}
          <Link href={`/attempts/${lastFinished.attemptId}`} className={buttonClasses("secondary")}>
            See your results
          </Link>
        </Card>
      )}
      <WaitingAnswers userId={userId} confirmSaved={lastFinished !== null} />
      {rules && (
        <ul className="flex flex-col gap-1 text-muted" aria-label="Rules">
          <li>
            Attempts: {rules.attemptsUsed} of {rules.maxAttempts} used
          </li>
          {rules.dueAt && <li>Due {formatDateTimeInZone(rules.dueAt, "UTC")} UTC</li>}
          {rules.resultsHidden && <li>Right and wrong answers are shown after the due date.</li>}
          {rules.timeLimitMinutes && (
            <li className="font-semibold text-ink">
              You will have {rules.timeLimitMinutes} {rules.timeLimitMinutes === 1 ? "minute" : "minutes"} once you
              start.
            </li>
          )}
        </ul>
      )}
      {entry.refusal ? (
        <FormMessage tone="error">{entry.refusal}</FormMessage>
      ) : entry.kind === "REVIEW" && lastFinished ? (
        // A review session is done once: the next one is built from what is due then.
        <Link href="/review" className={buttonClasses()}>
          Review more
        </Link>
      ) : (
        <StartAttemptForm target={target} label={lastFinished ? "Try again" : "Start"} />
      )}
    </div>
  );
}
