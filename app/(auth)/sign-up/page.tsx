import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { getCurrentUser, homeOf } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getSignupMode } from "@/lib/settings";

import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeOf(user.role));
  const { invite } = await searchParams;
  const mode = await getSignupMode(db);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
        <p className="mt-1 text-muted">For teachers and self-learners. Students join with their class code instead.</p>
      </div>
      {mode === "invite" && !invite ? (
        <FormMessage tone="error">
          Sign-up on this server is by invitation. Ask your admin for an invitation link.
        </FormMessage>
      ) : (
        <Card>
          <SignUpForm invite={invite} />
        </Card>
      )}
    </div>
  );
}
