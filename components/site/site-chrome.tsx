"use client";

// The page around every screen: the site header and a reading-width column, except in
// presentation mode (/present/...), which a projector shows full screen with no menu.
import { usePathname } from "next/navigation";

export const PRESENT_PREFIX = "/present/";

export function SiteChrome({ header, children }: { header: React.ReactNode; children: React.ReactNode }) {
  if (usePathname().startsWith(PRESENT_PREFIX)) {
    return (
      <main id="main" className="h-dvh overflow-hidden">
        {children}
      </main>
    );
  }
  return (
    <>
      {header}
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
