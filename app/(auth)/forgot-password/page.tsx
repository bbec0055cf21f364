import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { isMailConfigured } from "@/lib/mail";

import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password</h1>
      {isMailConfigured() ? (
        <Card>
          <ForgotPasswordForm />
        </Card>
      ) : (
        <FormMessage tone="error">
          This server does not send email. Students: ask your teacher for a new password. Teachers: ask your admin.
        </FormMessage>
      )}
    </div>
  );
}
