// Wiring a form field to its action's last result: what the user typed comes back after an
// error (React resets a form when its action finishes), with the error for that field.
import type { ActionResult } from "@/lib/actions";

export function field(state: ActionResult<unknown> | null, name: string, fallback?: string) {
  const failed = state && !state.ok ? state : undefined;
  return { name, defaultValue: failed?.values?.[name] ?? fallback, error: failed?.fieldErrors?.[name] };
}
