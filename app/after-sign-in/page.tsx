import { redirect } from "next/navigation";

import { safeNextPath } from "@/lib/auth/redirects";
import { homeOf, requireUser } from "@/lib/auth/session";

// After signing in: back to the page that asked for it, or to the user's home.
export default async function AfterSignIn({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await requireUser();
  const next = safeNextPath((await searchParams).next);
  redirect(next || homeOf(user.role));
}
