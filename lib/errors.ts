// The one error type for failures a user can do something about. Actions turn it into
// { ok: false, error, fieldErrors }; anything else is unexpected and reaches error.tsx.

export type ErrorCode =
  | "invalid_input"
  | "invalid_credentials"
  | "unauthorized"
  | "rate_limited"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "signup_closed";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That page") => new AppError("not_found", `${what} does not exist.`);
