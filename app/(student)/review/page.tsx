import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { prepareReviewSet } from "@/lib/learning/queries";

export const metadata: Metadata = { title: "Review" };

// A review session of the facts that are due: built when opened, resumed until finished.
export default async function ReviewPage() {
  const user = await requireRole(["STUDENT", "LEARNER"], "/review");
  const setId = await prepareReviewSet(db, user);
  if (setId) redirect(`/quiz/${setId}`);
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Nothing to review</h1>
      <p className="text-muted">No fact is due right now. Come back later, or take another quiz.</p>
      <Link href="/" className={buttonClasses()}>
        Browse the library
      </Link>
    </div>
  );
}
