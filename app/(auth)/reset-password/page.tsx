import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";

import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {token ? (
        <Card>
          <ResetPasswordForm token={token} />
        </Card>
      ) : (
        <FormMessage tone="error">This link is incomplete. Open the link from the email again.</FormMessage>
      )}
    </div>
  );
}
