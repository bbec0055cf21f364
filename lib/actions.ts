// The one wrapper for server actions: validate the form with zod, run the handler, and turn
// an AppError into { ok: false, error, fieldErrors } shown next to the form. Anything else
// (including Next's redirect and notFound signals) is rethrown.
import type { z } from "zod";

import { AppError } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

// Never sent back to the browser: secrets are typed again after an error.
const SECRET_FIELDS = new Set(["password", "secret", "current", "next", "token", "confirm"]);

/** What the user typed (secrets left out), so a form that failed keeps its other fields. */
function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

/** Parses FormData into the schema's shape (repeated keys become arrays). */
export function formDataObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const current = object[key];
    object[key] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return object;
}

export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_previous, formData) => {
    const input = formDataObject(formData);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: "Please correct the fields marked below.",
        fieldErrors: fieldErrorsOf(parsed.error),
        values: echoValues(input),
      };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: error.message, fieldErrors: error.fieldErrors, values: echoValues(input) };
      }
      throw error;
    }
  };
}
