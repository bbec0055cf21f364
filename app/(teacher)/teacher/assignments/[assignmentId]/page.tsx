import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { findTeacherAssignment } from "@/lib/assignments/queries";
import { requireTeacher } from "@/lib/auth/session";
import { formatDateTimeInZone } from "@/lib/dates";
import { db } from "@/lib/db";
import { findAssignmentResults } from "@/lib/results/queries";

import { LiveResults } from "../_components/live-results";
import { AssignmentSettings } from "./assignment-settings";

export const metadata: Metadata = { title: "Results" };

const minutes = (n: number) => `${n} ${n === 1 ? "minute" : "minutes"}`;

export default async function AssignmentResultsPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/teacher/assignments/${assignmentId}`);
  const [assignment, results, me] = await Promise.all([
    findTeacherAssignment(db, teacher, assignmentId),
    findAssignmentResults(db, teacher, assignmentId),
    db.user.findUnique({ where: { id: teacher.id }, select: { timeZone: true } }),
  ]);
  if (!assignment || !results) notFound();
  const zone = me?.timeZone ?? "UTC";
  const { title, className, ...initial } = results;
  return (
    <div className="flex flex-col gap-6">
      <Link
        href={`/teacher/classes/${assignment.classId}`}
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← {className}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
          {title} {assignment.closedAt && <Badge>closed</Badge>}
        </h1>
        <p className="text-muted">
          {assignment.set.title} · opens {formatDateTimeInZone(assignment.opensAt, zone)}
          {assignment.dueAt ? ` · due ${formatDateTimeInZone(assignment.dueAt, zone)}` : " · no due date"} ({zone}) ·{" "}
          {assignment.maxAttempts} {assignment.maxAttempts === 1 ? "attempt" : "attempts"}
          {assignment.timeLimitMinutes ? ` of ${minutes(assignment.timeLimitMinutes)} each` : ""} · answers shown{" "}
          {assignment.feedbackPolicy === "IMMEDIATE" ? "right away" : "after the due date"}
        </p>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/assignments/${assignment.id}/export?layout=gradebook`} className={buttonClasses("secondary")}>
            Gradebook CSV<span className="sr-only"> (one row per student)</span>
          </a>
          <a href={`/api/assignments/${assignment.id}/export`} className={buttonClasses("secondary")}>
            Every answer CSV<span className="sr-only"> (one row per student per question)</span>
          </a>
          <Link href={`/present/assignments/${assignment.id}`} className={buttonClasses("secondary")}>
            Projector view
          </Link>
        </div>
      </div>
      <LiveResults assignmentId={assignment.id} initial={initial} />
      <AssignmentSettings
        assignmentId={assignment.id}
        closed={Boolean(assignment.closedAt)}
        values={{
          title: assignment.title,
          maxAttempts: String(assignment.maxAttempts),
          feedbackPolicy: assignment.feedbackPolicy,
          opensAt: assignment.opensAt.toISOString(),
          dueAt: assignment.dueAt?.toISOString() ?? "",
          timeLimitMinutes: assignment.timeLimitMinutes ? String(assignment.timeLimitMinutes) : "",
        }}
        started={assignment._count.attempts > 0}
        classId={assignment.classId}
        setId={assignment.setId}
      />
    </div>
  );
}
