"use client";

// The join forms once their script has loaded: the form goes to POST /api/live/join as JSON
// (lib/live/join-route.ts, answered ahead of Next when a whole class joins at once) and the
// phone navigates to its game on the client, instead of the server action whose redirect
// renders the game's page inside its own response. The form keeps its server action for a
// phone whose script has not loaded: submitted as a plain form, it joins the same way.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import type { ActionResult } from "@/lib/actions";

export const JOIN_OFFLINE_MESSAGE = "The server could not be reached. Check your connection, then press Join again.";
export const JOIN_FAILED_MESSAGE = "Joining did not work this time. Press Join again.";

type Outcome = { to: string } | { error: ActionResult<undefined> };

async function postJoin(fields: Record<string, string>): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch("/api/live/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(fields),
    });
  } catch {
    return { error: { ok: false, error: JOIN_OFFLINE_MESSAGE, values: fields } };
  }
  const body = (await response.json().catch(() => null)) as {
    to?: string;
    message?: string;
    fieldErrors?: Record<string, string>;
  } | null;
  // Joined; or signed out, sent to sign in and back.
  if (body?.to && (response.ok || response.status === 401)) return { to: body.to };
  if (!body?.message || response.status >= 500)
    return { error: { ok: false, error: JOIN_FAILED_MESSAGE, values: fields } };
  return { error: { ok: false, error: body.message, fieldErrors: body.fieldErrors, values: fields } };
}

/**
 * The form's submit handler and what it last said: a refusal's message (by its field where it
 * has one), as the server action's state would say it. `pending` while the join and the
 * navigation after it run.
 */
export function useJsonJoin(): {
  result: ActionResult<undefined> | null;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
} {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The server action is not run: this request takes its place.
    event.preventDefault();
    if (pending) return;
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget))
      if (!name.startsWith("$ACTION") && typeof value === "string") fields[name] = value;
    startTransition(async () => {
      const outcome = await postJoin(fields);
      if ("to" in outcome) router.push(outcome.to);
      else setResult(outcome.error);
    });
  };
  return { result, pending, onSubmit };
}
