"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { DISPLAY_NAME_MAX } from "@/lib/accounts/limits";
import { field } from "@/lib/form-state";

import { joinAsNewStudentAction, joinWithCodeAction } from "./actions";

function CodeInput({ name, defaultValue, error }: { name: string; defaultValue?: string; error?: string }) {
  return (
    <Input
      label="Class code"
      name={name}
      defaultValue={defaultValue}
      autoCapitalize="characters"
      autoComplete="off"
      spellCheck={false}
      inputMode="text"
      hint="8 letters and digits, from your teacher's screen."
      required
      error={error}
      className="[&_input]:font-mono [&_input]:text-xl [&_input]:tracking-widest [&_input]:uppercase"
    />
  );
}

/**
 * Wires a field like `field`, leaving out its error when the form's message above already says
 * the same words (a wrong code): each error shows once.
 */
function fieldOnce(state: Parameters<typeof field>[0], name: string, fallback?: string) {
  const wired = field(state, name, fallback);
  const said = state && !state.ok ? state.error : undefined;
  return { ...wired, error: wired.error === said ? undefined : wired.error };
}

/**
 * The join page's forms. The new student's result lives here, above the choice of form: once
 * they have joined, the router refreshes so the header shows them signed in, and the page,
 * now rendered for a signed-in student, still shows their new username (once).
 */
export function JoinForms({ signedIn, code }: { signedIn: "no" | "student" | "other"; code?: string }) {
  const [state, action] = useActionState(joinAsNewStudentAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  if (state?.ok) return <Joined username={state.data.username} className={state.data.className} />;
  if (signedIn === "student") return <SignedInJoinForm code={code} />;
  if (signedIn === "other")
    return (
      <FormMessage tone="error">
        You are signed in as a teacher or learner. Class codes are for student accounts.
      </FormMessage>
    );
  return <NewStudentJoinForm state={state} action={action} code={code} />;
}

function Joined({ username, className }: { username: string; className: string }) {
  return (
    <Card className="flex flex-col gap-4">
      <FormMessage tone="success">You have joined {className}.</FormMessage>
      <div>
        <p className="font-medium">Your username</p>
        <p className="mt-1 font-mono text-2xl font-bold" data-testid="new-username">
          {username}
        </p>
        <p className="mt-2 text-muted">
          Write it down: you need it with your password or PIN to sign in next time. It is shown only now.
        </p>
      </div>
      <Link href="/student" className={buttonClasses()}>
        Continue
      </Link>
    </Card>
  );
}

type NewStudentState = Awaited<ReturnType<typeof joinAsNewStudentAction>> | null;

function NewStudentJoinForm({
  state,
  action,
  code,
}: {
  state: NewStudentState;
  action: (form: FormData) => void;
  code?: string;
}) {
  // Kept in the browser only (a secret is never sent back): a wrong code does not cost the PIN.
  const [secret, setSecret] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Card>
      <form action={action} className="flex flex-col gap-4">
        {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
        <CodeInput {...fieldOnce(state, "code", code)} />
        <Input
          label="Your name"
          {...fieldOnce(state, "displayName")}
          autoComplete="given-name"
          hint="As your teacher will see it (up to 60 characters)."
          maxLength={DISPLAY_NAME_MAX}
          required
        />
        <Input
          label="Choose a password or PIN"
          name="secret"
          type="password"
          autoComplete="new-password"
          hint="A PIN of at least 6 digits, or a password of at least 10 characters."
          required
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          error={errors?.secret}
        />
        <SubmitButton pendingText="Joining…">Join class</SubmitButton>
      </form>
    </Card>
  );
}

function SignedInJoinForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinWithCodeAction, null);
  return (
    <Card>
      <form action={action} className="flex flex-col gap-4">
        {state?.ok && (
          <FormMessage tone="success">
            {state.data.alreadyMember
              ? `You are already in ${state.data.className}.`
              : `You have joined ${state.data.className}.`}
          </FormMessage>
        )}
        {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
        <CodeInput {...fieldOnce(state, "code", code)} />
        <SubmitButton pendingText="Joining…">Join class</SubmitButton>
      </form>
    </Card>
  );
}
