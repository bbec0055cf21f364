"use client";

import { useEffect, useState } from "react";

import { ANSWER_RESULT_EVENT, postAnswer, sharedQueue } from "@/lib/client/answer-queue";
import type { AnswerOutcome } from "@/lib/attempts/mutations";

/**
 * Sends the answers still waiting on this phone, as the player does: the last answer's reply
 * may have been lost to a reload, and the page then shows the finished attempt's results, not
 * the player. With `confirmSaved` (after an attempt), it also says when nothing is waiting.
 */
export function WaitingAnswers({ userId, confirmSaved }: { userId: string; confirmSaved: boolean }) {
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    const queue = sharedQueue(window.localStorage, userId);
    const send = () =>
      void queue
        .flush(
          (request) => postAnswer<AnswerOutcome>(request),
          (request, result) =>
            window.dispatchEvent(new CustomEvent(ANSWER_RESULT_EVENT, { detail: { request, result } })),
        )
        .then(() => setWaiting(queue.all().length));
    send();
    window.addEventListener("online", send);
    const timer = window.setInterval(send, 5000);
    return () => {
      window.removeEventListener("online", send);
      window.clearInterval(timer);
    };
  }, [userId]);
  if (waiting === null || (waiting === 0 && !confirmSaved)) return null;
  if (waiting === 0) return <p role="status">All answers saved</p>;
  return (
    <p role="status" className="font-semibold text-warn">
      {waiting} {waiting === 1 ? "answer" : "answers"} waiting for network
    </p>
  );
}
