// The client's address, as the Quizwire HTTP server (scripts/server.mjs) recorded it from
// the socket, or from X-Forwarded-For when TRUST_PROXY says a proxy in front sets it. That
// server always overwrites the header, so a browser cannot choose its value.

export const CLIENT_IP_HEADER = "x-quizwire-client-ip";

/** Reads the recorded address from request headers (in actions, pages and route handlers). */
export function clientIpFromHeaders(headers: Headers): string | undefined {
  return headers.get(CLIENT_IP_HEADER) || undefined;
}
