import { REVIEW_SIZE } from "@/lib/learning/review";
import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { listArticles } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/session";
import { listStudentClasses } from "@/lib/classes/queries";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { findProgress, listStudentAssignments, type AssignmentStatus } from "@/lib/learning/queries";
import { listJoinableGames } from "@/lib/live/queries";

import { LeaveClassButton } from "./leave-class-button";

export const metadata: Metadata = { title: "Home" };

const statusTone: Record<AssignmentStatus, "brand" | "warn" | "good" | "bad"> = {
  new: "brand",
  "in progress": "warn",
  done: "good",
  late: "bad",
};

const dueFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export default async function StudentHome() {
  const user = await requireRole(["STUDENT", "LEARNER"], "/student");
  const [games, assignments, progress, articles, classes] = await Promise.all([
    listJoinableGames(db, user),
    user.role === "STUDENT" ? listStudentAssignments(db, user) : Promise.resolve([]),
    findProgress(db, user),
    listArticles(db, user),
    user.role === "STUDENT" ? listStudentClasses(db, user) : Promise.resolve([]),
  ]);
  return (
    <div className="flex flex-col gap-7">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Hi, {user.displayName}</h1>
        {user.username && (
          <p className="mt-1 text-muted">
            Signed in as <span className="font-mono">{user.username}</span>
          </p>
        )}
      </div>

      {games.length > 0 && (
        <section aria-labelledby="live-heading" className="flex flex-col gap-3 rounded-2xl bg-surface p-4">
          <h2 id="live-heading" className="text-xl font-semibold">
            Live game now
          </h2>
          {games.map((game) => (
            <Link
              key={game.id}
              href={`/play?pin=${game.pin ?? ""}`}
              className={buttonClasses("primary", "w-full sm:w-auto")}
            >
              Join {game.title} ({game.class.name})
            </Link>
          ))}
        </section>
      )}

      {user.role === "STUDENT" && (
        <section aria-labelledby="assignments-heading" className="flex flex-col gap-3">
          <h2 id="assignments-heading" className="text-xl font-semibold">
            Assignments
          </h2>
          {assignments.length === 0 ? (
            <p className="text-muted">Nothing assigned right now.</p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label="Assignments">
              {assignments.map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/assignments/${a.id}`}
                    className="flex items-center justify-between gap-3 rounded-2xl border border-line p-4 hover:border-brand"
                  >
                    <span>
                      <span className="block font-semibold">{a.title}</span>
                      <span className="text-sm text-muted">
                        {a.className} · {a.questionCount} questions
                        {a.dueAt ? ` · due ${dueFormat.format(a.dueAt)} UTC` : ""}
                      </span>
                    </span>
                    <Badge tone={statusTone[a.status]}>{a.status}</Badge>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <Card className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Review now</h2>
          <p className="text-muted" data-testid="due-count">
            {progress.dueCount === 0
              ? "Nothing to review: well done."
              : `${progress.dueCount} ${progress.dueCount === 1 ? "fact is" : "facts are"} due for review.${
                  progress.dueCount > REVIEW_SIZE ? ` A session reviews ${REVIEW_SIZE} at a time.` : ""
                }`}
          </p>
        </div>
        {progress.dueCount > 0 && (
          <Link href="/review" className={buttonClasses()}>
            Review {Math.min(progress.dueCount, REVIEW_SIZE)}
          </Link>
        )}
      </Card>

      <section aria-labelledby="library-heading" className="flex flex-col gap-3">
        <h2 id="library-heading" className="text-xl font-semibold">
          Library
        </h2>
        <ul className="flex flex-col gap-2">
          {articles.slice(0, 5).map((article) => (
            <li key={article.slug}>
              <Link
                href={`/articles/${article.slug}`}
                className="block rounded-2xl border border-line p-4 hover:border-brand"
              >
                <span className="block font-semibold">{article.title}</span>
                <span className="text-sm text-muted">
                  {article.outlet} · {formatDay(article.publishedOn)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center self-start font-semibold text-brand underline underline-offset-4"
        >
          All articles
        </Link>
      </section>

      <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
        <h2 id="progress-heading" className="text-xl font-semibold">
          Your progress
        </h2>
        {progress.articles.length === 0 ? (
          <p className="text-muted">Take a quiz to start tracking what you know.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {progress.articles.slice(0, 3).map((a) => (
              <li key={a.slug} className="flex flex-col gap-1">
                <span className="flex justify-between gap-2 text-sm">
                  <span className="font-medium">{a.title}</span>
                  <span>{Math.round(a.mastery * 100)}%</span>
                </span>
                <ProgressBar value={a.mastery} label={`Mastery of ${a.title}`} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          <Link href="/progress" className={buttonClasses("secondary")}>
            All progress
          </Link>
          <Link href="/history" className={buttonClasses("ghost")}>
            Past attempts
          </Link>
        </div>
      </section>

      {user.role === "STUDENT" && (
        <section aria-labelledby="classes-heading" className="flex flex-col gap-3">
          <h2 id="classes-heading" className="text-xl font-semibold">
            Your classes
          </h2>
          {classes.length === 0 ? (
            <p className="text-muted">You are not in a class at the moment.</p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label="Your classes">
              {classes.map((c) => (
                <li key={c.id}>
                  <Card className="flex items-center justify-between gap-3">
                    {/* A long name without spaces wraps inside the card, not past the screen's edge. */}
                    <div className="min-w-0 [overflow-wrap:anywhere]">
                      <p className="font-semibold">{c.name}</p>
                      <p className="text-sm text-muted">{c.teacherName}</p>
                    </div>
                    <LeaveClassButton classId={c.id} name={c.name} />
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <Link href="/join" className={buttonClasses("secondary", "self-start")}>
            Join another class
          </Link>
        </section>
      )}
    </div>
  );
}
