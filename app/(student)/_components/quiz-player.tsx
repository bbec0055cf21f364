"use client";

// The quiz: one answer card at a time, answers sent through this device's queue
// (components/quiz/use-answer-queue.ts), progress, and the end of the quiz.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

import { AttemptTimer } from "@/components/quiz/attempt-timer";
import { QuestionCard } from "@/components/quiz/question-card";
import { useAnswerQueue } from "@/components/quiz/use-answer-queue";
import { buttonClasses } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { QuizState } from "@/lib/attempts/queries";
import { clockOffsetKey, observeClockOffset } from "@/lib/client/attempt-clock";

export function QuizPlayer({ state, userId }: { state: QuizState; userId: string }) {
  const total = state.questions.length;
  const firstOpen = state.questions.findIndex((q) => !state.answered.some((a) => a.questionId === q.id));
  const [index, setIndex] = useState(firstOpen === -1 ? total : firstOpen);
  const onRestore = useCallback(
    (answeredIds: Set<string>) => {
      const open = state.questions.findIndex((q) => !answeredIds.has(q.id));
      setIndex(open === -1 ? state.questions.length : open);
    },
    [state.questions],
  );
  // The server's clock minus this phone's, measured once mounted (kept on the device for a
  // timed attempt, so a reload from the offline copy cannot add time).
  const [offsetMs, setOffsetMs] = useState<number | null>(null);
  useEffect(() => {
    const storage = state.deadline ? window.localStorage : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOffsetMs(observeClockOffset(storage, clockOffsetKey(userId, state.attemptId), state.serverNow, Date.now()));
  }, [state.deadline, state.serverNow, state.attemptId, userId]);
  const [timeUp, setTimeUp] = useState(
    state.deadline !== null && Date.parse(state.deadline) <= Date.parse(state.serverNow),
  );
  const { answers, online, send } = useAnswerQueue(state, userId, onRestore, offsetMs ?? 0);
  const shownAt = useRef(0);

  const answeredCount = Object.keys(answers).length;
  const question = state.questions[index];
  const waiting = Object.values(answers).filter((a) => a.status === "waiting").length;

  useEffect(() => {
    shownAt.current = Date.now();
  }, [index]);

  const goNext = () => {
    const next = state.questions.findIndex((q, i) => i > index && !answers[q.id]);
    const anyOpen = state.questions.findIndex((q) => !answers[q.id]);
    setIndex(next !== -1 ? next : anyOpen !== -1 ? anyOpen : total);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        {state.deadline && (
          <AttemptTimer
            deadline={state.deadline}
            serverNow={state.serverNow}
            offsetMs={offsetMs}
            onTimeUp={() => setTimeUp(true)}
          />
        )}
        <div className="flex items-center justify-between gap-2 text-sm text-muted">
          <span>
            {Math.min(answeredCount, total)} of {total} answered
          </span>
          <SaveState waiting={waiting} online={online} />
        </div>
        <ProgressBar value={answeredCount} max={total} label="Quiz progress" />
      </div>

      {timeUp ? (
        <TimeUp attemptId={state.attemptId} waiting={waiting} />
      ) : question ? (
        <QuestionCard
          key={question.id}
          question={question}
          number={index + 1}
          total={total}
          answer={answers[question.id]}
          feedbackVisible={state.feedbackVisible}
          onAnswer={(answer) => send(question, answer, Math.max(0, Date.now() - shownAt.current))}
          onNext={goNext}
          isLast={answeredCount >= total}
        />
      ) : (
        <Finished attemptId={state.attemptId} waiting={waiting} online={online} />
      )}
    </div>
  );
}

function SaveState({ waiting, online }: { waiting: number; online: boolean }) {
  if (waiting === 0) return <span role="status">{online ? "All answers saved" : ""}</span>;
  return (
    <span role="status" className="font-semibold text-warn">
      {waiting} {waiting === 1 ? "answer" : "answers"} waiting for network
    </span>
  );
}

/** The time limit is up: no more answers; those given in time still go out from the queue. */
function TimeUp({ attemptId, waiting }: { attemptId: string; waiting: number }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-2xl border border-line bg-surface p-5">
      <h2 className="text-xl font-semibold">Time is up</h2>
      <p>This attempt is finished. The answers you gave in time count; the rest stay unanswered.</p>
      {waiting > 0 ? (
        <p className="text-warn">
          Some answers are still waiting for the network. Keep this page open; they are kept on this device until sent,
          and count because you gave them in time.
        </p>
      ) : (
        <Link href={`/attempts/${attemptId}`} className={buttonClasses()}>
          See your results
        </Link>
      )}
    </div>
  );
}

function Finished({ attemptId, waiting, online }: { attemptId: string; waiting: number; online: boolean }) {
  const router = useRouter();
  // Once every answer is stored the attempt is over: the page, read again, shows its score and
  // Try again while attempts remain (until then, and offline, this card).
  useEffect(() => {
    if (waiting === 0 && online) router.refresh();
  }, [waiting, online, router]);
  return (
    <div className="flex flex-col items-start gap-3 rounded-2xl border border-line bg-surface p-5">
      <h2 className="text-xl font-semibold">All questions answered</h2>
      {waiting > 0 ? (
        <p className="text-warn">
          Some answers are still waiting for the network. Keep this page open; they are kept on this device until sent.
        </p>
      ) : (
        <Link href={`/attempts/${attemptId}`} className={buttonClasses()}>
          See your results
        </Link>
      )}
    </div>
  );
}
