"use client";

import { useId, useRef, useState } from "react";

import { signOutAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { ANSWER_RESULT_EVENT, postAnswer, sharedQueue } from "@/lib/client/answer-queue";
import { clearDevice } from "@/lib/client/device-data";
import type { AnswerOutcome } from "@/lib/attempts/mutations";

/** How long signing out waits for the answers still on the phone to go. */
const SEND_TIMEOUT_MS = 5000;

/** Tries once to send the answers waiting on this phone; resolves with how many are left. */
async function sendWaitingAnswers(userId: string): Promise<number> {
  const queue = sharedQueue(window.localStorage, userId);
  if (queue.all().length === 0) return 0;
  const sent = queue.flush(
    (request) => postAnswer<AnswerOutcome>(request),
    // The quiz player, if this page has one, shows what became of them.
    (request, result) => window.dispatchEvent(new CustomEvent(ANSWER_RESULT_EVENT, { detail: { request, result } })),
  );
  await Promise.race([sent, new Promise((resolve) => window.setTimeout(resolve, SEND_TIMEOUT_MS))]);
  return queue.all().length;
}

function describeWaiting(count: number): string {
  return `${count} ${count === 1 ? "answer is" : "answers are"} not sent yet`;
}

/**
 * Signs out on a phone the class shares: first the answers still waiting are sent (or the
 * student is told they would be lost), then this browser forgets everything of theirs (answers,
 * feedback, offline pages), then the server ends their sessions. Without JavaScript the form
 * still signs out, and the page it lands on clears what it can (see DeviceGuard).
 */
export function SignOutButton({ userId, className }: { userId: string; className: string }) {
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cleared = useRef(false);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState({ count: 0, offline: false });

  const forgetAndSignOut = async () => {
    setBusy(true);
    const caches = "caches" in window ? window.caches : null;
    await clearDevice(window.localStorage, caches, { keepUnsent: false }).catch(() => undefined);
    cleared.current = true;
    form.current?.requestSubmit();
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // The second submit, once this browser has forgotten the user: on to the server.
    if (cleared.current) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    void (async () => {
      const left = await sendWaitingAnswers(userId).catch(() => sharedQueue(window.localStorage, userId).all().length);
      // Signing out needs the server: offline, the session would stay on this phone.
      const offline = !navigator.onLine;
      if (left === 0 && !offline) return forgetAndSignOut();
      setWaiting({ count: left, offline });
      setBusy(false);
      dialog.current?.showModal();
    })();
  };

  const title = waiting.count > 0 ? describeWaiting(waiting.count) : "You are offline";
  const explanation = waiting.offline
    ? waiting.count > 0
      ? `Stay signed in until you are back online: ${waiting.count === 1 ? "it is" : "they are"} sent then. Signing out needs the network too.`
      : "Signing out needs the network: try again when you are back online."
    : `Quizwire could not take ${waiting.count === 1 ? "it" : "them"} just now. Stay signed in and try again in a minute, or sign out anyway and lose ${waiting.count === 1 ? "it" : "them"}.`;

  return (
    <>
      <form ref={form} action={signOutAction} onSubmit={onSubmit}>
        <button type="submit" className={className} aria-disabled={busy}>
          {busy ? "Signing out…" : "Sign out"}
        </button>
      </form>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-2xl border border-line bg-canvas p-5 text-ink backdrop:bg-black/50"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-2">{explanation}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button autoFocus onClick={() => dialog.current?.close()}>
            Stay signed in
          </Button>
          {!waiting.offline && waiting.count > 0 && (
            <Button
              variant="secondary"
              onClick={() => {
                dialog.current?.close();
                void forgetAndSignOut();
              }}
            >
              Sign out anyway
            </Button>
          )}
        </div>
      </dialog>
    </>
  );
}
