import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/classes/codes";
import { joinQrSvg, joinUrl } from "@/lib/classes/qr";
import { findTeacherClass } from "@/lib/classes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Join code" };

// For the projector: the code as large as the screen allows, and the QR code beside it.
export default async function ProjectorCodePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${classId}/code`);
  const classroom = await findTeacherClass(db, teacher, classId);
  if (!classroom || classroom.archivedAt) notFound();
  const qr = await joinQrSvg(classroom.joinCode);
  return (
    <div className="flex min-h-[70dvh] flex-col items-center justify-center gap-8 text-center">
      <h1 className="text-3xl font-bold">Join {classroom.name}</h1>
      <div className="flex flex-col items-center gap-10 lg:flex-row">
        <div
          className="size-72 rounded-2xl bg-white p-3 lg:size-96"
          role="img"
          aria-label={`QR code for ${joinUrl(classroom.joinCode)}`}
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <div className="flex flex-col gap-4">
          <p className="text-2xl text-muted">Go to {joinUrl("").replace(/\?code=$/, "")} and enter</p>
          <p className="font-mono text-7xl font-bold tracking-widest lg:text-8xl">
            {formatJoinCode(classroom.joinCode)}
          </p>
        </div>
      </div>
      <Link
        href={`/teacher/classes/${classroom.id}`}
        className="inline-flex min-h-11 items-center text-brand underline"
      >
        Back to the class
      </Link>
    </div>
  );
}
