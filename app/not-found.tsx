import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-muted">There is nothing at this address.</p>
      <Link href="/" className={buttonClasses("secondary")}>
        Back to the library
      </Link>
    </div>
  );
}
