// Small helpers for route handlers (lib/route.ts puts them together): one JSON error shape,
// the cross-site check, and reading a body with a size cap.
import "server-only";

import { AppError } from "@/lib/errors";

const STATUS: Record<AppError["code"], number> = {
  invalid_input: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  rate_limited: 429,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  signup_closed: 403,
};

/**
 * Below this many bytes a body is sent as it is: gzip saves nothing worth a round of it. Next
 * drops a route's Content-Length, so its compressor cannot see the size and would gzip every
 * reply, a zlib stream made and ended for each (a class's live answers: a tenth of the server's
 * CPU). `no-transform` tells it, and any proxy, to leave such a body alone.
 */
const SMALL_BODY_BYTES = 1024;

/** JSON that no browser or proxy keeps: every answer of ours is about one user, now. */
export function jsonResponse(body: unknown, status = 200): Response {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < SMALL_BODY_BYTES;
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": small ? "no-store, no-transform" : "no-store",
    },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return jsonResponse(
      { error: error.code, message: error.message, fieldErrors: error.fieldErrors },
      STATUS[error.code],
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
  return jsonResponse({ error: "forbidden", message: "Cross-site requests are not accepted." }, 403);
}

/**
 * The most a JSON API body may be. An answer is under 3 KB (ten matches of 200 characters at
 * most, see lib/attempts/schemas.ts); a report under 200 bytes. The cap stops one client from
 * making the server buffer and parse megabytes.
 */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

function tooLargeResponse(maxBytes: number): Response {
  // Node discards the rest of the body; closing the connection at once instead could reset
  // it before the client read this answer.
  return jsonResponse(
    { error: "too_large", message: `The request body is over the limit of ${Math.round(maxBytes / 1024)} KB.` },
    413,
  );
}

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; response: Response };

/**
 * The request's body, refused with 413 once it passes maxBytes: at once when Content-Length
 * says so, else (a chunked body) as soon as the bytes read pass it. Never buffers more than
 * maxBytes plus one chunk.
 */
export async function readBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, response: tooLargeResponse(maxBytes) };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: tooLargeResponse(maxBytes) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The request's body parsed as JSON, at most maxBytes (413 beyond, 400 when it is not JSON). */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const read = await readBody(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(read.bytes)) as unknown };
  } catch {
    return {
      ok: false,
      response: jsonResponse({ error: "invalid_input", message: "The request body must be JSON." }, 400),
    };
  }
}

/** A download with a file name safe for any browser (text is sent as UTF-8, bytes as they are). */
export function download(body: string | Uint8Array, fileName: string, type: string): Response {
  const ascii = fileName.replace(/[^\w.-]+/g, "-");
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      "Content-Type": typeof body === "string" ? `${type}; charset=utf-8` : type,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
