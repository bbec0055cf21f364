/** Only paths on this site may be redirected to after signing in (no open redirects). */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "";
  return next;
}
