import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/classes/codes";
import { listTeacherClasses } from "@/lib/classes/queries";
import { db } from "@/lib/db";

import { CreateClassForm } from "./_components/create-class-form";

export const metadata: Metadata = { title: "Your classes" };

export default async function TeacherHome() {
  const teacher = await requireTeacher("/teacher");
  const classes = await listTeacherClasses(db, teacher);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your classes</h1>
      {classes.length === 0 ? (
        <p className="text-muted">No classes yet. Create one and give its code to your students.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Classes">
          {classes.map((c) => (
            <li key={c.id}>
              <Link
                href={`/teacher/classes/${c.id}`}
                className="block h-full rounded-2xl border border-line bg-surface p-4 hover:border-brand"
              >
                <h2 className="text-lg font-semibold">{c.name}</h2>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
                  <span>
                    {c.studentCount} {c.studentCount === 1 ? "student" : "students"}
                  </span>
                  {c.archivedAt ? (
                    <Badge>Archived</Badge>
                  ) : (
                    <span className="font-mono">{formatJoinCode(c.joinCode)}</span>
                  )}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">New class</h2>
        <CreateClassForm />
      </Card>
    </div>
  );
}
