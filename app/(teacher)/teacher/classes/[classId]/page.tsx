import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listClassAssignments } from "@/lib/assignments/queries";
import { requireTeacher } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/classes/codes";
import { joinQrSvg, joinUrl } from "@/lib/classes/qr";
import { findTeacherClass } from "@/lib/classes/queries";
import { formatDateTimeInZone } from "@/lib/dates";
import { db } from "@/lib/db";

import { ArchiveButton, RenameClassForm, RosterActions, RotateCodeButton } from "./class-forms";

export const metadata: Metadata = { title: "Class" };

const lastSeen = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${classId}`);
  const [classroom, assignments, me] = await Promise.all([
    findTeacherClass(db, teacher, classId),
    listClassAssignments(db, teacher, classId),
    db.user.findUnique({ where: { id: teacher.id }, select: { timeZone: true } }),
  ]);
  if (!classroom) notFound();
  const zone = me?.timeZone ?? "UTC";
  const qr = await joinQrSvg(classroom.joinCode);
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/teacher"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Your classes
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{classroom.name}</h1>
        {classroom.archivedAt && <Badge>Archived</Badge>}
      </div>

      {!classroom.archivedAt && (
        <Card className="flex flex-col items-center gap-4 text-center sm:flex-row sm:text-left">
          <div
            className="size-40 shrink-0 rounded-xl bg-white p-2"
            role="img"
            aria-label={`QR code for ${joinUrl(classroom.joinCode)}`}
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <div className="flex flex-col gap-2">
            <p className="text-muted">Class code</p>
            <p className="font-mono text-4xl font-bold tracking-widest" data-testid="join-code">
              {formatJoinCode(classroom.joinCode)}
            </p>
            <p className="text-sm break-all text-muted">
              Students open {joinUrl(classroom.joinCode)} or scan the code.
            </p>
            <div className="flex flex-wrap gap-2">
              <Link href={`/present/classes/${classroom.id}`} className={buttonClasses("secondary")}>
                Show on projector
              </Link>
              <RotateCodeButton classId={classroom.id} />
            </div>
          </div>
        </Card>
      )}

      <section className="flex flex-col gap-3" aria-labelledby="assignments-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="assignments-heading" className="text-xl font-semibold">
            Assignments
          </h2>
          <Link href="/teacher/sets" className={buttonClasses("secondary")}>
            Assign a question set
          </Link>
        </div>
        {assignments.length === 0 ? (
          <p className="text-muted">Nothing assigned yet.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Assignments">
            {assignments.map((a) => (
              <li key={a.id}>
                <Link
                  href={`/teacher/assignments/${a.id}`}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-line p-3 hover:border-brand"
                >
                  <span>
                    <span className="block font-semibold">{a.title}</span>
                    <span className="text-sm text-muted">
                      {a.set._count.items} questions{a.dueAt ? ` · due ${formatDateTimeInZone(a.dueAt, zone)}` : ""}
                    </span>
                  </span>
                  {a.closedAt ? <Badge>closed</Badge> : <Badge tone="brand">results</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="roster-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="roster-heading" className="text-xl font-semibold">
            Students ({classroom.enrolments.length})
          </h2>
          <div className="flex flex-wrap gap-2">
            <Link href={`/teacher/classes/${classroom.id}/cards`} className={buttonClasses("secondary")}>
              Print login cards
            </Link>
            <a href={`/api/classes/${classroom.id}/export?format=csv`} className={buttonClasses("ghost")}>
              Export CSV
            </a>
            <a href={`/api/classes/${classroom.id}/export?format=json`} className={buttonClasses("ghost")}>
              Export JSON
            </a>
          </div>
        </div>
        {classroom.enrolments.length === 0 ? (
          <p className="text-muted">No students yet. They join with the code above.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Students">
            {classroom.enrolments.map(({ student }) => (
              <li
                key={student.id}
                className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div>
                  <p className="font-semibold">{student.displayName}</p>
                  <p className="text-sm text-muted">
                    <span className="font-mono">{student.username}</span> · last answered{" "}
                    {student.lastAnsweredAt ? `${lastSeen.format(student.lastAnsweredAt)} UTC` : "never"}
                  </p>
                </div>
                <RosterActions classId={classroom.id} studentId={student.id} name={student.displayName} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Settings</h2>
        <RenameClassForm classId={classroom.id} name={classroom.name} />
        <ArchiveButton classId={classroom.id} archived={Boolean(classroom.archivedAt)} />
      </Card>
    </div>
  );
}
