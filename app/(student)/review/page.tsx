import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countDueFacts, findOpenReviewSetId } from "@/lib/learning/queries";
import { releaseResults } from "@/lib/learning/release";

import { StartReviewForm } from "./start-review-form";

export const metadata: Metadata = { title: "Review" };

// A review session of the facts that are due: resumed while in progress, else built when the
// student presses Start review (a POST: opening or prefetching this page builds nothing).
export default async function ReviewPage() {
  const user = await requireRole(["STUDENT", "LEARNER"], "/review");
  // Results whose due date has passed reach memory first (decision 0005), so they count.
  await releaseResults(db, { userId: user.id });
  const open = await findOpenReviewSetId(db, user);
  if (open) redirect(`/quiz/${open}`);
  const due = await countDueFacts(db, user);
  if (due === 0)
    return (
      <div className="flex flex-col items-start gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Nothing to review</h1>
        <p className="text-muted">No fact is due right now. Come back later, or take another quiz.</p>
        <Link href="/" className={buttonClasses()}>
          Browse the library
        </Link>
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Review</h1>
      <p className="text-muted">
        {due} {due === 1 ? "fact is" : "facts are"} due for review.
      </p>
      <StartReviewForm />
    </div>
  );
}
