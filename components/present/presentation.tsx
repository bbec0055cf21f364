"use client";

// Presentation mode: one screen for a projector, shared by the class code, an assignment's
// results and (later) the live game's host view. It fills the screen (1280×720 up to
// 1920×1080) without scrolling; type is sized from the screen so the back row can read it.
// The only controls are small, in a corner: full screen, and the way back.
import Link from "next/link";
import { useEffect, useState } from "react";

import { projectorSize } from "@/components/present/sizes";
import { cn } from "@/components/ui/cn";

const control =
  "inline-flex min-h-11 items-center rounded-lg px-3 text-base font-medium text-muted hover:text-ink hover:underline underline-offset-4";

export function Presentation({
  exitHref,
  exitLabel,
  children,
  footer,
}: {
  exitHref: string;
  exitLabel: string;
  children: React.ReactNode;
  /** Slide controls and the like, under the slide. */
  footer?: React.ReactNode;
}) {
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <div className="flex h-dvh flex-col bg-canvas px-[3vw] py-[2vh] text-ink">
      <div className="flex justify-end gap-2">
        <button type="button" onClick={toggle} className={control}>
          {fullScreen ? "Leave full screen" : "Full screen"}
        </button>
        <Link href={exitHref} className={control}>
          {exitLabel}
        </Link>
      </div>
      <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      {footer && <div className="flex items-center justify-center gap-4">{footer}</div>}
    </div>
  );
}

export function SlideHeading({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <h1 className={cn("leading-tight font-bold", className)} style={{ fontSize: projectorSize(6) }}>
      {children}
    </h1>
  );
}
