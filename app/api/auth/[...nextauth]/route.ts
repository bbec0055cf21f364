// GET/POST /api/auth/* - next-auth's endpoints (session, CSRF token, credentials callback).
import { NextRequest } from "next/server";

import { handlers } from "@/lib/auth/auth";
import { readBody } from "@/lib/http";

/** A sign-in or sign-out form is a few hundred bytes: next-auth would buffer any size. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

export async function POST(request: NextRequest) {
  const body = await readBody(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return body.response;
  return handlers.POST(
    new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.bytes as BodyInit }),
  );
}
