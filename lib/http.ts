// Small helpers for route handlers: one JSON error shape, and the cross-site check.
import { AppError } from "@/lib/errors";

const STATUS: Record<AppError["code"], number> = {
  invalid_input: 400,
  invalid_credentials: 401,
  rate_limited: 429,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  signup_closed: 403,
};

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: error.code, message: error.message, fieldErrors: error.fieldErrors },
      { status: STATUS[error.code] },
    );
  }
  throw error;
}

/**
 * Refuses a state-changing request from another site. Browsers send Sec-Fetch-Site (or at
 * least Origin) on cross-site requests; same-origin and direct (non-browser) calls pass.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function crossSiteResponse(): Response {
  return Response.json({ error: "forbidden", message: "Cross-site requests are not accepted." }, { status: 403 });
}

/** A download with a file name safe for any browser. */
export function download(body: string, fileName: string, type: string): Response {
  const ascii = fileName.replace(/[^\w.-]+/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
