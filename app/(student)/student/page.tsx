import type { Metadata } from "next";
import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireStudent } from "@/lib/auth/session";
import { listStudentClasses } from "@/lib/classes/queries";
import { db } from "@/lib/db";

import { LeaveClassButton } from "./leave-class-button";

export const metadata: Metadata = { title: "Home" };

export default async function StudentHome() {
  const student = await requireStudent("/student");
  const classes = await listStudentClasses(db, student);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Hi, {student.displayName}</h1>
        <p className="mt-1 text-muted">
          Signed in as <span className="font-mono">{student.username}</span>
        </p>
      </div>
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
                  <div>
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
      <Link href="/" className={buttonClasses("primary", "self-start")}>
        Browse the library
      </Link>
    </div>
  );
}
