import type { Metadata } from "next";
import Link from "next/link";

import { getCurrentUser } from "@/lib/auth/session";

import { JoinForms } from "./join-forms";

export const metadata: Metadata = { title: "Join a class" };

// Reached by typing the code, or by scanning the class's QR code (/join?code=...).
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const user = await getCurrentUser();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Join a class</h1>
        {!user && <p className="mt-1 text-muted">No email needed: the code, your name and a password or PIN.</p>}
      </div>
      <JoinForms signedIn={!user ? "no" : user.role === "STUDENT" ? "student" : "other"} code={code} />
      {!user && (
        <p className="text-muted">
          Already joined a class?{" "}
          <Link
            href="/sign-in"
            className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
          >
            Sign in with your username
          </Link>
        </p>
      )}
    </div>
  );
}
