import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Presentation } from "@/components/present/presentation";
import { projectorSize } from "@/components/present/sizes";
import { requireTeacher } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/classes/codes";
import { joinQrSvg, joinUrl } from "@/lib/classes/qr";
import { findTeacherClass } from "@/lib/classes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Join code" };

// The class code for a projector: the QR code over half the screen's height, and the code on
// one line, as large as the room needs.
export default async function PresentCodePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/present/classes/${classId}`);
  const classroom = await findTeacherClass(db, teacher, classId);
  if (!classroom || classroom.archivedAt) notFound();
  const qr = await joinQrSvg(classroom.joinCode);
  const site = joinUrl("").replace(/\?code=$/, "");
  return (
    <Presentation exitHref={`/teacher/classes/${classroom.id}`} exitLabel="Back to the class">
      <div className="flex flex-1 items-center justify-center gap-[4vw]">
        <div
          data-testid="join-qr"
          className="aspect-square shrink-0 rounded-2xl bg-white p-[1.5vh]"
          style={{ height: "min(62vh, 42vw)" }}
          role="img"
          aria-label={`QR code for ${joinUrl(classroom.joinCode)}`}
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <div className="flex min-w-0 flex-col gap-[3vh]">
          <h1 className="leading-tight font-bold" style={{ fontSize: projectorSize(6) }}>
            Join {classroom.name}
          </h1>
          <p className="text-muted" style={{ fontSize: projectorSize(4) }}>
            Scan the code, or go to <span className="font-semibold text-ink">{site}</span> and enter
          </p>
          <p
            data-testid="join-code"
            className="font-mono leading-none font-bold tracking-wider whitespace-nowrap"
            style={{ fontSize: projectorSize(13) }}
          >
            {formatJoinCode(classroom.joinCode)}
          </p>
        </div>
      </div>
    </Presentation>
  );
}
