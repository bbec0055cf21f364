// The production (and dev) HTTP server: Next.js behind a plain Node server that records the
// client's address and scheme in headers the app can trust (Next.js does not expose the
// socket), so rate limits can count per address and HSTS is sent only over https, and that
// refuses an oversized body before anything reads it, and that logs one JSON line per request
// (scripts/lib/request-log.mjs; LOG_REQUESTS=off to stop). Run by scripts/start.ts, scripts/dev.ts
// and the e2e suite; plain JavaScript so Node runs it without a loader.
//
//   node scripts/server.mjs [--dev] --port 3000 --host 0.0.0.0
import cluster from "node:cluster";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import next from "next";

import { buildRouteMatcher, requestLogger, requestLogMode } from "./lib/request-log.mjs";
import { staticHeaders } from "./lib/response-headers.mjs";

export const CLIENT_IP_HEADER = "x-quizwire-client-ip";
export const PROTO_HEADER = "x-quizwire-proto";

/**
 * No request body may be larger (checked on Content-Length here; Next's server-action limit
 * and the route handlers count the bytes of a chunked body). The largest legitimate body is
 * an imported article: at most 200,000 characters of text (ImportArticleSchema), under 1 MB
 * even in three-byte UTF-8. Keep it equal to next.config.js's serverActions.bodySizeLimit.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Connections the kernel may queue before the server takes them (see server.listen below). */
const LISTEN_BACKLOG = 4096;

/**
 * The scheme the client used. TRUST_PROXY=N: the proxies in front set X-Forwarded-Proto (the
 * entry N from the right when each appends, else the one value they set). Otherwise the
 * socket's: a client cannot claim https on a plain server.
 * @param {{ headers: import("node:http").IncomingHttpHeaders, socket: { encrypted?: boolean } }} request
 * @param {number} trustProxy
 * @returns {"http" | "https"}
 */
export function protoOf(request, trustProxy) {
  if (trustProxy > 0) {
    const forwarded = request.headers["x-forwarded-proto"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((hop) => hop.trim().toLowerCase())
      .filter(Boolean);
    const proto = hops[hops.length - trustProxy] ?? hops.at(-1);
    if (proto) return proto === "https" ? "https" : "http";
  }
  return request.socket.encrypted ? "https" : "http";
}

/**
 * Whether the request declares a body over MAX_REQUEST_BODY_BYTES.
 * @param {{ headers: import("node:http").IncomingHttpHeaders }} request
 */
export function declaresBodyOver(request) {
  return Number(request.headers["content-length"] ?? 0) > MAX_REQUEST_BODY_BYTES;
}

/**
 * The client's address. TRUST_PROXY=N: N proxies in front of us each append to
 * X-Forwarded-For, so the client is the entry N places from the right. Otherwise (unset or
 * 0) the socket's address: a forwarding header from an untrusted client is ignored.
 * @param {{ headers: import("node:http").IncomingHttpHeaders, socket: { remoteAddress?: string } }} request
 * @param {number} trustProxy
 * @returns {string | undefined}
 */
export function clientIpOf(request, trustProxy) {
  if (trustProxy > 0) {
    const forwarded = request.headers["x-forwarded-for"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const client = hops[hops.length - trustProxy];
    if (client) return client;
  }
  return request.socket.remoteAddress?.replace(/^::ffff:/, "");
}

/**
 * Where the app registers the routes this server answers ahead of Next (lib/fast-routes.ts, from
 * instrumentation.ts when Next starts): a function of the method and path that gives the route
 * ({ maxBytes, run(Request): Promise<Response> }) or null.
 */
const FAST_ROUTES = Symbol.for("quizwire.fastRoutes");

/**
 * @typedef {{ maxBytes: number, run: (request: Request) => Promise<Response> }} FastRoute
 */

/**
 * The route the app answers without Next for this request, if any.
 * @param {{ method?: string, url?: string }} req
 * @returns {FastRoute | null}
 */
function fastRouteOf(req) {
  /** @type {((method: string, pathname: string) => FastRoute | null) | undefined} */
  const find = /** @type {any} */ (globalThis)[FAST_ROUTES];
  if (!find || !req.method || !req.url) return null;
  const query = req.url.indexOf("?");
  return find(req.method, query < 0 ? req.url : req.url.slice(0, query));
}

/**
 * The body, read to at most `limit` bytes: the rest of a larger one is read and dropped as it
 * comes (closing at once would reset the connection before the client read the answer).
 * Rejects when the client goes away before the end.
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer>}
 */
export function readBodyUpTo(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let total = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const body = Buffer.concat(chunks, total);
      resolve(body.length > limit ? body.subarray(0, limit) : body);
    };
    req.on("data", (/** @type {Buffer} */ chunk) => {
      if (done) return;
      chunks.push(chunk);
      total += chunk.length;
      if (total >= limit) finish();
    });
    req.on("end", finish);
    req.on("close", () => {
      if (done) return;
      done = true;
      reject(new Error("The client closed the request before its body ended."));
    });
  });
}

