import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

import { ChangePasswordForm, DeleteAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const canSelfDelete = user.role === "STUDENT" || user.role === "LEARNER";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-muted">
          {user.displayName} · <span className="font-mono">{user.email ?? user.username}</span>
        </p>
      </div>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">
          {user.role === "STUDENT" ? "Change password or PIN" : "Change password"}
        </h2>
        <ChangePasswordForm student={user.role === "STUDENT"} />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Your data</h2>
        <p className="text-muted">Everything Quizwire keeps about you: your classes, answers and review progress.</p>
        <div className="flex flex-wrap gap-2">
          <a
            href="/api/me/export?format=json"
            className="inline-flex min-h-11 items-center font-semibold text-brand underline"
          >
            Download (JSON)
          </a>
          <a
            href="/api/me/export?format=csv"
            className="inline-flex min-h-11 items-center font-semibold text-brand underline"
          >
            Download answers (CSV)
          </a>
        </div>
      </Card>
      {canSelfDelete && (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">Delete your account</h2>
          <DeleteAccountForm />
        </Card>
      )}
    </div>
  );
}
