"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { OneTimePassword } from "@/components/ui/one-time-password";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import {
  createInvitationAction,
  resetPasswordAction,
  setAllowedHostsAction,
  setDisabledAction,
  setFeedForEveryoneAction,
  setSignupModeAction,
} from "./actions";

export function ForEveryoneButton({ feedId, forEveryone }: { feedId: string; forEveryone: boolean }) {
  const [state, action] = useActionState(setFeedForEveryoneAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="feedId" value={feedId} />
      <input type="hidden" name="forEveryone" value={forEveryone ? "false" : "true"} />
      <SubmitButton variant="ghost">{forEveryone ? "Stop for every teacher" : "Add for every teacher"}</SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

export function AllowedHostsForm({ hosts }: { hosts: string[] }) {
  const [state, action] = useActionState(setAllowedHostsAction, null);
  const hostsField = field(state, "hosts", hosts.join("\n"));
  return (
    <form action={action} className="flex flex-col gap-3">
      <label className="flex flex-col gap-1.5 font-medium">
        Hosts on the school&apos;s network
        <span className="text-sm font-normal text-muted">
          Imported links and feeds are read only from the public internet. List here, one a line, any host on a private
          network they may be read from too (for example intranet.school.org, or 10.0.0.5:8080).
        </span>
        <textarea
          name="hosts"
          rows={3}
          defaultValue={hostsField.defaultValue}
          aria-invalid={hostsField.error ? true : undefined}
          className="rounded-xl border border-line bg-canvas p-3 font-normal"
        />
      </label>
      {hostsField.error && <p className="text-sm font-medium text-bad">{hostsField.error}</p>}
      <SubmitButton variant="secondary" className="self-start">
        Save hosts
      </SubmitButton>
      {state?.ok && <FormMessage tone="success">Saved.</FormMessage>}
    </form>
  );
}

export function SignupModeForm({ mode }: { mode: "open" | "invite" }) {
  const [state, action] = useActionState(setSignupModeAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1">
        <legend className="sr-only">Who can sign up</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="mode"
            value="open"
            defaultChecked={mode === "open"}
            className="size-5 accent-brand"
          />
          Anyone can sign up as a teacher or learner
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="mode"
            value="invite"
            defaultChecked={mode === "invite"}
            className="size-5 accent-brand"
          />
          By invitation only
        </label>
      </fieldset>
      <SubmitButton variant="secondary">Save</SubmitButton>
      {state?.ok && <FormMessage tone="success">Saved.</FormMessage>}
    </form>
  );
}

export function InvitationForm() {
  const [state, action] = useActionState(createInvitationAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <Input
        label="Email (optional)"
        {...field(state, "email")}
        type="email"
        hint="When given, only this address can use the link."
      />
      <label className="flex flex-col gap-1.5 font-medium">
        Role
        <select name="role" className="min-h-11 rounded-xl border border-line bg-canvas px-3">
          <option value="TEACHER">Teacher</option>
          <option value="LEARNER">Learner</option>
          <option value="ADMIN">Admin</option>
        </select>
      </label>
      <SubmitButton variant="secondary">Make invitation link</SubmitButton>
      {state?.ok && (
        <p role="status" className="rounded-xl bg-good-soft px-3 py-2 break-all text-good">
          Send this link (it works once, for 14 days): <span className="font-mono">{state.data.link}</span>
        </p>
      )}
    </form>
  );
}

export function UserActions({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [reset, resetAction] = useActionState(resetPasswordAction, null);
  const [toggled, toggleAction] = useActionState(setDisabledAction, null);
  const error = [reset, toggled].find((s) => s && !s.ok);
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div className="flex flex-wrap gap-1">
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="ghost">
            Reset password<span className="sr-only"> for {name}</span>
          </SubmitButton>
        </form>
        <form action={toggleAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
          <SubmitButton variant="ghost">
            {disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {name}</span>
          </SubmitButton>
        </form>
      </div>
      {reset?.ok && <OneTimePassword name={name} password={reset.data.password} />}
      {error && !error.ok && <FormMessage tone="error">{error.error}</FormMessage>}
    </div>
  );
}