/**
 * Answers a request with one of the app's routes (lib/fast-routes.ts) instead of Next: the body
 * (at most one byte over the route's limit, so that the route refuses it with its 413), a Web
 * Request of it with the headers as this server set them (the client's address and scheme), and
 * the route's Response sent with the headers Next adds to every response.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {FastRoute} route
 * @param {string} protoHeader
 */
export async function serveFast(req, res, route, protoHeader) {
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBodyUpTo(req, route.maxBytes + 1);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  let url;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", "http://localhost");
  }
  const response = await route.run(new Request(url, { method, headers, body }));
  const out = Buffer.from(await response.arrayBuffer());
  /** @type {Record<string, string | string[]>} */
  const head = staticHeaders(url.pathname, req.headers[protoHeader] === "https");
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") head[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) head["set-cookie"] = cookies;
  head["content-length"] = String(out.length);
  res.writeHead(response.status, head);
  res.end(out);
  // A client that keeps sending past the limit is cut off, as with a declared oversized body.
  if (!req.complete)
    setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, 5_000).unref();
}

async function main() {
  // Whatever the server writes (SQLite's -wal and -shm files, mailed reset links, Next's
  // cache) is for this account only, whatever the shell's umask.
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      port: { type: "string", default: "3000" },
      host: { type: "string", default: "0.0.0.0" },
    },
  });
  const port = Number(values.port);
  const trustProxy = Number(process.env.TRUST_PROXY ?? 0);
  // Read before forking, so a wrong value stops the server once, at start.
  const logMode = requestLogMode(process.env);
  const workers = values.dev ? 1 : Number(process.env.WEB_CONCURRENCY ?? 1);
  if (workers > 1 && cluster.isPrimary) return supervise(workers, `http://${values.host}:${port}`);
  const app = next({ dev: values.dev, hostname: values.host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const fastRoutes = !values.dev && process.env.FAST_ROUTES !== "off";
  const logRequest = logMode === "json" ? requestLogger(buildRouteMatcher(process.cwd())) : undefined;
  const server = createServer((req, res) => {
    logRequest?.(req, res);
    const ip = clientIpOf(req, trustProxy);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    req.headers[PROTO_HEADER] = protoOf(req, trustProxy);
    if (declaresBodyOver(req)) {
      res.writeHead(413, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          error: "too_large",
          message: `The request body is over the limit of ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MB.`,
        }),
      );
      // Node reads and discards what the client still sends (closing at once would reset the
      // connection before the client read the answer); one that keeps sending is cut off.
      setTimeout(() => {
        if (!req.complete) req.socket.destroy();
      }, 5_000).unref();
      return;
    }
    // A live game's answers (lib/fast-routes.ts), in production: the route itself, not Next's
    // routing and request scope around it. `next dev` reloads code, so it keeps Next's route;
    // FAST_ROUTES=off does too (to compare, or should the fast path ever be in doubt).
    const fast = fastRoutes ? fastRouteOf(req) : null;
    if (fast) {
      serveFast(req, res, fast, PROTO_HEADER).catch((error) => {
        if (req.destroyed && !req.complete) return; // The client went away mid-body.
        console.error(error);
        if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      });
      return;
    }
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  server.keepAliveTimeout = 65_000;
  // In a cluster the primary says when every worker listens. A class joining a live game opens
  // a connection per phone within seconds: the kernel holds up to LISTEN_BACKLOG of them (Node's
  // default is 511, capped by net.core.somaxconn) until the event loop takes them, where a full
  // queue drops the phone's SYN and its connect waits a second or more to try again.
  server.listen({ port, host: values.host, backlog: LISTEN_BACKLOG }, () => {
    if (cluster.isPrimary) console.log(`✓ Ready on http://${values.host}:${port}`);
  });
  // Finish the requests in flight, then exit; idle keep-alive connections close at once, and
  // so does each one that falls idle after (a live game's event streams end when told to
  // reconnect, leaving their connections idle: without this they held the exit to the deadline).
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * WEB_CONCURRENCY=N runs N copies of the server (node:cluster), one per core, sharing the
 * port; a copy that dies is replaced. The database is the only state they share: sessions,
 * rate limits and answers all live there, and SQLite's write lock is taken per commit.
 * @param {number} count
 * @param {string} address
 */
function supervise(count, address) {
  let listening = 0;
  let stopping = false;
  cluster.on("listening", () => {
    if (++listening === count) console.log(`✓ Ready on ${address} (${count} processes)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`A server process ended (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
