// The one wrapper for route handlers: it refuses cross-site writes, finds the signed-in user and
// checks their role, reads and parses the body (size cap, zod), the query and the path's
// params, then runs the handler with them. An AppError becomes its JSON status; data the
// handler returns becomes JSON that no cache keeps. Route files are left with their recipe.
import "server-only";

import { cookies } from "next/headers";
import type { z } from "zod";

import { getCurrentUser, sessionClaims, type CurrentUser } from "@/lib/auth/session";
import type { SessionClaims } from "@/lib/auth/session-token";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/sqlite/enums";
import {
  crossSiteResponse,
  errorResponse,
  isCrossSite,
  jsonResponse,
  MAX_JSON_BODY_BYTES,
  readJsonBody,
} from "@/lib/http";

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteOptions<B, Q, P, F> {
  /** Who may call it (default: anyone signed in). */
  roles?: readonly Role[];
  /**
   * What a caller who may not use it gets. "unauthorized" (the default): 401 when signed out
   * (the offline answer queue keeps its answers and retries), 403 for another role.
   * "not_found": 404 either way, as if the route did not exist (a teacher's data).
   */
  refuse?: "unauthorized" | "not_found";
  /** The 401's message, shown to the user. */
  signedOutMessage?: string;
  /** The JSON body's schema; a body that does not parse gets 400 invalid_input with the issues. */
  body?: B;
  /** The 400's message when the body does not parse. */
  invalidBodyMessage?: string;
  /** The largest body read (413 beyond). */
  maxBytes?: number;
  /** The query string's schema (an object of strings); 400 invalid_input when it does not parse. */
  query?: Q;
  /** The path's dynamic segments; 404 when they do not parse. */
  params?: P;
  /**
   * Reads the handler needs, started with the parsed body for the user the session cookie
   * names at the same time as the session check, so that they and the check take one round
   * trip (on PostgreSQL, one write: lib/db/sql.ts). Reads only: when the check refuses the
   * session, or the body does not parse, they are dropped unseen. The handler gets them as
   * `prefetched`.
   */
  prefetch?: (claimed: { userId: string; body: Infer<B> }) => Promise<F>;
  /**
   * Who acts when nobody is signed in: a live game's guest, named by a cookie for the game in
   * the path (lib/live/guests.ts). Called with the parsed params and the request's cookies; null
   * refuses as signed out.
   */
  guest?: (params: Infer<P>, cookie: (name: string) => Promise<string | undefined>) => Promise<CurrentUser | null>;
}

/**
 * Who is asking, as the wrapper reads it: from Next's request scope (route()), or from the
 * request's own headers where Next does not run (lib/plain-route.ts). Both read the same
 * session cookie and check it against the database the same way.
 */
export interface RouteIdentity {
  /** The session cookie's claims, decrypted but not yet checked against the database. */
  claims(): Promise<SessionClaims | null>;
  /** The signed-in user, checked against the database (null when signed out or refused). */
  user(): Promise<CurrentUser | null>;
  /** One of the request's cookies. */
  cookie(name: string): Promise<string | undefined>;
}

/** Next's request scope: the session read once per request (React's cache), cookies() for the rest. */
const nextIdentity: RouteIdentity = {
  claims: sessionClaims,
  user: getCurrentUser,
  cookie: async (name) => (await cookies()).get(name)?.value,
};

/** What the wrapper makes of a route: a handler of a Request, its path's params and who asks. */
export type RouteRunner = (
  request: Request,
  params: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined>,
  identity: RouteIdentity,
) => Promise<Response>;

export interface RouteContext<B, Q, P, F> {
  user: CurrentUser;
  /** What `prefetch` read (started for this user), when the route has one. */
  prefetched: Promise<F> | undefined;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  request: Request;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The 404 of a route that pretends not to exist to whoever may not see it. */
export function notFoundResponse(): Response {
  return jsonResponse({ error: "not_found" }, 404);
}

function invalidInput(message: string, error: z.ZodError): Response {
  return jsonResponse(
    {
      error: "invalid_input",
      message,
      issues: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    },
    400,
  );
}

/**
 * A route handler (GET, POST...) for App Router: `export const POST = route({ body: Schema },
 * async ({ user, body }) => doIt(db, user, body))`. The handler returns a Response (a download)
 * or data to send as JSON, and throws AppError for what the caller can fix.
 */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  F = undefined,
>(
  options: RouteOptions<B, Q, P, F>,
  handler: (context: RouteContext<B, Q, P, F>) => Promise<unknown>,
): (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response> {
  return nextRoute(routeRunner(options, handler));
}

/** A route made with routeRunner, as a Next route handler (in Next's request scope). */
export function nextRoute(
  run: RouteRunner,
): (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response> {
  return (request, context) => run(request, context.params, nextIdentity);
}

/**
 * The wrapper's work, for whichever identity: route() runs it in Next's request scope,
 * lib/plain-route.ts on a request Next never sees (the live answers, scripts/server.mjs).
 */
export function routeRunner<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  F = undefined,
>(options: RouteOptions<B, Q, P, F>, handler: (context: RouteContext<B, Q, P, F>) => Promise<unknown>): RouteRunner {
  const refuse = options.refuse ?? "unauthorized";
  const parseBody = async (
    request: Request,
  ): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> => {
    const read = await readJsonBody(request, options.maxBytes ?? MAX_JSON_BODY_BYTES);
    if (!read.ok) return read;
    const parsed = options.body!.safeParse(read.value);
    if (!parsed.success)
      return {
        ok: false,
        response: invalidInput(options.invalidBodyMessage ?? "The request is malformed.", parsed.error),
      };
    return { ok: true, value: parsed.data };
  };
  return async (request, rawParams, identity) => {
    if (STATE_CHANGING.has(request.method) && isCrossSite(request)) return crossSiteResponse();
    // With a prefetch the body is read first, so that the handler's reads can start now.
    const body = options.body && options.prefetch ? await parseBody(request) : undefined;
    const claims = body?.ok && options.prefetch ? await identity.claims() : null;
    const prefetched =
      claims && body?.ok ? options.prefetch!({ userId: claims.userId, body: body.value as Infer<B> }) : undefined;
    // Dropped unseen when the request is refused below; the handler awaits it otherwise.
    prefetched?.catch(() => undefined);
    let user = await identity.user();
    if (!user && options.guest && options.params) {
      const parsed = options.params.safeParse(await rawParams);
      if (parsed.success) user = await options.guest(parsed.data as Infer<P>, identity.cookie);
    }
    if (!user || (options.roles && !options.roles.includes(user.role))) {
      if (refuse === "not_found") return notFoundResponse();
      const error = user
        ? new AppError("forbidden", "You may not do that.")
        : new AppError("unauthorized", options.signedOutMessage ?? "Sign in first.");
      return errorResponse(error);
    }

    let params: unknown = undefined;
    if (options.params) {
      const parsed = options.params.safeParse(await rawParams);
      if (!parsed.success) return notFoundResponse();
      params = parsed.data;
    }
    let query: unknown = undefined;
    if (options.query) {
      const parsed = options.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return invalidInput("The query string is malformed.", parsed.error);
      query = parsed.data;
    }
    const parsedBody = body ?? (options.body ? await parseBody(request) : undefined);
    if (parsedBody && !parsedBody.ok) return parsedBody.response;

    try {
      const result = await handler({
        user,
        // Read for the user the cookie names: the one the session check has just accepted.
        prefetched: claims?.userId === user.id ? prefetched : undefined,
        body: parsedBody?.value as Infer<B>,
        query: query as Infer<Q>,
        params: params as Infer<P>,
        request,
      });
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
