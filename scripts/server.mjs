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
