// The one wrapper for server actions: validate the form with zod, run the handler, and turn
// an AppError into { ok: false, error, fieldErrors } shown next to the form. Anything else
// (including Next's redirect and notFound signals) is rethrown. userAction() first finds the
// acting user and checks their role, and hands the user to the handler.
import "server-only";

import { notFound } from "next/navigation";
import type { z } from "zod";

import { requireUser, TEACHER_ROLES, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/sqlite/enums";

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

export interface UserActionOptions {
  /** Where sign-in sends a signed-out caller back to. */
  next?: string;
  /**
   * For another role: this message next to the form, instead of a 404 (the page pretends not
   * to exist to whoever may not use it).
   */
  forbidden?: string;
}

/**
 * An action for signed-in users of these roles (null: any role). The user is checked before
 * the form is read: signed out, a redirect to sign in; another role, a 404 (or the
 * `forbidden` message); then the form is validated and the handler runs with the user.
 */
export function userAction<S extends z.ZodType, T>(
  roles: readonly Role[] | null,
  schema: S,
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
  options: UserActionOptions = {},
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (previous, formData) => {
    const user = await requireUser(options.next);
    if (roles && !roles.includes(user.role)) {
      if (options.forbidden) return { ok: false, error: options.forbidden };
      notFound();
    }
    return formAction(schema, (input) => handler(input, user))(previous, formData);
  };
}

/** For teachers (and admins, who may also teach). */
export const teacherAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, teacher: CurrentUser) => Promise<T>,
) => userAction(TEACHER_ROLES, schema, handler);

export const adminAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, admin: CurrentUser) => Promise<T>,
) => userAction(["ADMIN"], schema, handler);
