import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/classes/codes";
import { findTeacherClass } from "@/lib/classes/queries";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/public-url";

import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Login cards" };

// One card per student with their username and where to sign in; passwords are never
// stored in a readable form, so students who forgot theirs get a reset from the roster.
export default async function LoginCardsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${classId}/cards`);
  const classroom = await findTeacherClass(db, teacher, classId);
  if (!classroom) notFound();
  const url = publicUrl();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <h1 className="text-2xl font-bold">Login cards: {classroom.name}</h1>
        <PrintButton />
      </div>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 print:grid-cols-2" aria-label="Login cards">
        {classroom.enrolments.map(({ student }) => (
          <li key={student.id} className="break-inside-avoid rounded-xl border-2 border-dashed border-line p-4">
            <p className="text-lg font-semibold">{student.displayName}</p>
            <p className="mt-2 text-sm text-muted">Sign in at {url}/sign-in</p>
            <p className="mt-1">
              Username: <span className="font-mono text-lg font-bold">{student.username}</span>
            </p>
            <p className="mt-1 text-sm text-muted">Password: the one you chose (your teacher can reset it)</p>
            <p className="mt-1 text-sm text-muted">Class code: {formatJoinCode(classroom.joinCode)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
