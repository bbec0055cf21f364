import Link from "next/link";

import { getCurrentUser, homeOf } from "@/lib/auth/session";

import { DeviceGuard } from "./device-guard";
import { SignOutButton } from "./sign-out-button";

const linkClass =
  "inline-flex min-h-11 items-center rounded-lg px-2 font-medium text-brand hover:underline underline-offset-4";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-line">
      <DeviceGuard userId={user?.id ?? null} />
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-2 px-4 py-1"
      >
        <Link
          href={user ? homeOf(user.role) : "/"}
          className="inline-flex min-h-11 items-center text-lg font-bold tracking-tight"
        >
          Quizwire
        </Link>
        <div className="flex flex-wrap items-center gap-x-1">
          <Link href="/" className={linkClass}>
            Library
          </Link>
          {user ? (
            <>
              {(user.role === "STUDENT" || user.role === "LEARNER") && (
                <Link href="/student" className={linkClass}>
                  Home
                </Link>
              )}
              {user.role === "ADMIN" && (
                <Link href="/admin" className={linkClass}>
                  Admin
                </Link>
              )}
              {(user.role === "TEACHER" || user.role === "ADMIN") && (
                <>
                  <Link href="/teacher" className={linkClass}>
                    Classes
                  </Link>
                  <Link href="/teacher/sets" className={linkClass}>
                    Sets
                  </Link>
                  <Link href="/teacher/import" className={linkClass}>
                    Import
                  </Link>
                  <Link href="/teacher/feeds" className={linkClass}>
                    Feeds
                  </Link>
                </>
              )}
              <Link href="/account" className={linkClass}>
                Account
              </Link>
              <SignOutButton userId={user.id} className={linkClass} />
            </>
          ) : (
            <>
              <Link href="/join" className={linkClass}>
                Join a class
              </Link>
              <Link href="/sign-in" className={linkClass}>
                Sign in
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
