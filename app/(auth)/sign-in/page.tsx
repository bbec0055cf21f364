import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { getCurrentUser, homeOf } from "@/lib/auth/session";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeOf(user.role));
  const { next } = await searchParams;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <Card>
        <SignInForm next={next} />
      </Card>
      <div className="flex flex-col gap-2 text-muted">
        <p>
          Student with a class code?{" "}
          <Link
            href="/join"
            className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
          >
            Join your class
          </Link>
        </p>
        <p>
          Teacher or learner without an account?{" "}
          <Link
            href="/sign-up"
            className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
          >
            Sign up
          </Link>
        </p>
        <p>
          <Link
            href="/forgot-password"
            className="inline-flex min-h-11 items-center text-brand underline underline-offset-4"
          >
            Forgot your password?
          </Link>
        </p>
      </div>
    </div>
  );
}
