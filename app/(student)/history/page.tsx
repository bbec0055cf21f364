import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { listAttemptHistory } from "@/lib/attempts/queries";
import { requireUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Your attempts" };

export default async function HistoryPage() {
  const user = await requireUser("/history");
  const attempts = await listAttemptHistory(db, user);
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold tracking-tight">Your attempts</h1>
      {attempts.length === 0 ? (
        <p className="text-muted">No attempts yet. Pick an article from the library and take its quiz.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Attempts">
          {attempts.map((a) => (
            <li key={a.id}>
              <Link
                href={`/attempts/${a.id}`}
                className="flex items-center justify-between gap-3 rounded-2xl border border-line p-4 hover:border-brand"
              >
                <span>
                  <span className="block font-semibold">{a.title}</span>
                  <span className="text-sm text-muted">
                    {formatDay(a.startedAt)} · attempt {a.number} · {a.answered}/{a.total} answered
                  </span>
                </span>
                {a.finishedAt ? (
                  <Badge tone="brand">{a.score !== null ? `${Math.round(a.score * 100)}%` : "done"}</Badge>
                ) : (
                  <Badge>in progress</Badge>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
